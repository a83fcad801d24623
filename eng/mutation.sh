#!/usr/bin/env bash
# Mutation testing of the library with Stryker.NET, one folder (or one file) at a time, within a time box.
# Not in CI: one folder takes 45-90 minutes on the shared 2-core machine. See docs/testing.md.
#
#   eng/mutation.sh [--timebox MINUTES] [--concurrency N] [--by folder|file|one] [--recheck REPORT.json]
#                   [--fast | --filter EXPR] [--trace] [TARGET...]
#
# TARGET is a folder of src/MortgageMath (default, in this order: Prepayment Amortization Loans Rates) or a file
# path relative to src/MortgageMath (Prepayment/PayoffQuote.cs).
# --by file runs Stryker once per .cs file of each folder target (slower: one build and initial test run per file);
# --by one runs all the TARGETs in one Stryker run (one start-up; named after the first target, with "+").
# --timebox (default 60) is a wall-clock budget for the whole script: a run is started only while time is left and
# is killed when the budget runs out. Stryker writes its report only at the end, so a killed run has no score: only
# the Dots progress in its log (one character per mutant tested). Give a folder the time it needs (Amortization:
# more than 80 minutes on 2 busy cores) or split it with --by file.
# --concurrency (default 1) is Stryker's number of parallel test runners: keep it at 1 or 2 on a shared machine.
# --recheck REPORT.json adds to the first run the mutants that report left undetected (Survived, NoCoverage), so
# that one Stryker start (build, initial test run, coverage: ~15 minutes here) serves both; the report is then
# merged with their new status into REPORT-merged.json and scored (tests are only added between runs, so what was
# killed stays killed). Without TARGETs it re-tests only those mutants.
# --filter EXPR runs only the tests that match EXPR (dotnet test --filter syntax; Stryker's "test-case-filter",
# written into a copy of eng/stryker-config.json). --fast uses the filter of eng/mutation-fast-filter.txt for the
# target (it leaves out the slow suites: property, servicing differential, CLI, doc-sample, book and verification;
# see docs/testing.md). Fewer tests can only kill fewer mutants: a score measured so is a lower bound; re-check
# its survivors against the whole suite (--recheck, without --fast) for their true status.
# --trace also writes Stryker's trace log (artifacts/mutation/<target>/logs/): it names each mutant as it is created
# and gives each test run's result, so a run killed by its time box still tells what it tested.
# Reports: artifacts/mutation/<target>/reports/mutation-report.{json,html}; a summary table is printed at the end
# and written to artifacts/mutation/summary.txt.
set -euo pipefail

timebox=60
concurrency=1
by=folder
targets=()
recheck=""
filter=""
fast=0
trace=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --timebox) timebox="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --by) by="$2"; shift 2 ;;
    --recheck) recheck="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --fast) fast=1; shift ;;
    --trace) trace=(-L); shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    -*) echo "mutation.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ "$timebox" =~ ^[0-9]+$ && "$timebox" -gt 0 ]] || { echo "mutation.sh: --timebox must be a positive number of minutes" >&2; exit 2; }
[[ "$concurrency" =~ ^[1-9][0-9]*$ ]] || { echo "mutation.sh: --concurrency must be a positive integer" >&2; exit 2; }
[[ "$by" == folder || "$by" == file || "$by" == one ]] || { echo "mutation.sh: --by must be folder, file or one" >&2; exit 2; }
[[ -z "$recheck" || -f "$recheck" ]] || { echo "mutation.sh: no report $recheck" >&2; exit 2; }
[[ -z "$filter" || $fast -eq 0 ]] || { echo "mutation.sh: --fast and --filter exclude each other" >&2; exit 2; }
[[ ${#targets[@]} -gt 0 || -n "$recheck" ]] || targets=(Prepayment Amortization Loans Rates)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/src/MortgageMath"
testproj="$root/tests/MortgageMath.Tests"
config="$root/eng/stryker-config.json"
out="$root/artifacts/mutation"
mkdir -p "$out"

# Stryker from the tool manifest (.config/dotnet-tools.json), or a --tool-path install named by $STRYKER.
if [[ -n "${STRYKER:-}" ]]; then stryker=("$STRYKER"); else (cd "$root" && dotnet tool restore >/dev/null); stryker=(dotnet tool run dotnet-stryker); fi

# Expand targets into runs: each run is a folder or a file (relative to src/MortgageMath), or "recheck".
runs=()
[[ ${#targets[@]} -gt 0 ]] || runs+=(recheck)
for t in "${targets[@]}"; do
  t="${t%/}"
  if [[ -d "$lib/$t" ]]; then
    if [[ "$by" == one ]]; then
      [[ ${#runs[@]} -gt 0 && "${runs[-1]}" == ONE ]] || runs+=(ONE)
    elif [[ "$by" == file ]]; then
      for f in "$lib/$t"/*.cs; do runs+=("${f#"$lib/"}"); done
    else
      runs+=("$t")
    fi
  elif [[ -f "$lib/$t" ]]; then
    if [[ "$by" == one ]]; then [[ ${#runs[@]} -gt 0 && "${runs[-1]}" == ONE ]] || runs+=(ONE); else runs+=("$t"); fi
  else
    echo "mutation.sh: no folder or file src/MortgageMath/$t" >&2; exit 2
  fi
done

# Mutate patterns of a run: the file or folder, minus the ToString() overrides (display texts; see docs/testing.md).
patterns() {
  if [[ "$1" == ONE ]]; then
    for t in "${targets[@]}"; do python3 "$root/eng/mutation_patterns.py" "$lib" "${t%/}"; done
  elif [[ "$1" != recheck ]]; then python3 "$root/eng/mutation_patterns.py" "$lib" "$1"; fi
  if [[ -n "$recheck" && "$1" == "${runs[0]}" ]]; then python3 "$root/eng/mutation_recheck.py" patterns "$lib" "$recheck"; fi
}

deadline=$(( $(date +%s) + timebox * 60 ))
summary="$out/summary.txt"
: > "$summary.tmp"
for run in "${runs[@]}"; do
  left=$(( deadline - $(date +%s) ))
  if (( left < 120 )); then
    echo "== $run: not started, time box of $timebox minutes used up" | tee -a "$summary.tmp"
    continue
  fi
  label="$run"
  if [[ "$run" == ONE ]]; then label="$(IFS=+; echo "${targets[*]}")"; fi
  name="${label//\//_}"; name="${name//.cs/}"
  rm -rf "${out:?}/$name"
  args=()
  while IFS= read -r p; do args+=(-m "$p"); done < <(patterns "$run")
  # The test filter of this run (--filter, or --fast's line for the run's folder), in a copy of the configuration.
  runfilter="$filter"
  if (( fast )); then runfilter="$(python3 "$root/eng/mutation_filter.py" "$root/eng/mutation-fast-filter.txt" "$run")"; fi
  runconfig="$config"
  if [[ -n "$runfilter" ]]; then
    runconfig="$out/$name.stryker-config.json"
    python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); c["stryker-config"]["test-case-filter"]=sys.argv[2]; json.dump(c,open(sys.argv[3],"w"),indent=2)' \
      "$config" "$runfilter" "$runconfig"
  fi
  echo "== $label: Stryker with ${#args[@]} mutate pattern(s), concurrency $concurrency, at most $(( left / 60 )) min${runfilter:+, tests: $runfilter}"
  start=$(date +%s)
  set +e
  (cd "$testproj" && timeout --kill-after=30 "$left" "${stryker[@]}" -f "$runconfig" -c "$concurrency" \
     -O "$out/$name" -r Json -r Html -r Dots "${trace[@]}" "${args[@]}" > "$out/$name.log" 2>&1)
  rc=$?
  set -e
  secs=$(( $(date +%s) - start ))
  report="$out/$name/reports/mutation-report.json"
  if [[ $rc -ne 0 || ! -f "$report" ]]; then
    echo "== $label: no report (exit $rc after ${secs}s$([[ $rc -eq 124 || $rc -eq 137 ]] && echo ', time box')); see $out/$name.log" | tee -a "$summary.tmp"
    continue
  fi
  echo "== $label: ${secs}s${runfilter:+ (tests: $runfilter; a lower bound)}" >> "$summary.tmp"
  python3 "$root/eng/mutation_score.py" "$report" | tee -a "$summary.tmp"
  if [[ -n "$recheck" && "$run" == "${runs[0]}" ]]; then
    merged="${recheck%.json}-merged.json"
    python3 "$root/eng/mutation_recheck.py" merge "$recheck" "$report" "$merged"
    echo "== $recheck re-checked by this run (merged: $merged)" | tee -a "$summary.tmp"
    python3 "$root/eng/mutation_score.py" "$merged" | tee -a "$summary.tmp"
  fi
done
mv "$summary.tmp" "$summary"
echo
echo "Summary ($summary):"
cat "$summary"

"""Per-file mutation scores from a Stryker JSON report (mutation-testing-elements schema).

Usage: mutation_score.py REPORT.json [--survivors]

Score = detected / (detected + undetected) with detected = Killed + Timeout and undetected = Survived + NoCoverage,
as Stryker computes it; Ignored (excluded by a filter: the ToString members) and CompileError mutants do not count.
The undetected mutants listed in eng/mutation-exclusions.txt (file | mutator | replacement | [in: code |] reason:
equivalent or unreachable, each with its reason; "in:" names a piece of the original code on the mutant's line or the
five before it, for a replacement such as ";" or "{}" that many mutants of a file share) are set aside as "equivalent" and do not count either; "raw" is the score with
them. --survivors also lists each remaining surviving or uncovered mutant (file:line:column, mutator, replacement).
"""
import json
import os
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
survivors = "--survivors" in sys.argv
listing = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mutation-exclusions.txt")
contexts = {}  # (file, mutator, replacement) -> the "in:" snippets of its lines; None: any line
for line in open(listing, encoding="utf-8") if os.path.exists(listing) else []:
    if line.strip() and not line.lstrip().startswith("#"):
        parts = [part.strip() for part in line.split(" | ")]
        file, mutator, replacement = parts[0], parts[1], parts[2]
        snippet = parts[3][len("in:"):].strip() if len(parts) > 4 and parts[3].startswith("in:") else None
        key = (file, mutator, replacement)
        if snippet is None:
            contexts[key] = None
        elif contexts.get(key, []) is not None:
            contexts.setdefault(key, []).append(snippet)


def excluded(path, f, m):
    """Whether a mutant is listed: by file, mutator and replacement, and, for a line with an "in:" field, by that
    snippet of the original code occurring in the mutant's line or the five lines before it."""
    key = (name_of(path), m["mutatorName"], (m.get("replacement") or "").strip())
    if key not in contexts:
        return False
    if contexts[key] is None:
        return True
    lines = f.get("source", "").split("\n")
    start = m["location"]["start"]["line"]
    window = "\n".join(lines[max(0, start - 6):start])
    return any(snippet in window for snippet in contexts[key])


def name_of(path):
    return path.replace("\\", "/").split("src/MortgageMath/")[-1]


for path, f in report["files"].items():
    for m in f["mutants"]:
        if m["status"] in ("Survived", "NoCoverage") and excluded(path, f, m):
            m["status"] = "Equivalent"

total = {"det": 0, "und": 0, "ign": 0, "eqv": 0}
rows = []
for path, f in sorted(report["files"].items()):
    st = [m["status"] for m in f["mutants"]]
    det = sum(s in ("Killed", "Timeout") for s in st)
    und = sum(s in ("Survived", "NoCoverage") for s in st)
    ign = sum(s == "Ignored" for s in st)
    eqv = sum(s == "Equivalent" for s in st)
    nocov = sum(s == "NoCoverage" for s in st)
    if det + und + ign + eqv == 0:
        continue  # not a file of this run
    for k, v in (("det", det), ("und", und), ("ign", ign), ("eqv", eqv)):
        total[k] += v
    name = name_of(path)
    score = f"{100 * det / (det + und):6.2f}%" if det + und else "   n/a "
    raw = f"{100 * det / (det + und + eqv):6.2f}%" if det + und + eqv else "   n/a "
    rows.append(f"  {name:36} {score} (raw {raw})  killed {det:4}  survived {und - nocov:3}  no coverage {nocov:3}  equivalent {eqv:2}  ignored {ign:3}")
    if survivors:
        for m in f["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                loc = m["location"]["start"]
                rep = (m.get("replacement") or "").replace("\n", " ")[:100]
                rows.append(f"      {m['status']:10} {name}:{loc['line']}:{loc['column']}  {m['mutatorName']}: {rep}")
print("\n".join(rows))
det, und, eqv = total["det"], total["und"], total["eqv"]
if det + und:
    print(f"  {'(all files of this run)':36} {100 * det / (det + und):6.2f}% (raw {100 * det / (det + und + eqv):6.2f}%)  killed {det:4}  undetected {und:3}  equivalent {eqv:2}  ignored {total['ign']:3}")

"""Per-file mutation scores from a Stryker JSON report (mutation-testing-elements schema).

Usage: mutation_score.py REPORT.json [--survivors]

Score = detected / (detected + undetected) with detected = Killed + Timeout and undetected = Survived + NoCoverage,
as Stryker computes it; Ignored (excluded by a filter) and CompileError mutants do not count. --survivors also lists
each surviving or uncovered mutant (file:line:column, mutator, replacement).
"""
import json
import os
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
survivors = "--survivors" in sys.argv
total = {"det": 0, "und": 0, "ign": 0}
rows = []
for path, f in sorted(report["files"].items()):
    st = [m["status"] for m in f["mutants"]]
    det = sum(s in ("Killed", "Timeout") for s in st)
    und = sum(s in ("Survived", "NoCoverage") for s in st)
    ign = sum(s == "Ignored" for s in st)
    nocov = sum(s == "NoCoverage" for s in st)
    if det + und + ign == 0:
        continue  # not a file of this run
    for k, v in (("det", det), ("und", und), ("ign", ign)):
        total[k] += v
    name = path.split("src/MortgageMath/")[-1] if "src/MortgageMath/" in path else os.path.basename(path)
    score = f"{100 * det / (det + und):6.2f}%" if det + und else "   n/a "
    rows.append(f"  {name:42} {score}  killed {det:4}  survived {und - nocov:3}  no coverage {nocov:3}  ignored {ign:3}")
    if survivors:
        for m in f["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                loc = m["location"]["start"]
                rep = (m.get("replacement") or "").replace("\n", " ")[:100]
                rows.append(f"      {m['status']:10} {name}:{loc['line']}:{loc['column']}  {m['mutatorName']}: {rep}")
print("\n".join(rows))
det, und = total["det"], total["und"]
if det + und:
    print(f"  {'(all files of this run)':42} {100 * det / (det + und):6.2f}%  killed {det:4}  undetected {und:3}  ignored {total['ign']:3}")

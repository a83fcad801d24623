"""Mutate patterns that re-test only the undetected mutants of an earlier Stryker report, and the merge of the two.

  mutation_recheck.py patterns LIB OLD.json        one '**/File.cs{start..end}' a line, per Survived/NoCoverage mutant
  mutation_recheck.py merge OLD.json NEW.json OUT.json
                                                   OLD with the status of every mutant NEW re-tested (matched by
                                                   file, location, mutator and replacement), written as OUT

Tests are only ever added between the two runs, so a mutant OLD counted as killed stays killed: re-testing the
undetected ones is enough to score the files again (see docs/testing.md).
"""
import json
import os
import sys


def rel(path):
    return path.replace("\\", "/").split("src/MortgageMath/")[-1]


def key(path, m):
    s, e = m["location"]["start"], m["location"]["end"]
    return (rel(path), s["line"], s["column"], e["line"], e["column"], m["mutatorName"], m.get("replacement"))


if sys.argv[1] == "patterns":
    lib, old = sys.argv[2], json.load(open(sys.argv[3], encoding="utf-8"))
    for path, f in sorted(old["files"].items()):
        undetected = [m for m in f["mutants"] if m["status"] in ("Survived", "NoCoverage")]
        if not undetected:
            continue
        with open(os.path.join(lib, rel(path)), encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
        starts = [0]
        for i, c in enumerate(text):
            if c == "\n":
                starts.append(i + 1)
        for m in undetected:
            s, e = m["location"]["start"], m["location"]["end"]
            a = starts[s["line"] - 1] + s["column"] - 1
            b = starts[e["line"] - 1] + e["column"] - 1
            print(f"**/{rel(path)}{{{a}..{b}}}")
elif sys.argv[1] == "merge":
    old = json.load(open(sys.argv[2], encoding="utf-8"))
    new = json.load(open(sys.argv[3], encoding="utf-8"))
    retested = {}
    for path, f in new["files"].items():
        for m in f["mutants"]:
            if m["status"] not in ("Ignored", "CompileError", "Pending"):
                retested[key(path, m)] = m["status"]
    changed = 0
    for path, f in old["files"].items():
        for m in f["mutants"]:
            k = key(path, m)
            if m["status"] in ("Survived", "NoCoverage") and k in retested:
                changed += m["status"] != retested[k]
                m["status"] = retested[k]
    json.dump(old, open(sys.argv[4], "w", encoding="utf-8"))
    print(f"merged: {changed} mutant(s) changed status", file=sys.stderr)

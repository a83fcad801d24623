"""The --fast test filter of eng/mutation.sh for one run, from eng/mutation-fast-filter.txt.

Usage: mutation_filter.py FILTERS.txt RUN   (RUN: a folder or file relative to src/MortgageMath, or "recheck")

Prints a dotnet-test filter expression (FullyQualifiedName!~PREFIX&...) made of the "*" line and the line of RUN's
folder; nothing for "recheck" (a re-check is against the whole suite).
"""
import sys

filters, run = sys.argv[1], sys.argv[2]
folder = run.split("/")[0]
prefixes = []
if run != "recheck":
    for line in open(filters, encoding="utf-8"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        target, names = (part.strip() for part in line.split("|", 1))
        if target in ("*", folder):
            prefixes += [n.strip() for n in names.split(",") if n.strip()]
print("&".join(f"FullyQualifiedName!~{p}" for p in prefixes))

"""Stryker --mutate patterns for one run of eng/mutation.sh.

Usage: mutation_patterns.py LIB TARGET   (TARGET: a folder of LIB, or a .cs file relative to LIB)

Prints one pattern a line: the folder's or file's glob, then one exclusion '!**/File.cs{start..end}' per
'override string ToString()' member (display text only: see docs/testing.md, "Exclusions"). Spans are character
offsets in the file as Roslyn reads it (no BOM), which is what Stryker.NET's {start..end} filter compares with.
(Equivalent mutants are not filtered here, where a span would also drop killable mutants nested in the same
expression; eng/mutation_score.py sets them aside by mutator and replacement, from eng/mutation-exclusions.txt.)
"""
import os
import re
import sys

lib, target = sys.argv[1], sys.argv[2].rstrip("/")
path = os.path.join(lib, target)
files = sorted(os.path.join(target, f) for f in os.listdir(path) if f.endswith(".cs")) if os.path.isdir(path) else [target]
print(f"**/{target}/*.cs" if os.path.isdir(path) else f"**/{target}")

member = re.compile(r"public override string ToString\(\)\s*=>")
for rel in files:
    with open(os.path.join(lib, rel), encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    for m in member.finditer(text):
        # An expression-bodied member ends at the first ';' outside strings, parentheses and braces.
        depth, i, quote = 0, m.end(), None
        while i < len(text):
            c = text[i]
            if quote:
                if c == "\\" and quote == '"':
                    i += 1
                elif c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            elif c == ";" and depth <= 0:
                break
            i += 1
        # (Interpolated strings: braces inside them are balanced, so the depth count still holds.)
        print(f"!**/{rel}{{{m.start()}..{i + 1}}}")


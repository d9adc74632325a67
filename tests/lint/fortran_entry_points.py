#!/usr/bin/env python3
"""Fortran ABI entry points must not declare gfortran's hidden character-length arguments.

Many callers do not pass them (f2py's wrappers in scipy, C programs, LAPACKE), and a function
that declares them owns those stack slots as far as the compiler knows: GCC may store into them,
e.g. to set up a tail call, and so overwrite the caller's frame (scipy's zsymm crashed exactly
so). Only xerbla_ reads its length; every caller passes it there. Exits 1 listing offenders."""
import glob
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
allowed = {"xerbla_"}
bad, checked = [], 0
for path in sorted(glob.glob(os.path.join(root, "src", "**", "*.c"), recursive=True)):
    text = open(path, encoding="utf-8").read()
    pos = 0
    while (k := text.find("SB_API", pos)) >= 0:
        pos = k + 6
        brace, semi = text.find("{", k), text.find(";", k)
        if brace < 0 or (0 <= semi < brace):
            continue  # a declaration or a variable
        sig = text[k:brace]
        end = sig.rfind(")")
        depth, start = 0, end
        while start >= 0:
            depth += {")": 1, "(": -1}.get(sig[start], 0)
            if depth == 0:
                break
            start -= 1
        name = sig[:start].split()[-1] if sig[:start].split() else "?"
        checked += 1
        if "size_t" in sig[start:end] and not any(a in name for a in allowed):
            bad.append(f"{os.path.relpath(path, root)}: {name}")
for b in bad:
    print("declares hidden length arguments:", b)
print(f"fortran_entry_points: {checked - len(bad)} passed, {len(bad)} failed")
sys.exit(1 if bad else 0)

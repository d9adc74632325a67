#!/usr/bin/env python3
"""multiprocessing with the fork start method after the parent used BLAS/LAPACK: the parent
computes inv and @ (its library threads may be running), then a pool of forked workers computes
inv and @ of the same matrices; each result must equal the parent's (same library, same inputs:
the results agree to rounding; checked to 1e-12 relative). Run with /usr/bin/python3 and
LD_LIBRARY_PATH=<build>/compat (set by CTest); SB_EXPECT_LIBS names the library files allowed.
Prints "N passed, N failed".
"""
import multiprocessing as mp
import os
import re
import sys

import numpy as np

BLASLIKE = re.compile(r"blas|lapack|blis|atlas|mkl|flexiblas", re.I)


def mats(i):
    rng = np.random.default_rng(i)
    n = 150 + 37 * i
    a = rng.standard_normal((n, n)) + n * np.eye(n)
    b = rng.standard_normal((n, n))
    return a, b


def task(i):
    a, b = mats(i)
    return i, np.linalg.inv(a), a @ b


def mapped_blaslike():
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            if len(parts) == 6 and parts[5].startswith("/"):
                path = parts[5].strip()
                if path.endswith(" (deleted)"):
                    path = path[: -len(" (deleted)")]
                base = os.path.basename(path)
                if base.startswith("lib") and ".so" in base and BLASLIKE.search(base):
                    libs.add(os.path.realpath(path))
    return sorted(libs)


def main():
    passed = failed = 0
    expect = set(filter(None, os.environ.get("SB_EXPECT_LIBS", "").split(":")))
    ntasks = 12
    want = {}
    for i in range(ntasks):
        a, b = mats(i)
        want[i] = (np.linalg.inv(a), a @ b)
    libs = mapped_blaslike()
    if libs and (not expect or all(l in expect for l in libs)):
        passed += 1
    else:
        failed += 1
        print("FAIL: mapped %s, expected %s" % (libs, sorted(expect)))
    print("mapped: %s" % ", ".join(libs))
    ctx = mp.get_context("fork")
    for round_ in range(3):
        with ctx.Pool(4) as pool:
            try:
                results = pool.map_async(task, range(ntasks)).get(timeout=120)
            except mp.TimeoutError:
                print("FAIL: pool round %d hung" % round_)
                failed += 1
                pool.terminate()
                continue
        for i, inv, prod in results:
            wi, wp = want[i]
            ok = (np.max(np.abs(inv - wi)) <= 1e-12 * np.max(np.abs(wi)) and
                  np.max(np.abs(prod - wp)) <= 1e-12 * np.max(np.abs(wp)))
            if ok:
                passed += 1
            else:
                failed += 1
                print("FAIL: round %d task %d differs from the parent's result" % (round_, i))
        # the parent still works after its workers
        a, b = mats(0)
        if np.max(np.abs(np.linalg.inv(a) - want[0][0])) <= 1e-12 * np.max(np.abs(want[0][0])):
            passed += 1
        else:
            failed += 1
            print("FAIL: parent after round %d" % round_)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""numpy.linalg cases for the benchmark's numpy section (bench/sbb_numpy.c runs this script).

Run with Debian's numpy under whichever libblas.so.3/liblapack.so.3 the dynamic loader finds
(LD_LIBRARY_PATH picks SafeBLAS's compat folder or a peer's). One process measures one library
at one thread count (the caller sets the *_NUM_THREADS variables). Output, one line per case:
    mapped <the BLAS/LAPACK files the process mapped>
    case <name> <n> <best wall-clock seconds of the rounds> <best CPU seconds of the process>
(the CPU time is the steadier measure of a one-thread run on a shared machine)
Usage: numpy_cases.py [--rounds R] [--max-seconds S] [--cases eigh,svd,...] [--sizes 200,1000]
A case whose first round takes longer than S seconds is measured once and larger sizes of
that case are skipped.
"""
import argparse
import sys
import time

import numpy as np


def mapped():
    """The BLAS/LAPACK files this process mapped (from /proc/self/maps), resolved paths."""
    seen = []
    with open("/proc/self/maps") as f:
        for line in f:
            parts = line.split()
            base = parts[-1].rsplit("/", 1)[-1] if len(parts) >= 6 else ""
            if ("blas" in base or "lapack" in base or "blis" in base) and parts[-1] not in seen:
                seen.append(parts[-1])
    return " ".join(seen) or "?"


def spd(rng, n):
    a = rng.standard_normal((n, n))
    return a @ a.T + n * np.eye(n)


SHORT_BUDGET = 0.3  # seconds
SHORT_MAX = 200

# name -> (setup(rng, n) -> args, call(*args)); the setup is not timed.
CASES = {
    "eigh": (lambda r, n: (spd(r, n),), lambda a: np.linalg.eigh(a)),
    "eigvalsh": (lambda r, n: (spd(r, n),), lambda a: np.linalg.eigvalsh(a)),
    "svd": (lambda r, n: (r.standard_normal((n, n)),), lambda a: np.linalg.svd(a)),
    "qr": (lambda r, n: (r.standard_normal((n, n)),), lambda a: np.linalg.qr(a)),
    "lstsq": (lambda r, n: (r.standard_normal((n, n // 4)), r.standard_normal(n)),
              lambda a, b: np.linalg.lstsq(a, b, rcond=None)),
    "solve": (lambda r, n: (r.standard_normal((n, n)), r.standard_normal((n, 100))),
              lambda a, b: np.linalg.solve(a, b)),
    "inv": (lambda r, n: (r.standard_normal((n, n)),), lambda a: np.linalg.inv(a)),
    "det": (lambda r, n: (r.standard_normal((n, n)),), lambda a: np.linalg.det(a)),
    "cholesky": (lambda r, n: (spd(r, n),), lambda a: np.linalg.cholesky(a)),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--max-seconds", type=float, default=4.0)
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--sizes", default="200,1000,2000")
    o = ap.parse_args()
    np.seterr(all="ignore")  # det of a large random matrix overflows; only the time matters
    np.linalg.det(np.eye(2))  # loads the libraries
    print("mapped", mapped(), flush=True)
    sizes = [int(s) for s in o.sizes.split(",")]
    for name in o.cases.split(","):
        setup, call = CASES[name]
        for n in sizes:
            rng = np.random.default_rng(12345 + n)  # the same matrix for every library
            args = setup(rng, n)
            call(*setup(rng, min(n, 64)))  # warm up the library (threads, first-use setup)
            best = float("inf")
            best_cpu = float("inf")
            # at least `rounds`; a short case goes on for SHORT_BUDGET seconds (up to SHORT_MAX
            # rounds): the best of 3 sub-millisecond calls on a shared machine was a draw
            start = time.perf_counter()
            r = 0
            while r < o.rounds or (time.perf_counter() - start < SHORT_BUDGET and r < SHORT_MAX):
                t, c = time.perf_counter(), time.process_time()
                call(*args)
                best_cpu = min(best_cpu, time.process_time() - c)
                best = min(best, time.perf_counter() - t)
                r += 1
                if best > o.max_seconds:
                    break
            print("case", name, n, "%.6f" % best, "%.6f" % best_cpu, flush=True)
            if best > o.max_seconds:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs a project's own tests with pytest in a venv of PyPI wheels, on the wheels' own OpenBLAS or on
the SafeBLAS rescue, and proves which library the test process ran on.

  run_suite.py --venv DIR --suite numpy|scipy|sklearn --blas openblas|safeblas
               [--known known_failures.txt] [--results DIR] [--timeout S] [-- pytest args]

Proof of the library: the sb_blascheck plugin (tests/python) checks /proc/self/maps at the start
and end of the session (only the venv's bundled libscipy_openblas* files may be mapped), and
this script checks what those files are: --blas safeblas needs the rescue recorded in the venv
and every bundled file's sha256 equal to the rescue library's; --blas openblas needs no rescue.
A failing test passes only if listed in --known with the reason. With --results, the counts go
to DIR/<suite>-<blas>.json and the SafeBLAS run prints the OpenBLAS run's counts beside its own.
Suites (the files are the projects' own tests, as installed by their wheels):
  numpy    numpy/linalg/tests
  scipy    scipy/linalg/tests: the files below (solve/inv/det/lstsq, the decompositions, the BLAS
           and LAPACK wrappers, the matrix-equation solvers: 6,528 tests, about three quarters of the folder)
  sklearn  the selection below: linear models and decompositions on BLAS/LAPACK (ridge's
           cholesky/svd/lsqr solvers, lars, coordinate descent with n_jobs through joblib's
           loky worker processes, PCA/SVD/factor analysis) and joblib's parallel helpers
"""
import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYPLUGIN = os.path.join(os.path.dirname(os.path.dirname(HERE)), "python")  # tests/python/sb_blascheck.py
SCIPY = ["test_basic.py", "test_decomp.py", "test_decomp_lu.py", "test_decomp_cholesky.py", "test_blas.py",
         "test_fblas.py", "test_cython_blas.py", "test_lapack.py", "test_solvers.py"]
SKLEARN = ["linear_model/tests/test_ridge.py", "linear_model/tests/test_base.py",
           "linear_model/tests/test_least_angle.py", "linear_model/tests/test_coordinate_descent.py",
           "decomposition/tests/test_pca.py", "decomposition/tests/test_truncated_svd.py",
           "decomposition/tests/test_factor_analysis.py", "utils/tests/test_parallel.py"]
# the slowest few (a minute and more together on 2 CPUs), left to the full runs of the report
SKLEARN_SLOW = "not lbfgs_solver_consistency and not test_pca_sparse"
# suite -> (paths relative to site-packages, extra pytest arguments, floor of tests that must run)
SUITES = {
    "numpy": (["numpy/linalg/tests"], [], 480),
    "scipy": (["scipy/linalg/tests/" + f for f in SCIPY], [], 6400),
    "sklearn": (["sklearn/" + f for f in SKLEARN], ["-k", SKLEARN_SLOW], 1500),
}
RAN = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check_library(venv, sp, blas):
    """None if the venv's bundled files are what --blas says, else the reason."""
    files = sorted(glob.glob(os.path.join(sp, "*.libs", "libscipy_openblas*.so")))
    if not files:
        return "no bundled libscipy_openblas*.so in %s" % sp
    state_file = os.path.join(venv, ".safeblas-wheel-rescue", "state.json")
    state = json.load(open(state_file)) if os.path.exists(state_file) else None
    if blas == "openblas":
        return "the SafeBLAS rescue is applied in %s" % venv if state else None
    if not state:
        return "no SafeBLAS rescue recorded in %s" % venv
    rescued = {r["path"]: r["rescue_sha256"] for r in state["files"]}
    for f in files:
        if rescued.get(f) != sha256(f):
            return "%s is not the SafeBLAS rescue library" % f
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--venv", required=True)
    ap.add_argument("--suite", required=True, choices=sorted(SUITES))
    ap.add_argument("--blas", required=True, choices=["openblas", "safeblas"])
    ap.add_argument("--known")
    ap.add_argument("--results")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("pytest_args", nargs="*")
    args = ap.parse_args()
    venv = os.path.abspath(args.venv)
    sp = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages"))[0]
    why = check_library(venv, sp, args.blas)
    if why:
        print("FAIL: %s" % why)
        return 1
    expect = sorted(os.path.realpath(p) for p in glob.glob(os.path.join(sp, "*.libs", "libscipy_openblas*.so")))
    files, extra, floor = SUITES[args.suite]
    env = dict(os.environ, PYTHONPATH=PYPLUGIN, PYTHONDONTWRITEBYTECODE="1", SB_EXPECT_LIBS=":".join(expect),
               SB_IMPORT_SCIPY="1", SB_PYTEST_REPORT=os.path.join(venv, "pytest-%s.json" % args.suite))
    env.setdefault("OPENBLAS_NUM_THREADS", "2")
    cmd = [os.path.join(venv, "bin", "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
           "-p", "sb_blascheck", "--rootdir", sp] + [os.path.join(sp, f) for f in files] + extra + args.pytest_args
    print("[%s on %s] %s" % (args.suite, args.blas, " ".join(cmd)), flush=True)
    t0 = time.monotonic()
    try:
        rc = subprocess.run(cmd, env=env, cwd=venv, timeout=args.timeout).returncode
    except subprocess.TimeoutExpired:
        print("FAIL: TIMEOUT after %gs" % args.timeout)
        return 1
    seconds = time.monotonic() - t0
    if not os.path.exists(env["SB_PYTEST_REPORT"]):
        print("FAIL: pytest wrote no report (exit status %d: crashed?)" % rc)
        return 1
    rep = json.load(open(env["SB_PYTEST_REPORT"]))
    os.remove(env["SB_PYTEST_REPORT"])
    known = set()
    if args.known and os.path.exists(args.known):
        for line in open(args.known):
            line = line.split("#", 1)[0].strip()
            if line.startswith(args.suite + ":"):
                known.add(line.split(":", 1)[1].strip())
    bad = 0
    maps = rep["maps"]
    print("mapped BLAS/LAPACK: %s" % ", ".join((maps.get("end") or {}).get("mapped", [])))
    if not (maps.get("start") or {}).get("ok") or not (maps.get("end") or {}).get("ok"):
        print("FAIL: the process did not run on the venv's bundled libraries alone: %s" % json.dumps(maps))
        bad += 1
    for t in rep["failed"]:
        print("%s %s" % ("known (fails on OpenBLAS too):" if t in known else "FAILED:", t))
        bad += t not in known
    counts = rep["counts"]
    ran = sum(counts.get(k, 0) for k in RAN)
    if not args.pytest_args and ran < floor:
        print("FAIL: only %d tests ran, the selection has at least %d" % (ran, floor))
        bad += 1
    if rc not in (0, 1):
        print("FAIL: pytest exit status %d" % rc)
        bad += 1
    line = ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))
    print("%s on %s: %s (%.0fs)" % (args.suite, args.blas, line, seconds))
    if args.results:
        os.makedirs(args.results, exist_ok=True)
        with open(os.path.join(args.results, "%s-%s.json" % (args.suite, args.blas)), "w") as f:
            json.dump({"counts": counts, "failed": rep["failed"], "seconds": seconds}, f, indent=1)
        other = os.path.join(args.results, "%s-openblas.json" % args.suite)
        if args.blas == "safeblas" and os.path.exists(other):
            o = json.load(open(other))
            print("%s on openblas: %s (%.0fs, earlier run)" % (args.suite, ", ".join(
                "%d %s" % (v, k) for k, v in sorted(o["counts"].items())), o["seconds"]))
    print("%d passed, %d failed" % (counts.get("passed", 0), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

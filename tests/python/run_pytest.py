#!/usr/bin/env python3
"""Runs numpy's or scipy's linear-algebra tests with Debian's /usr/bin/python3 on a given
BLAS/LAPACK folder (build/compat for SafeBLAS; a folder of links to the reference libraries for
the baseline), and proves through the sb_blascheck plugin that the process mapped only those
libraries (for SafeBLAS: libsafeblas, never OpenBLAS through the alternatives).

  run_pytest.py --libdir DIR --suite numpy|scipy [--known known_failures.txt] [--report out.json]

Suites:
  numpy   numpy/linalg/tests and numpy/core/tests/test_multiarray.py -k "matmul or dot"
          (--noconftest: numpy's conftest needs hypothesis, which Debian 12 does not ship with it)
  scipy   scipy/linalg/tests (scipy's conftest applies)
A failure passes only if its test id is listed in --known (a test that fails identically with
the reference libraries, with the evidence next to it). Prints a closing "N passed, N failed".
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

PY = "/usr/bin/python3"
SITE = "/usr/lib/python3/dist-packages"
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--libdir", required=True)
    ap.add_argument("--suite", required=True, choices=("numpy", "scipy"))
    ap.add_argument("--known")
    ap.add_argument("--report")
    ap.add_argument("--timeout", type=float, default=3000)
    ap.add_argument("pytest_args", nargs="*")
    args = ap.parse_args()

    libdir = os.path.abspath(args.libdir)
    expect = sorted({os.path.realpath(os.path.join(libdir, n)) for n in ("libblas.so.3", "liblapack.so.3")})
    for n in ("libblas.so.3", "liblapack.so.3"):
        if not os.path.exists(os.path.join(libdir, n)):
            print("missing %s/%s" % (libdir, n))
            return 1
    report = args.report or tempfile.mktemp(prefix="sb-pytest-", suffix=".json")
    env = dict(os.environ)
    env.update(LD_LIBRARY_PATH=libdir, SB_EXPECT_LIBS=":".join(expect), SB_PYTEST_REPORT=report,
               PYTHONPATH=HERE, PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("SAFEBLAS_NUM_THREADS", "2")
    if args.suite == "numpy":
        cmd = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "sb_blascheck", "--noconftest",
               SITE + "/numpy/linalg/tests", SITE + "/numpy/core/tests/test_multiarray.py", "-k",
               "linalg or regression or deprecations or matmul or dot"]
    else:
        env["SB_IMPORT_SCIPY"] = "1"
        cmd = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "sb_blascheck", SITE + "/scipy/linalg/tests"]
    cmd += args.pytest_args
    print("LD_LIBRARY_PATH=%s %s" % (libdir, " ".join(cmd)))
    sys.stdout.flush()
    try:
        rc = subprocess.run(cmd, env=env, cwd=tempfile.gettempdir(), timeout=args.timeout).returncode
    except subprocess.TimeoutExpired:
        print("TIMEOUT after %ds" % args.timeout)
        return 1
    if not os.path.exists(report):
        print("no report from the test run (exit status %d)" % rc)
        return 1
    with open(report) as f:
        rep = json.load(f)
    if not args.report:
        os.remove(report)
    maps = rep["maps"]
    print("mapped BLAS/LAPACK: %s" % ", ".join(maps["end"]["mapped"] if maps.get("end") else []))
    known = {}
    if args.known and os.path.exists(args.known):
        with open(args.known) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    known[line] = True
    failed = rep["failed"]
    unexpected = [t for t in failed if t not in known]
    c = rep["counts"]
    print("pytest: %s" % ", ".join("%d %s" % (v, k) for k, v in sorted(c.items())))
    for t in failed:
        print("%s %s" % ("known upstream:" if t in known else "FAILED:", t))
    ok_maps = maps.get("start", {}).get("ok") and maps.get("end", {}).get("ok")
    if not ok_maps:
        print("FAIL: the process did not run on %s alone: %s" % (libdir, json.dumps(maps)))
    npass = c.get("passed", 0)
    nfail = len(unexpected) + (0 if ok_maps else 1)
    if rc not in (0, 1):
        print("FAIL: pytest exit status %d" % rc)
        nfail += 1
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())

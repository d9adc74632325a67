#!/usr/bin/env python3
"""Runs fork_program.py --runs times with /usr/bin/python3 on a BLAS/LAPACK folder at a given
SAFEBLAS_NUM_THREADS, each run under a timeout: any hang, wrong result or wrong library fails.

  fork_runs.py --libdir build/compat --threads 8 [--runs 100] [--timeout 60]
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--libdir", required=True)
    ap.add_argument("--threads", required=True)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    libdir = os.path.abspath(args.libdir)
    expect = sorted({os.path.realpath(os.path.join(libdir, n)) for n in ("libblas.so.3", "liblapack.so.3")})
    env = dict(os.environ, LD_LIBRARY_PATH=libdir, SAFEBLAS_NUM_THREADS=str(args.threads),
               SB_EXPECT_LIBS=":".join(expect), PYTHONDONTWRITEBYTECODE="1")
    passed = failed = 0
    t0 = time.time()
    for i in range(args.runs):
        try:
            p = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "fork_program.py"), str(args.rounds)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=args.timeout)
            rc, out = p.returncode, p.stdout.decode(errors="replace")
        except subprocess.TimeoutExpired:
            rc, out = "timeout (hang)", ""
        if rc == 0:
            passed += 1
        else:
            failed += 1
            print("run %d: exit %s %s" % (i, rc, out.strip()[-400:]))
            if failed >= 5:
                print("stopping after 5 failures")
                break
    print("fork program at SAFEBLAS_NUM_THREADS=%s: %d runs in %.1fs" % (args.threads, passed + failed, time.time() - t0))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The motivating program with numpy, run by safeblas-demo on SafeBLAS:

    LD_LIBRARY_PATH=<build>/compat SAFEBLAS_NUM_THREADS=T /usr/bin/python3 numpy_fork.py \
        [--rounds N] [--compat <build>/compat]

Each round: os.fork(), the child exits at once, the parent solves A x = b (n = 216..512) with
numpy.linalg.solve and checks the residual; a per-round alarm turns a hang into a failure.
Exit status: 0 all rounds right, 1 a failure or a hang, 77 skipped (SafeBLAS cannot serve numpy's
LAPACK yet, or numpy is missing), with the reason printed.
"""
import argparse
import os
import re
import signal
import sys
import time

SKIP = 77


def mapped_libraries():
    paths = set()
    with open("/proc/self/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            if len(parts) == 6 and parts[5].startswith("/"):
                paths.add(parts[5].strip())
    return paths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--compat", default=None)
    args = ap.parse_args()
    compat = args.compat or os.environ.get("LD_LIBRARY_PATH", "").split(":")[0]
    threads = os.environ.get("SAFEBLAS_NUM_THREADS", "?")

    if not compat or not os.path.exists(os.path.join(compat, "liblapack.so.3")):
        print("   numpy: skipped, no liblapack.so.3 in %s: SafeBLAS has no LAPACK yet, so numpy "
              "would load the system's LAPACK (and OpenBLAS with it)" % (compat or "(no compat folder)"))
        return SKIP
    try:
        import numpy as np
    except ModuleNotFoundError:
        print("   numpy: skipped, numpy is not installed for /usr/bin/python3 (Debian: python3-numpy)")
        return SKIP
    except ImportError as e:
        # numpy is there but cannot load on SafeBLAS: a routine it needs is still missing.
        text = str(e)
        missing = re.search(r"undefined symbol: (\S+)", text)
        if missing:
            print("   numpy: skipped, SafeBLAS does not export %s yet, which numpy needs to load"
                  % missing.group(1))
            return SKIP
        print("   numpy: FAIL, numpy cannot load on SafeBLAS: %s" % text.strip().splitlines()[-1])
        return 1

    # Which BLAS/LAPACK did numpy really load? Only SafeBLAS may be there.
    libs = mapped_libraries()
    blas_like = sorted(p for p in libs
                       if any(k in os.path.basename(p) for k in ("blas", "lapack", "blis", "atlas", "mkl")))
    # libsafeblas and libopenblas-safeblas.so.3 (libblas.so.3: its wrapper, named for threadpoolctl)
    safeblas = [p for p in blas_like if "safeblas" in os.path.basename(p)]
    others = [p for p in blas_like if "safeblas" not in os.path.basename(p)]
    if not safeblas or others:
        print("   numpy: FAIL, numpy did not run on SafeBLAS alone: mapped %s" % (blas_like or "no BLAS"))
        return 1

    rng = np.random.default_rng(1)
    a_full = rng.standard_normal((512, 512))
    b_full = rng.standard_normal(512)
    np.linalg.solve(a_full[:216, :216], b_full[:216])  # the program has used LAPACK before it forks

    state = {"round": -1}

    def on_alarm(signum, frame):
        sys.stdout.write("   numpy: HANG in round %d at %s threads\n" % (state["round"], threads))
        sys.stdout.flush()
        os._exit(1)

    signal.signal(signal.SIGALRM, on_alarm)
    failures = 0
    start = time.perf_counter()
    for r in range(args.rounds):
        state["round"] = r
        signal.alarm(10)
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        n = 216 + (r * 41) % 297
        a, b = a_full[:n, :n], b_full[:n]
        x = np.linalg.solve(a, b)
        signal.alarm(0)
        resid = np.max(np.abs(a @ x - b)) / (np.max(np.sum(np.abs(a), axis=1)) * np.max(np.abs(x)) * n
                                             * np.finfo(float).eps)
        if not resid < 100:
            failures += 1
    ms = (time.perf_counter() - start) * 1e3 / args.rounds
    print("   numpy on %s: %s threads, %d rounds, %d failures, %.1f ms/round"
          % (next((os.path.basename(p) for p in safeblas if os.path.basename(p).startswith("libsafeblas")),
                  os.path.basename(safeblas[0])), threads, args.rounds, failures, ms))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

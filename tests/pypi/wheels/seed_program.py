"""The seed program as wheel users met it (numpy/numpy#30092, OpenMathLib/OpenBLAS#5520): numpy has
used LAPACK, the process forks, the child exits at once, and the parent's next numpy.linalg.solve
(dgesv -> dgetrf, parallel in OpenBLAS from n = 100) may never return on OpenBLAS 0.3.30.

  <venv>/bin/python seed_program.py THREADS [ROUNDS] [--expect=openblas|safeblas] [--no-fork]

THREADS is set through the bundled library's scipy_openblas_set_num_threads64_ (what
threadpoolctl calls): OpenBLAS caps OPENBLAS_NUM_THREADS at the CPU count, so on a small machine
only this call gives it the pool a many-core machine has. Prints one line: the library
(openblas_get_config) and the result. Exit status: 0 every round right; 1 with "Timeout" and a
traceback from faulthandler: a round took over 10 s (a hang); 3 a wrong solve; 2 not running on the expected library. --no-fork: the same rounds
without the fork, the control that tells a fork hang from a pool too slow to finish at all.
"""
import ctypes
import faulthandler
import os
import sys

import numpy as np


def bundled_library():
    """The scipy_openblas library numpy mapped (path, ctypes handle, name suffix)."""
    with open("/proc/self/maps") as f:
        paths = {l.split(None, 5)[5].strip() for l in f if len(l.split(None, 5)) == 6}
    for p in sorted(paths):
        if os.path.basename(p).startswith("libscipy_openblas64_"):
            return p, ctypes.CDLL(p), "64_"
    sys.exit("seed_program: numpy did not map a libscipy_openblas64_ library: not a PyPI wheel?")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    fork = "--no-fork" not in sys.argv
    expect = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--expect=")), None)
    threads = int(args[0])
    rounds = int(args[1]) if len(args) > 1 else 100
    path, lib, sfx = bundled_library()
    getattr(lib, "scipy_openblas_set_num_threads" + sfx)(threads)
    config = getattr(lib, "scipy_openblas_get_config" + sfx)
    config.restype = ctypes.c_char_p
    name = config().decode().rstrip().split()[0:2]
    name[-1] = name[-1].rstrip(":")
    if expect and name[0].lower() != expect:
        print("seed_program: expected %s, numpy runs on %s (%s)" % (expect, " ".join(name), path))
        return 2

    # the watchdog: faulthandler's own C thread, which fires even while the main thread is stuck
    # inside the library (a Python signal handler would wait for the call to return)
    rng = np.random.default_rng(1)
    a = rng.standard_normal((256, 256)) + 16 * np.eye(256)
    b = rng.standard_normal(256)
    print("round -1 (before any fork)", file=sys.stderr, flush=True)
    faulthandler.dump_traceback_later(10, exit=True)
    np.linalg.solve(a, b)  # the library's threads exist before the first fork
    for r in range(rounds):
        print("round %d" % r, file=sys.stderr, flush=True)
        faulthandler.dump_traceback_later(10, exit=True)
        if fork:
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            os.waitpid(pid, 0)
        n = 200 + (r * 7) % 56
        x = np.linalg.solve(a[:n, :n], b[:n])
        faulthandler.cancel_dump_traceback_later()
        if not np.allclose(a[:n, :n] @ x, b[:n], atol=1e-9):
            print("seed_program: wrong solve in round %d" % r)
            return 3
    print("seed_program: %s, %d threads: %d %s, all survived" % (" ".join(name), threads, rounds,
                                                              "forks" if fork else "rounds without fork"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""threadpoolctl from PyPI lists and limits SafeBLAS under the rescued numpy and scipy wheels.

  <venv>/bin/python tpc_check.py        (run by CTest with SAFEBLAS_NUM_THREADS=2)

  info    threadpool_info() lists two BLAS entries, the two bundled files numpy and scipy load
          (numpy.libs/libscipy_openblas64_-*.so, scipy.libs/libscipy_openblas-*.so), each with
          internal_api "openblas", num_threads 2, threading_layer "pthreads", the kernel set as
          architecture, version None (its openblas_get_config names SafeBLAS, not OpenBLAS), and
          that config is SafeBLAS's;
  limits  a large numpy dgemm (the ILP64 copy) and a large scipy.linalg.blas.dgemm (the LP64
          copy) run on 2 threads; inside threadpool_limits(1) both libraries report 1 thread
          and each dgemm runs on the calling thread alone (CPU time per thread, measured as
          tests/python/threadpoolctl_check.py does); after the block, 2 threads again.
Prints PASS/FAIL lines, the threadpool_info() output and "N passed, N failed".
"""
import ctypes
import os
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                "python"))
from threadpoolctl_check import threads_that_worked  # noqa: E402 (tests/python)

import numpy as np  # noqa: E402
import scipy.linalg.blas  # noqa: E402
import threadpoolctl  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

passed = failed = 0


def check(cond, what):
    global passed, failed
    print(("PASS: " if cond else "FAIL: ") + what, flush=True)
    passed += bool(cond)
    failed += not cond


def config_of(path):
    lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD)
    sfx = "64_" if os.path.basename(path).startswith("libscipy_openblas64_") else ""
    f = getattr(lib, "scipy_openblas_get_config" + sfx)
    f.restype = ctypes.c_char_p
    return f().decode()


def blas():
    return sorted((e for e in threadpoolctl.threadpool_info() if e["user_api"] == "blas"),
                  key=lambda e: e["filepath"])


def main():
    print("threadpoolctl %s, numpy %s, scipy %s" % (threadpoolctl.__version__, np.__version__, scipy.__version__))
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((1200, 1200)), rng.standard_normal((1200, 1200))
    a @ b
    scipy.linalg.blas.dgemm(1.0, a, b)
    info = blas()
    print("threadpool_info() BLAS entries:")
    for e in info:
        print("  %r" % e)
    names = [os.path.basename(os.path.dirname(e["filepath"])) + "/" + os.path.basename(e["filepath"]) for e in info]
    check(len(info) == 2 and names[0].startswith("numpy.libs/libscipy_openblas64_")
          and names[1].startswith("scipy.libs/libscipy_openblas-"),
          "two BLAS entries, numpy's and scipy's bundled files: %s" % names)
    for e in info:
        cfg = config_of(e["filepath"])
        check(cfg.startswith("SafeBLAS") and e["version"] is None,
              "%s is SafeBLAS (config %r...), version None" % (os.path.basename(e["filepath"]), cfg[:40]))
        check(e["internal_api"] == "openblas" and e["prefix"] == "libscipy_openblas"
              and e["threading_layer"] == "pthreads" and e["num_threads"] == 2
              and e["architecture"] in ("avx512", "avx2", "generic"),
              "internal_api openblas, threading_layer pthreads, num_threads 2, architecture %s"
              % e["architecture"])

    me = threading.get_native_id()
    work = {"numpy a @ b (ILP64 copy)": lambda: a @ b,
            "scipy.linalg.blas.dgemm (LP64 copy)": lambda: scipy.linalg.blas.dgemm(1.0, a, b)}
    for what, fn in work.items():
        worked, ticks = threads_that_worked(fn)
        check(len(worked) >= 2, "before: %s runs on %d threads (%d ticks)" % (what, len(worked), ticks))
    with threadpool_limits(1):
        check(all(e["num_threads"] == 1 for e in blas()), "inside threadpool_limits(1): both report 1 thread")
        for what, fn in work.items():
            worked, ticks = threads_that_worked(fn)
            check(worked == [me], "inside: %s ran on the calling thread alone (threads %s, %d ticks)"
                  % (what, worked, ticks))
    check(all(e["num_threads"] == 2 for e in blas()), "after the block: both report 2 threads again")
    for what, fn in work.items():
        worked, ticks = threads_that_worked(fn)
        check(len(worked) >= 2, "after: %s runs on %d threads again (%d ticks)" % (what, len(worked), ticks))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

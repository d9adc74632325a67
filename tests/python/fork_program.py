"""The motivating case: a numpy program that has used BLAS/LAPACK (so the library's threads may
exist) forks, and both the child and the parent go on using it. Run by fork_runs.py many times.

Each of --rounds rounds: the parent computes inv and @ (n = 216 and 300), forks; the child
computes inv, solve and @ again, checks them and exits (0 right, 3 wrong); the parent checks the
child's status, then computes again itself. A hang anywhere is caught by alarms (exit 124), so
the caller's timeout is only the last line of defence. Exit 2: not running on the expected
library (SB_EXPECT_LIBS, ':'-separated real paths).
"""
import os
import re
import signal
import sys

import numpy as np

BLASLIKE = re.compile(r"blas|lapack|blis|atlas|mkl|flexiblas", re.I)


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


def work(rng_seed):
    rng = np.random.default_rng(rng_seed)
    a = rng.standard_normal((216, 216)) + 216 * np.eye(216)
    ai = np.linalg.inv(a)
    e1 = np.max(np.abs(a @ ai - np.eye(216)))
    b = rng.standard_normal((300, 300))
    c = rng.standard_normal((300, 300))
    bc = b @ c
    e2 = np.max(np.abs(bc - np.einsum("ij,jk->ik", b, c)))
    x = np.linalg.solve(a, c[:216, :5])
    e3 = np.max(np.abs(a @ x - c[:216, :5]))
    return e1 < 1e-10 and e2 < 1e-9 and e3 < 1e-9


def on_alarm(signum, frame):
    os.write(2, b"fork_program: HANG (alarm)\n")
    os._exit(124)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(60)
    expect = set(filter(None, os.environ.get("SB_EXPECT_LIBS", "").split(":")))
    if not work(1):
        print("fork_program: parent results wrong before fork")
        return 3
    libs = mapped_blaslike()
    if not libs or (expect and any(l not in expect for l in libs)):
        print("fork_program: wrong BLAS mapped: %s (expected %s)" % (libs, sorted(expect)))
        return 2
    for r in range(rounds):
        pid = os.fork()
        if pid == 0:
            signal.alarm(30)
            ok = work(100 + r)
            os._exit(0 if ok else 3)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            print("fork_program: child of round %d exited with %d" % (r, code))
            return 124 if code == 124 else 3
        if not work(200 + r):
            print("fork_program: parent results wrong after fork (round %d)" % r)
            return 3
    signal.alarm(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

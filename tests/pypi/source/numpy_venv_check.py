#!/usr/bin/env python3
"""Checks a numpy built from source on SafeBLAS by scripts/build-numpy (a venv: VENV/bin/python,
SafeBLAS installed in VENV/safeblas). numpy finds SafeBLAS through its rpath: no LD_LIBRARY_PATH.

  numpy_venv_check.py --venv VENV --form ilp64|lp64 WHAT [--timeout S] [--threads T] [--runs N]

WHAT:
  suites         numpy's own tests from its install tree, two pytest sessions with numpy's conftest
                 (hypothesis "np.test() profile"), as tests/python/run_pytest.py runs Debian's:
                   numpy/linalg/tests, and numpy/_core/tests -k "matmul or dot or einsum";
                 each with a floor of tests run (FLOORS) so a shrinking selection fails
  fork           tests/python/fork_program.py --runs times at SAFEBLAS_NUM_THREADS=T, each run
                 under a timeout
  threadpoolctl  threadpoolctl (the venv's, 3.8.0 from PyPI) lists SafeBLAS once (info, below),
                 and tests/python/threadpoolctl_check.py's limits, restore and mp_pool cases pass
                 in the venv
Every check also proves with /proc/self/maps that the process mapped SafeBLAS's files alone (the
library libsafeblas[64].so.0 and its BLAS wrapper; tests/python/sb_blascheck.py does it for
pytest) and that numpy was built for the form asked. Prints "N passed, N failed".
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYDIR = os.path.join(HERE, "..", "..", "python")
sys.path.insert(0, PYDIR)
import threadpoolctl_check as tpc  # noqa: E402  (THREAD_ENV, CASE_ENV: the Debian checks' settings)

LIB = {"ilp64": ("libsafeblas64.so.0", "libopenblas-safeblas64.so.3", "safeblas64"),
       "lp64": ("libsafeblas.so.0", "libopenblas-safeblas.so.3", "safeblas")}
# floors of tests run per session (numpy 2.4.6 ran 489 and 415 on both forms)
FLOORS = {"numpy/linalg/tests": 480, "numpy/_core/tests -k matmul/dot/einsum": 400}
RAN = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")


class Venv:
    def __init__(self, path, form):
        self.path = os.path.abspath(path)
        self.py = os.path.join(self.path, "bin", "python")
        libname, wrapper, self.pcname = LIB[form]
        self.form = form
        libdir = self.libdir()
        self.lib = os.path.realpath(os.path.join(libdir, libname))
        self.wrapper = os.path.realpath(os.path.join(libdir, self.pcname, wrapper))
        self.expect = sorted({self.lib, self.wrapper})

    def libdir(self):
        prefix = os.path.join(self.path, "safeblas")
        for d in ("lib", "lib64", "lib/x86_64-linux-gnu"):
            if os.path.exists(os.path.join(prefix, d, LIB[self.form][0])):
                return os.path.join(prefix, d)
        raise SystemExit("no SafeBLAS installed in %s (run scripts/build-numpy)" % prefix)

    def env(self, **extra):
        """A clean environment: no thread variables, no LD_LIBRARY_PATH/LD_PRELOAD (the venv's
        numpy must find SafeBLAS by itself), SB_EXPECT_LIBS for the maps checks."""
        env = {k: v for k, v in os.environ.items() if k not in tpc.THREAD_ENV}
        env.update(SB_EXPECT_LIBS=":".join(self.expect), PYTHONNOUSERSITE="1", PYTHONDONTWRITEBYTECODE="1")
        env.update(extra)
        return env


def run(cmd, env, timeout, cwd=None):
    """(exit status or "timeout", output)."""
    try:
        p = subprocess.run(cmd, env=env, cwd=cwd or tempfile.gettempdir(), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=max(timeout, 1))
        return p.returncode, p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        return "timeout (%ds)" % timeout, (e.stdout or b"").decode(errors="replace")


# The build: numpy names SafeBLAS, has the form asked, and its process maps SafeBLAS alone.
BUILD_INFO = r"""
import json, sys
import numpy, numpy.linalg
sys.path.insert(0, sys.argv[1])
import sb_blascheck
cfg = numpy.show_config(mode="dicts")["Build Dependencies"]
from numpy.linalg import lapack_lite
print(json.dumps({"version": numpy.__version__, "blas": cfg["blas"], "lapack": cfg["lapack"],
                  "ilp64": bool(getattr(lapack_lite, "_ilp64", False)), "mapped": sb_blascheck.mapped_blaslike()}))
"""


def check_build(v, timeout):
    rc, out = run([v.py, "-c", BUILD_INFO, PYDIR], v.env(), timeout)
    try:
        info = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print("FAIL: numpy does not import in %s: exit %s\n%s" % (v.path, rc, out[-2000:]))
        return 0, 1
    print("numpy %s: blas %s, lapack %s" % (info["version"], json.dumps(info["blas"]), json.dumps(info["lapack"])))
    checks = [
        (info["blas"]["name"] == v.pcname and info["lapack"]["name"] == v.pcname,
         "numpy.show_config() names %s for BLAS and LAPACK" % v.pcname),
        (info["ilp64"] == (v.form == "ilp64"), "numpy's LAPACK interface is %s" % v.form.upper()),
        (info["mapped"] == v.expect, "mapped BLAS/LAPACK files %s are SafeBLAS's %s" % (info["mapped"], v.expect)),
    ]
    return report(checks)


def report(checks):
    passed = failed = 0
    for ok, what in checks:
        print(("PASS: " if ok else "FAIL: ") + what)
        passed += bool(ok)
        failed += not ok
    return passed, failed


def check_suites(v, timeout):
    """numpy's own tests in its install tree, with tests/python/sb_blascheck.py as the maps check."""
    _, site = run([v.py, "-c", "import numpy, os; print(os.path.dirname(numpy.__file__))"], v.env(), 120)
    np_dir = site.strip().splitlines()[-1]
    base = [v.py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "sb_blascheck", "--rootdir", np_dir,
            "--hypothesis-profile=np.test() profile"]
    sessions = [("numpy/linalg/tests", [np_dir + "/linalg/tests"]),
                ("numpy/_core/tests -k matmul/dot/einsum", [np_dir + "/_core/tests", "-k", "matmul or dot or einsum"])]
    deadline = time.monotonic() + timeout
    checks, total = [], {}
    for name, args in sessions:
        fd, rep_path = tempfile.mkstemp(prefix="sb-pytest-", suffix=".json")
        os.close(fd)
        os.remove(rep_path)
        env = v.env(PYTHONPATH=PYDIR, SB_PYTEST_REPORT=rep_path, SAFEBLAS_NUM_THREADS="2")
        print("[%s] %s" % (name, " ".join(base + args)), flush=True)
        rc, out = run(base + args, env, deadline - time.monotonic())
        print("\n".join(out.rstrip().splitlines()[-15:]))
        if not os.path.exists(rep_path):
            checks.append((False, "[%s] no report from pytest (exit %s)" % (name, rc)))
            continue
        with open(rep_path) as f:
            rep = json.load(f)
        os.remove(rep_path)
        c = rep["counts"]
        for k, n in c.items():
            total[k] = total.get(k, 0) + n
        ran = sum(c.get(k, 0) for k in RAN)
        maps = rep["maps"]
        checks += [
            (rc == 0 and not rep["failed"], "[%s] pytest: %s (exit %s)%s" % (
                name, ", ".join("%d %s" % (n, k) for k, n in sorted(c.items())), rc,
                "; failed: %s" % rep["failed"] if rep["failed"] else "")),
            (ran >= FLOORS[name], "[%s] %d tests ran (at least %d)" % (name, ran, FLOORS[name])),
            ((maps.get("start") or {}).get("ok") and (maps.get("end") or {}).get("ok"),
             "[%s] mapped SafeBLAS alone: %s" % (name, (maps.get("end") or {}).get("mapped"))),
        ]
    print("total: %s" % ", ".join("%d %s" % (n, k) for k, n in sorted(total.items())))
    return report(checks)


def check_fork(v, threads, runs, timeout):
    prog = os.path.join(PYDIR, "fork_program.py")
    env = v.env(SAFEBLAS_NUM_THREADS=str(threads))
    passed = failed = 0
    t0 = time.time()
    for i in range(runs):
        rc, out = run([v.py, prog, "2"], env, timeout)
        if rc == 0:
            passed += 1
            continue
        failed += 1
        print("run %d: exit %s %s" % (i, rc, out.strip()[-400:]))
        if failed >= 5:
            print("stopping after 5 failures")
            break
    print("fork program, numpy %s, SAFEBLAS_NUM_THREADS=%d: %d runs in %.1fs, %d survived, %d failed"
          % (v.form, threads, passed + failed, time.time() - t0, passed, failed))
    return passed, failed


# threadpoolctl lists SafeBLAS once, from the file numpy loaded, with SafeBLAS's thread count.
TPC_INFO = r"""
import json, os, sys
import numpy, numpy.linalg, threadpoolctl
info = threadpoolctl.threadpool_info()
print("threadpoolctl %s: threadpool_info() = %s" % (threadpoolctl.__version__, json.dumps(info)))
blas = [e for e in info if e["user_api"] == "blas"]
ok = (len(blas) == 1 and os.path.realpath(blas[0]["filepath"]) == os.environ["SB_TPC_EXPECT"]
      and blas[0]["internal_api"] == "openblas" and blas[0]["num_threads"] == 3
      and threadpoolctl.__version__ == "3.8.0")
with threadpoolctl.threadpool_limits(1):
    inside = threadpoolctl.threadpool_info()
ok = ok and [e["num_threads"] for e in inside if e["user_api"] == "blas"] == [1]
ok = ok and [e["num_threads"] for e in threadpoolctl.threadpool_info() if e["user_api"] == "blas"] == [3]
sys.exit(0 if ok else 1)
"""


def check_threadpoolctl(v, timeout):
    env = v.env(SB_TPC_EXPECT=v.wrapper, SB_TPC_FOLDER=os.path.dirname(v.wrapper))
    rc, out = run([v.py, "-c", TPC_INFO], dict(env, SAFEBLAS_NUM_THREADS="3"), timeout)
    print(out, end="")
    checks = [(rc == 0, "threadpoolctl 3.8.0 lists SafeBLAS (%s) once, 3 threads, 1 inside threadpool_limits(1), 3 after"
               % v.wrapper)]
    passed, failed = report(checks)
    # the Debian checks' cases, run by the venv's python with the venv's numpy and threadpoolctl
    for case in ("limits", "restore", "mp_pool"):
        for extra in tpc.CASE_ENV[case]:
            print("--- %s %s" % (case, " ".join("%s=%s" % kv for kv in extra.items())), flush=True)
            rc, out = run([v.py, tpc.HERE, "--child", case], dict(env, **extra), timeout)
            print(out, end="" if out.endswith("\n") or not out else "\n")
            passed += out.count("PASS: ")
            failed += out.count("FAIL: ") + (rc != 0 and "FAIL: " not in out)
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--venv", required=True)
    ap.add_argument("--form", required=True, choices=sorted(LIB))
    ap.add_argument("what", choices=("build", "suites", "fork", "threadpoolctl"))
    ap.add_argument("--timeout", type=float, default=600, help="seconds (fork: per run)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=100)
    args = ap.parse_args()
    v = Venv(args.venv, args.form)
    passed, failed = check_build(v, 120)
    if not failed:
        if args.what == "suites":
            p, f = check_suites(v, args.timeout)
        elif args.what == "fork":
            p, f = check_fork(v, args.threads, args.runs, args.timeout)
        elif args.what == "threadpoolctl":
            p, f = check_threadpoolctl(v, args.timeout)
        else:
            p = f = 0
        passed, failed = passed + p, failed + f
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())

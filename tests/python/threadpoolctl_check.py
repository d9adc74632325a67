#!/usr/bin/env python3
"""threadpoolctl (Debian's python3-threadpoolctl, 3.1.0 on Debian 12) sees and controls SafeBLAS
under /usr/bin/python3 + numpy.

  threadpoolctl_check.py CASE... --libdir DIR       numpy loads DIR/libblas.so.3 (LD_LIBRARY_PATH=DIR)
  threadpoolctl_check.py CASE... --system           numpy loads the system's libblas.so.3, which must
                                                    lead to $SB_ALT_LIBDIR/safeblas/libblas.so.3
                                                    (tests/install/alternatives.sh sets it while
                                                    SafeBLAS is registered)
  threadpoolctl_check.py CASE... --install BUILD    cmake --install BUILD into a temporary prefix,
                                                    then as --libdir <prefix>/<libdir>/safeblas
                                                    (and the ILP64 folder, when built, is listed too)
CASE: info, limits, restore, mp_pool, or all. Each case runs in a fresh python process with a
clean thread environment (no SAFEBLAS_/OPENBLAS_/OMP_NUM_THREADS unless the case sets one) under
a timeout.
  info     SafeBLAS is listed once (libblas.so.3 and liblapack.so.3 are both loaded), as
           internal_api "openblas", from the file numpy loaded, with num_threads =
           SAFEBLAS_NUM_THREADS (3) or, without it, the CPUs the process may use; the
           OpenBLAS-compatible calls answer as OpenBLAS's do (config names SafeBLAS and its version,
           corename the kernel set, parallel 1 = pthreads).
  limits   at SAFEBLAS_NUM_THREADS=2: a large dgemm runs on 2 threads; inside threadpool_limits(1)
           SafeBLAS reports 1 thread and the dgemm runs on the calling thread alone; after the
           block 2 threads again. "Runs on" is measured: the threads of the process whose CPU time
           grew during the dgemm (/proc/self/task/*/stat).
  restore  the count before the block comes back: one set by the program, after an exception,
           nested blocks, the decorator, ThreadpoolController.limit/restore_original_limits,
           limits by prefix.
  mp_pool  multiprocessing with the fork start method after the parent ran dgemm on 2 threads:
           workers set their limit after fork (in the pool initializer, or a with-block in the
           task), report 1 thread, run their dgemm on one thread, and get the parent's product;
           each round under a timeout.
Prints PASS/FAIL lines and "N passed, N failed"; exit 1 on any failure.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.abspath(__file__)
PY = "/usr/bin/python3"
CASES = ("info", "limits", "restore", "mp_pool")
THREAD_ENV = ("SAFEBLAS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "GOTO_NUM_THREADS",
              "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS",
              "MV2_COMM_WORLD_LOCAL_SIZE", "LD_PRELOAD", "LD_LIBRARY_PATH", "PYTHONPATH")

# ------------------------------------------------------------------------------------------------
# The child: runs one case inside the process whose BLAS is checked.
_bad = 0


def check(cond, what):
    global _bad
    print(("PASS: " if cond else "FAIL: ") + what, flush=True)
    _bad += not cond
    return cond


def tick_counts():
    """CPU time (utime + stime, clock ticks) of each thread of this process."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open("/proc/self/task/%s/stat" % tid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended
        out[int(tid)] = int(fields[11]) + int(fields[12])
    return out


def threads_that_worked(fn, min_ticks=40, max_reps=40):
    """Runs fn until the process has spent min_ticks of CPU (0.4 s at 100 Hz); returns the ids of
    the threads that did a real share of it (at least 10% and 3 ticks), and the total."""
    before = tick_counts()
    for _ in range(max_reps):
        fn()
        after = tick_counts()
        grew = {t: after[t] - before.get(t, 0) for t in after}
        total = sum(grew.values())
        if total >= min_ticks:
            break
    return sorted(t for t, d in grew.items() if d >= max(3, total // 10)), total


class SafeBLAS:
    """SafeBLAS's own calls, looked up through the file threadpoolctl lists (an ELF filter:
    dlsym through it finds libsafeblas's functions)."""

    def __init__(self, path):
        import ctypes
        self.lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD)
        for name in ("safeblas_get_config", "openblas_get_config", "openblas_get_corename"):
            getattr(self.lib, name).restype = ctypes.c_char_p

    def threads(self):
        return self.lib.safeblas_get_num_threads()

    def config(self):
        return self.lib.safeblas_get_config().decode()


def blas_entries():
    import threadpoolctl
    return [e for e in threadpoolctl.threadpool_info() if e["user_api"] == "blas"]


def sb_entry():
    """The one BLAS entry threadpoolctl lists, which must be SafeBLAS's."""
    e = blas_entries()
    want = os.environ["SB_TPC_EXPECT"]
    if len(e) == 1 and os.path.realpath(e[0]["filepath"]) == want and e[0]["internal_api"] == "openblas":
        return e[0]
    raise AssertionError("threadpoolctl does not list SafeBLAS (%s) alone: %s" % (want, e))


def sb_threads():
    return sb_entry()["num_threads"]


def cpus_expected():
    """The CPUs this process may use: its affinity mask, capped by a cgroup v2 cpu.max quota on the
    way from its cgroup to the root (as SafeBLAS counts them; cgroup v1 quotas are not read here)."""
    n = len(os.sched_getaffinity(0))
    try:
        with open("/proc/self/cgroup") as f:
            path = [l.split(":", 2)[2].strip() for l in f if l.startswith("0::")][0]
    except (OSError, IndexError):
        return n
    d = "/sys/fs/cgroup" + ("" if path == "/" else path)
    while True:
        try:
            with open(d + "/cpu.max") as f:
                quota, period = f.read().split()[:2]
            if quota != "max":
                n = min(n, max(1, -(-int(quota) // int(period))))
        except (OSError, ValueError):
            pass
        if d == "/sys/fs/cgroup" or not d.startswith("/sys/fs/cgroup"):
            return n
        d = os.path.dirname(d)


def matrices(n=1200, seed=0):
    import numpy as np
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, n)), rng.standard_normal((n, n))


def case_info():
    import numpy as np
    import numpy.linalg  # noqa: F401  (liblapack.so.3 too)
    import threadpoolctl
    print("threadpoolctl %s from %s" % (threadpoolctl.__version__, threadpoolctl.__file__))
    info = threadpoolctl.threadpool_info()
    print("threadpool_info() = %r" % info)
    import ctypes
    try:  # RTLD_NOLOAD: only a library loaded under that name (or as the same file) is found
        ctypes.CDLL("liblapack.so.3", mode=os.RTLD_NOLOAD)
        lapack = True
    except OSError:
        lapack = False
    check(lapack, "numpy loaded liblapack.so.3 as well as libblas.so.3")
    # the folder's libblas.so.3 and liblapack.so.3 and the library in the folder above: the process
    # runs on them alone
    wrapper = os.environ["SB_TPC_EXPECT"]
    ours = {wrapper, os.path.realpath(os.path.join(os.environ["SB_TPC_FOLDER"], "liblapack.so.3")),
            os.path.realpath(os.path.join(os.path.dirname(wrapper), "..", "libsafeblas.so.0"))}
    with open("/proc/self/maps") as f:
        mapped = {os.path.realpath(l.split(None, 5)[5].strip()) for l in f if len(l.split(None, 5)) == 6}
    blaslike = {p for p in mapped if re.match(r"lib.*(blas|lapack|blis|atlas|mkl)", os.path.basename(p))}
    check(blaslike == ours, "the BLAS/LAPACK files mapped are SafeBLAS's: %s" % sorted(blaslike))
    blas = [e for e in info if e["user_api"] == "blas"]
    if not check(len(blas) == 1, "threadpoolctl lists one BLAS: %s" % [e.get("filepath") for e in blas]):
        return
    e = blas[0]
    check(os.path.realpath(e["filepath"]) == os.environ["SB_TPC_EXPECT"],
          "it is SafeBLAS's libblas.so.3 (%s), the file numpy loaded" % e["filepath"])
    check(e["internal_api"] == "openblas" and e["prefix"] == "libopenblas",
          "internal_api %r, prefix %r" % (e["internal_api"], e["prefix"]))
    env = os.environ.get("SAFEBLAS_NUM_THREADS")
    want = int(env) if env else cpus_expected()
    check(e["num_threads"] == want, "num_threads %s = %s" % (e["num_threads"], "SAFEBLAS_NUM_THREADS" if env
                                                               else "the CPUs available (%d)" % want))
    sb = SafeBLAS(e["filepath"])
    check(sb.threads() == want and sb.lib.openblas_get_num_threads() == want,
          "safeblas_get_num_threads() and openblas_get_num_threads() say %d" % want)
    check(sb.lib.openblas_get_num_procs() == cpus_expected(), "openblas_get_num_procs() = %d" % cpus_expected())
    config = sb.lib.openblas_get_config().decode()
    check(config.startswith("SafeBLAS %s" % os.environ["SB_VERSION"]),
          "openblas_get_config() names SafeBLAS %s: %r" % (os.environ["SB_VERSION"], config))
    kernels = re.search(r"; kernels (\w+)", config)
    core = sb.lib.openblas_get_corename().decode()
    check(bool(kernels) and core == kernels.group(1) and e["architecture"] == core,
          "openblas_get_corename() = architecture = the kernel set in the config (%r)" % core)
    check(sb.lib.openblas_get_parallel() == 1 and e["threading_layer"] == "pthreads",
          "openblas_get_parallel() = 1, threading_layer 'pthreads'")
    # openblas_set_num_threads(n < 1) goes back to the default, as OpenBLAS's does
    sb.lib.openblas_set_num_threads(1)
    sb.lib.openblas_set_num_threads(0)
    check(sb_threads() == want, "openblas_set_num_threads(0) restores the default %d" % want)
    a, b = matrices(300)
    check(np.allclose(a @ b, np.einsum("ij,jk->ik", a, b), rtol=1e-12, atol=1e-10), "a @ b is right")


def case_limits():
    import numpy as np
    import threading
    from threadpoolctl import threadpool_limits
    me = threading.get_native_id()
    a, b = matrices()
    want = a @ b
    check(np.allclose(want[:16], np.einsum("ij,jk->ik", a[:16], b), rtol=1e-12, atol=1e-9),
          "a @ b on 2 threads is right (16 rows checked without BLAS)")
    sb = SafeBLAS(sb_entry()["filepath"])
    before = sb_threads()
    check(before == 2 and sb.threads() == 2, "before: SafeBLAS reports 2 threads (SAFEBLAS_NUM_THREADS=2)")
    worked, ticks = threads_that_worked(lambda: a @ b)
    check(len(worked) >= 2, "before: a %dx%d dgemm runs on %d threads (%d ticks): the measure sees parallel work"
          % (a.shape[0], a.shape[0], len(worked), ticks))
    with threadpool_limits(limits=1, user_api="blas"):
        check(sb_threads() == 1, "inside threadpool_limits(1): threadpoolctl's num_threads is 1")
        check(sb.threads() == 1 and " threads 1 " in sb.config(),
              "inside: safeblas_get_num_threads() = 1, config %r" % sb.config()[-80:])
        worked, ticks = threads_that_worked(lambda: a @ b)
        check(worked == [me], "inside: the dgemm ran on the calling thread alone (threads %s, %d ticks)" % (worked, ticks))
        check(np.allclose(a @ b, want, rtol=1e-12, atol=1e-9), "inside: the product is right")
    check(sb_threads() == 2 and sb.threads() == 2, "after the block: 2 threads again")
    worked, ticks = threads_that_worked(lambda: a @ b)
    check(len(worked) >= 2, "after: the dgemm runs on %d threads again (%d ticks)" % (len(worked), ticks))
    with threadpool_limits(1):  # the common form: every library threadpoolctl knows
        check(sb_threads() == 1 and sb.threads() == 1, "threadpool_limits(1) without user_api: 1 thread")
    check(sb_threads() == 2, "and 2 after it")


def case_restore():
    import numpy  # noqa: F401  (loads SafeBLAS)
    from threadpoolctl import ThreadpoolController, threadpool_limits
    sb = SafeBLAS(sb_entry()["filepath"])
    check(sb_threads() == 3, "start: 3 threads (SAFEBLAS_NUM_THREADS=3)")
    sb.lib.openblas_set_num_threads(2)  # a count the program chose, not the environment's
    with threadpool_limits(limits=1):
        pass
    check(sb_threads() == 2 and sb.threads() == 2, "the program's own count (2) is back after a block")
    try:
        with threadpool_limits(limits=1):
            raise RuntimeError("inside")
    except RuntimeError:
        pass
    check(sb_threads() == 2, "back after an exception in the block")
    with threadpool_limits(limits=1):
        with threadpool_limits(limits=3):
            inner = sb_threads()
        middle = sb_threads()
    check((inner, middle, sb_threads()) == (3, 1, 2), "nested blocks: 3 inside 1, then 1, then 2: %s"
          % ((inner, middle, sb_threads()),))

    @threadpool_limits.wrap(limits=1, user_api="blas")
    def limited():
        return sb_threads(), sb.threads()
    check(limited() == (1, 1) and sb_threads() == 2, "decorator threadpool_limits.wrap(1): 1 inside the function, 2 after")
    controller = ThreadpoolController()
    limiter = controller.limit(limits=1, user_api="blas")
    during = sb_threads()
    limiter.restore_original_limits()
    check(during == 1 and sb_threads() == 2, "ThreadpoolController().limit(1) then restore_original_limits()")
    with threadpool_limits(limits={"libopenblas": 1}):
        during = sb_threads()
    check(during == 1 and sb_threads() == 2, "limits by prefix {'libopenblas': 1}")


def _worker_init():
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=1)  # for the life of the worker, as joblib/scikit-learn workers do


def _task(args):
    import threading
    seed, limit_here = args
    from threadpoolctl import threadpool_limits
    a, b = matrices(900, seed)
    if limit_here:
        inherited = sb_threads()
        with threadpool_limits(limits=1):
            n = sb_threads()
            worked, ticks = threads_that_worked(lambda: a @ b, min_ticks=20)
            c = a @ b
        after = sb_threads()
    else:
        inherited = after = None
        n = sb_threads()
        worked, ticks = threads_that_worked(lambda: a @ b, min_ticks=20)
        c = a @ b
    return seed, inherited, n, after, worked == [threading.get_native_id()], worked, ticks, c


def case_mp_pool():
    import multiprocessing as mp
    import numpy as np
    ntasks = 6
    want = {}
    for s in range(ntasks):
        a, b = matrices(900, s)
        want[s] = a @ b  # the parent's BLAS pool is running when the workers fork
    check(sb_threads() == 2, "parent: 2 threads")
    ctx = mp.get_context("fork")
    for limit_here, how in ((False, "pool initializer"), (True, "with-block in the task")):
        pool = ctx.Pool(3, initializer=None if limit_here else _worker_init)
        try:
            results = pool.map_async(_task, [(s, limit_here) for s in range(ntasks)]).get(timeout=240)
        except mp.TimeoutError:
            check(False, "workers limited by %s: the round hung (240 s)" % how)
            pool.terminate()
            continue
        pool.close()
        pool.join()
        for seed, inherited, n, after, alone, worked, ticks, c in results:
            ok = (n == 1 and alone and np.allclose(c, want[seed], rtol=1e-12, atol=1e-9)
                  and (not limit_here or (inherited, after) == (2, 2)))
            check(ok, "worker task %d, limit set by %s: %s thread(s) reported%s, dgemm on its own thread: %s "
                  "(%s, %d ticks), product right" % (seed, how, n, "" if not limit_here else
                                                   " (2 inherited, 2 after)" if (inherited, after) == (2, 2)
                                                   else " (inherited %s, after %s)" % (inherited, after),
                                                   alone, worked, ticks))
    check(sb_threads() == 2, "parent: still 2 threads after its workers")
    a, b = matrices(900, 0)
    check(np.array_equal(a @ b, want[0]), "parent: the same product after the workers")


def child(case):
    {"info": case_info, "limits": case_limits, "restore": case_restore, "mp_pool": case_mp_pool}[case]()
    return 1 if _bad else 0


# ------------------------------------------------------------------------------------------------
# The parent: one clean process per case.
CASE_ENV = {"info": [{"SAFEBLAS_NUM_THREADS": "3"}, {}], "limits": [{"SAFEBLAS_NUM_THREADS": "2"}],
            "restore": [{"SAFEBLAS_NUM_THREADS": "3"}], "mp_pool": [{"SAFEBLAS_NUM_THREADS": "2"}]}


def run_cases(cases, libdir, system, timeout):
    expect = os.path.realpath(os.path.join(libdir, "libblas.so.3"))
    base = {k: v for k, v in os.environ.items() if k not in THREAD_ENV}
    base.update(SB_TPC_EXPECT=expect, SB_TPC_FOLDER=libdir, PYTHONNOUSERSITE="1", PYTHONDONTWRITEBYTECODE="1")
    if not system:
        base["LD_LIBRARY_PATH"] = libdir
    passed = failed = 0
    for case in cases:
        for extra in CASE_ENV[case]:
            env = dict(base, **extra)
            label = "%s %s" % (case, " ".join("%s=%s" % kv for kv in extra.items()) or "(no thread variable)")
            print("--- %s, numpy on %s%s" % (label, libdir, " through the system's libblas.so.3" if system else ""),
                  flush=True)
            try:
                p = subprocess.run([PY, HERE, "--child", case], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, timeout=timeout)
                out, rc = p.stdout.decode(errors="replace"), p.returncode
            except subprocess.TimeoutExpired as e:
                out, rc = (e.stdout or b"").decode(errors="replace"), "timeout (%ss)" % timeout
            print(out, end="" if out.endswith("\n") or not out else "\n")
            passed += out.count("PASS: ")
            failed += out.count("FAIL: ")
            if rc != 0 and "FAIL: " not in out:
                failed += 1
                print("FAIL: %s: exit %s" % (label, rc))
    return passed, failed


def installed(build):
    """cmake --install BUILD into a temporary prefix; returns (prefix, libdir)."""
    libdir_rel = "lib"
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        for line in f:
            if line.startswith("CMAKE_INSTALL_LIBDIR:"):
                libdir_rel = line.split("=", 1)[1].strip() or "lib"
    prefix = tempfile.mkdtemp(prefix="safeblas-tpc.")
    subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)
    return prefix, os.path.join(prefix, libdir_rel)


def ilp64_listed(libdir64):
    """The ILP64 folder's libblas64.so.3 is listed too (its OpenBLAS calls are also named *64_)."""
    code = r"""
import ctypes, os, sys, threadpoolctl
lib = ctypes.CDLL(sys.argv[1])
e = [e for e in threadpoolctl.threadpool_info() if e["user_api"] == "blas"]
print(e)
ok = (len(e) == 1 and os.path.realpath(e[0]["filepath"]) == os.path.realpath(sys.argv[1])
      and e[0]["num_threads"] == 3 and lib.openblas_get_num_threads64_() == 3)
with threadpoolctl.threadpool_limits(1):
    ok = ok and lib.openblas_get_num_threads64_() == 1
sys.exit(0 if ok and lib.openblas_get_num_threads64_() == 3 else 1)
"""
    env = {k: v for k, v in os.environ.items() if k not in THREAD_ENV}
    env.update(SAFEBLAS_NUM_THREADS="3", PYTHONNOUSERSITE="1")
    p = subprocess.run([PY, "-c", code, os.path.join(libdir64, "libblas64.so.3")], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    print(p.stdout.decode(errors="replace"), end="")
    return p.returncode == 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(sys.argv[2])
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="+", choices=CASES + ("all",))
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--libdir")
    where.add_argument("--system", action="store_true")
    where.add_argument("--install", metavar="BUILD")
    ap.add_argument("--version", default=os.environ.get("SB_VERSION", ""), help="SafeBLAS's version")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    os.environ["SB_VERSION"] = args.version
    cases = CASES if "all" in args.cases else args.cases
    prefix = None
    extra_pass = extra_fail = 0
    try:
        if args.install:
            prefix, libdir = installed(os.path.abspath(args.install))
            print("installed into %s" % prefix)
            folder = os.path.join(libdir, "safeblas")
            if os.path.isdir(os.path.join(libdir, "safeblas64")):
                if ilp64_listed(os.path.join(libdir, "safeblas64")):
                    extra_pass += 1
                    print("PASS: the ILP64 folder's libblas64.so.3 is listed, 3 threads, limited to 1 and back")
                else:
                    extra_fail += 1
                    print("FAIL: the ILP64 folder's libblas64.so.3")
        elif args.system:
            libdir = os.environ.get("SB_ALT_LIBDIR")
            if not libdir:
                ap.error("--system needs SB_ALT_LIBDIR (the installed libdir registered as the alternatives)")
            folder = os.path.join(libdir, "safeblas")
            triplet = subprocess.run(["gcc", "-print-multiarch"], stdout=subprocess.PIPE).stdout.decode().strip()
            sysblas = os.path.realpath("/usr/lib/%s/libblas.so.3" % triplet)
            ours = os.path.realpath(os.path.join(folder, "libblas.so.3"))
            if sysblas == ours:
                extra_pass += 1
                print("PASS: the system's libblas.so.3 leads to %s" % ours)
            else:
                extra_fail += 1
                print("FAIL: the system's libblas.so.3 leads to %s, not %s" % (sysblas, ours))
        else:
            folder = os.path.abspath(args.libdir)
        passed, failed = run_cases(cases, folder, args.system, args.timeout)
    finally:
        if prefix:
            shutil.rmtree(prefix, ignore_errors=True)
    passed += extra_pass
    failed += extra_fail
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())

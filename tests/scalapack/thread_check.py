#!/usr/bin/env python3
"""What SafeBLAS does with its thread count under mpirun (Open MPI), on one node.

  thread_check.py --prog build/.../scalapack_thread_check [--expect-mpi-aware]

Runs the thread_check program (thread_check.c: one line per rank with its affinity mask, what
SafeBLAS reports, and the threads it really started for a 384x384 dgemm) under:
  1. mpirun -np 2                          Open MPI binds each rank to a core (np <= 2)
  2. mpirun -np 2 --bind-to none           every rank sees every CPU
  3. mpirun -np 4 --oversubscribe          (more ranks than CPUs: Open MPI does not bind)
  4. mpirun -np 4 --oversubscribe -x SAFEBLAS_NUM_THREADS=1   the documented remedy
Checks, every rank of every run:
  - safeblas_get_num_threads() <= the CPUs in the rank's affinity mask, and <= what
    openblas_get_num_procs() says the rank may use;
  - the threads the dgemm really added (/proc/self/task after - before) <= that count;
  - run 4: exactly 1 thread per rank.
Node level (the sum of every local rank's threads against the CPUs online):
  - run 1 must not oversubscribe (binding gives each rank its own core);
  - runs 2 and 3 do today: SafeBLAS sizes each rank's pool from its own mask and does not look at
    OMPI_COMM_WORLD_LOCAL_SIZE. They are printed as "oversubscribed (known)" and pass, unless
    --expect-mpi-aware is given (for a SafeBLAS that divides the CPUs among the local ranks),
    when they fail.
Prints every rank's line, one line per check group and a closing "N passed, N failed".
"""
import argparse
import os
import re
import subprocess
import sys

LINE_RE = re.compile(r"^RANK (\S+) LOCAL_RANK (\S+) LOCAL_SIZE (\S+) AFFINITY (-?\d+) CPUS_ONLINE (\d+) PROCS (\d+) "
                     r"THREADS (\d+) TASKS_BEFORE (-?\d+) TASKS_AFTER (-?\d+) CONFIG (.*)$", re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prog", required=True)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--expect-mpi-aware", action="store_true",
                    help="also fail when the local ranks' threads together exceed the CPUs")
    args = ap.parse_args()

    ncpu = len(os.sched_getaffinity(0))
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    for k in ("SAFEBLAS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "LD_PRELOAD"):
        env.pop(k, None)
    mpirun = "mpirun.openmpi" if os.path.exists("/usr/bin/mpirun.openmpi") else "mpirun"
    base = [mpirun, "--mca", "btl", "self,vader", "--mca", "oob_tcp_if_include", "lo"]
    over4 = ["--oversubscribe"] if 4 > ncpu else []
    over2 = ["--oversubscribe"] if 2 > ncpu else []
    runs = [
        ("np 2 (default binding)", ["-np", "2"] + over2, None, "must"),
        ("np 2 --bind-to none", ["-np", "2", "--bind-to", "none"] + over2, None, "known"),
        ("np 4 %s" % " ".join(over4), ["-np", "4"] + over4, None, "known"),
        ("np 4 %s SAFEBLAS_NUM_THREADS=1" % " ".join(over4), ["-np", "4"] + over4 + ["-x", "SAFEBLAS_NUM_THREADS=1"],
         1, "must"),
    ]
    passed = failed = 0
    print("this host: %d CPUs available to the test, %d online" % (ncpu, os.sysconf("SC_NPROCESSORS_ONLN")))
    for title, opts, want_threads, node_rule in runs:
        np = int(opts[1])
        cmd = ["timeout", "-k", "5", str(args.timeout)] + base + opts + [os.path.abspath(args.prog)]
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        text = p.stdout.decode(errors="replace")
        rows = LINE_RE.findall(text)
        problems = []
        if p.returncode != 0:
            problems.append("mpirun exit status %d" % p.returncode)
        if sorted(r[0] for r in rows) != [str(i) for i in range(np)]:
            problems.append("expected one line from each of ranks 0..%d" % (np - 1))
        total = 0
        online = 0
        print("-- mpirun %s" % title)
        for (rank, lrank, lsize, aff, onl, procs, threads, before, after, config) in sorted(rows):
            aff, onl, procs, threads, before, after = map(int, (aff, onl, procs, threads, before, after))
            total += threads
            online = onl
            started = after - before
            print("   rank %s (local %s of %s): affinity %d CPUs, SafeBLAS procs %d, threads %d, dgemm added %d "
                  "thread(s)" % (rank, lrank, lsize, aff, procs, threads, started))
            if threads > aff:
                problems.append("rank %s: %d threads > %d CPUs in its affinity mask" % (rank, threads, aff))
            if threads > procs:
                problems.append("rank %s: %d threads > openblas_get_num_procs() %d" % (rank, threads, procs))
            if procs > aff:
                problems.append("rank %s: openblas_get_num_procs() %d > affinity %d" % (rank, procs, aff))
            if started > threads:
                problems.append("rank %s: the dgemm started %d threads, more than its count %d" % (rank, started, threads))
            if want_threads is not None and threads != want_threads:
                problems.append("rank %s: %d threads, expected %d" % (rank, threads, want_threads))
        limit = max(online, np)          # one thread per rank is the least MPI can do
        node = "node: %d ranks x threads = %d threads on %d CPUs online" % (np, total, online)
        if rows and total > limit:
            if node_rule == "must" or args.expect_mpi_aware:
                problems.append(node + ": oversubscribed")
            else:
                node += ": oversubscribed (known: SafeBLAS does not divide the CPUs among local MPI ranks)"
        print("   " + node)
        if problems:
            failed += 1
            print("FAIL mpirun %s" % title)
            for pr in problems:
                print("     " + pr)
            print("     ---- output\n" + text + "     ----")
        else:
            passed += 1
            print("ok   mpirun %s" % title)
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs seed_program.py in a venv many times per thread count, each run in its own process under a
timeout, and counts the runs that hung (killed) or went wrong.

  seed_runs.py --venv DIR [--threads 2,8,32] [--runs 10] [--rounds 100] [--timeout 30]
               [--expect openblas|safeblas] [--budget SECONDS] [--must-survive] [--indent S]

--must-survive: exit 1 on any hang or wrong result (the rescued venv); without it the hangs are
a measurement and only a run that could not start at all (exit 2) fails. A run that hangs is
followed by a control without fork: if that one cannot finish either, the run counts as "too slow
even without fork" (OpenBLAS's spinning pool oversubscribed on a loaded machine), not as hung. --budget: start no new
run after that many seconds (the demo's bound); the counts then say how many runs were made.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def one_run(python, threads, rounds, timeout, expect, fork=True):
    cmd = [python, os.path.join(HERE, "seed_program.py"), str(threads), str(rounds)] + ([] if fork else ["--no-fork"])
    if expect:
        cmd.append("--expect=" + expect)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                           env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        out = p.stdout.decode(errors="replace").strip()
        if p.returncode != 0 and "Timeout (" in out:  # seed_program's watchdog fired
            last = [l for l in out.splitlines() if l.startswith("round ")]
            return 124, "watchdog: %s of %d did not finish in 10 s" % (last[-1] if last else "a round", rounds)
        return p.returncode, "\n".join(l for l in out.splitlines() if not l.startswith("round "))
    except subprocess.TimeoutExpired:
        return 124, "killed after %gs" % timeout


def library(python):
    """The bundled library's own description of itself (openblas_get_config), first two words."""
    code = ("import ctypes, numpy, os\n"
            "p = [l.split(None, 5)[5].strip() for l in open('/proc/self/maps') if 'libscipy_openblas64_' in l][0]\n"
            "f = ctypes.CDLL(p).scipy_openblas_get_config64_; f.restype = ctypes.c_char_p\n"
            "print(' '.join(f().decode().split()[:2]).rstrip(':'))")
    p = subprocess.run([python, "-c", code], stdout=subprocess.PIPE, universal_newlines=True, timeout=120)
    return p.stdout.strip() or "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--venv", required=True)
    ap.add_argument("--threads", default="2,8,32")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--expect", choices=["openblas", "safeblas"])
    ap.add_argument("--budget", type=float, default=0)
    ap.add_argument("--must-survive", action="store_true")
    ap.add_argument("--indent", default="")
    args = ap.parse_args()
    python = os.path.join(os.path.abspath(args.venv), "bin", "python")
    start = time.monotonic()
    bad = total_runs = total_hung = total_slow = 0
    lib = library(python)
    for t in [int(x) for x in args.threads.split(",")]:
        hung = wrong = runs = slow = 0
        t0 = time.monotonic()
        for _ in range(args.runs):
            if args.budget and time.monotonic() - start > args.budget:
                break
            rc, out = one_run(python, t, args.rounds, args.timeout, args.expect)
            runs += 1
            if rc == 124:
                # the control: the same rounds without fork. If those cannot finish either, the pool
                # is too slow here (oversubscribed on a loaded machine), not hung by the fork.
                crc, _ = one_run(python, t, args.rounds, args.timeout, args.expect, fork=False)
                if crc == 124:
                    slow += 1
                else:
                    hung += 1
            elif rc == 2:
                print(args.indent + out)
                return 1
            elif rc != 0:
                wrong += 1
                print(args.indent + "exit %d: %s" % (rc, out[-300:]))
        total_hung += hung
        total_runs += runs
        total_slow += slow
        bad += hung + wrong + slow
        print("%s%s, %2d threads: %2d runs x %d forks: %d hung (killed), %d wrong%s  [%.1fs]"
              % (args.indent, lib, t, runs, args.rounds, hung, wrong,
                 ", %d too slow even without fork" % slow if slow else "", time.monotonic() - t0), flush=True)
    print("%sseed on %s: %d runs, %d hung, %d too slow even without fork, %d went wrong"
          % (args.indent, lib, total_runs, total_hung, total_slow, bad - total_hung - total_slow))
    return 1 if (bad and args.must_survive) else 0


if __name__ == "__main__":
    sys.exit(main())

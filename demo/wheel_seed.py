"""The seed program as users met it, run by safeblas-demo: numpy and scipy wheels from PyPI in a venv.

    /usr/bin/python3 wheel_seed.py --build <build> [--runs 3] [--rounds 100] [--threads 2,8,32,64]

1. <build>/pypi/wheels-0.3.30: numpy 2.3.4 + scipy 1.17.1 from PyPI, both bundling OpenBLAS 0.3.30
   (the release of numpy/numpy#30092); the seed program (tests/pypi/wheels/seed_program.py: fork,
   the child exits at once, the parent's next numpy.linalg.solve) runs --runs times per thread
   count, each run killed after 20 s and counted as a hang;
2. scripts/wheel-rescue applies SafeBLAS in that same venv, the same runs, then undoes it;
3. <build>/pypi/wheels-newest: numpy 2.4.6 (OpenBLAS 0.3.31), the same runs.
The venvs are the ones tests/pypi uses (made once; pip's downloads in <build>/pypi/cache).
Exit status: 0 when SafeBLAS survived every run (hangs on OpenBLAS are what is being shown),
1 when the venvs cannot be made (PyPI unreachable), the rescue fails, or SafeBLAS hangs.
"""
import argparse
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WHEELS = os.path.join(REPO, "tests", "pypi", "wheels")
RESCUE = os.path.join(REPO, "scripts", "wheel-rescue")


def say(text):
    print(text, flush=True)  # safeblas-demo indents every line


def quiet(cmd, timeout):
    """Runs cmd, its output kept back unless it fails; returns (ok, output)."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                           timeout=timeout)
        return p.returncode == 0, p.stdout
    except subprocess.TimeoutExpired:
        return False, "timed out after %ds" % timeout


def venv(build, name, requirements):
    path = os.path.join(build, "pypi", name)
    t0 = time.monotonic()
    reused = os.path.exists(os.path.join(path, ".safeblas-requirements.txt"))
    ok, out = quiet([sys.executable, os.path.join(WHEELS, "make_venv.py"), path,
                     os.path.join(WHEELS, requirements), "--openblas", build], 600)
    if not ok:
        say("FAIL: could not make %s from PyPI:" % path)
        for line in out.strip().splitlines()[-6:]:
            say("  " + line)
        return None
    # run by the venv's python: numpy, scipy and threadpoolctl from PyPI
    code = ("import numpy, scipy; from threadpoolctl import threadpool_info\n"  # from PyPI
            "print('numpy %s, scipy %s: ' % (numpy.__version__, scipy.__version__) + '; '.join("
            "'%s %s' % (e['filepath'].split('/')[-2], e['version']) for e in threadpool_info() if e['user_api'] == 'blas'))")
    ok, out = quiet([os.path.join(path, "bin", "python"), "-c", code], 120)
    say("%s (%s, %.0f s): %s" % (name, "reused" if reused else "made", time.monotonic() - t0,
                                out.strip().splitlines()[-1] if out.strip() else "?"))
    return path


def seed(path, args, expect):
    """The seed runs; returns the number of runs that hung or went wrong."""
    cmd = [sys.executable, os.path.join(WHEELS, "seed_runs.py"), "--venv", path, "--threads", args.threads,
           "--runs", str(args.runs), "--rounds", str(args.rounds), "--timeout", "15", "--expect", expect,
           "--budget", "45", "--indent", "  "]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, universal_newlines=True, timeout=600)
    counts = {"runs": 0, "hung": 0, "slow": 0, "wrong": 0}
    for line in p.stdout.rstrip().splitlines():
        say(line)
        if line.startswith("  seed on "):  # "N runs, N hung, N too slow even without fork, N went wrong"
            n = [int(part.split()[0]) for part in line.split(":")[-1].split(",")]
            counts = dict(zip(("runs", "hung", "slow", "wrong"), n))
    if p.returncode != 0:
        counts["wrong"] += 1
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--threads", default="2,8,32")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    say("Venvs of PyPI wheels (Debian's /usr/bin/python3 -m venv; pip; %d CPUs here). The seed sets"
        % os.cpu_count())
    say("its thread count with openblas_set_num_threads, as OpenBLAS caps OPENBLAS_NUM_THREADS at the CPUs.")
    old = venv(build, "wheels-0.3.30", "requirements-0.3.30.txt")
    new = venv(build, "wheels-newest", "requirements-newest.txt")
    if not old or not new:
        return 1

    say("")
    say("a) the wheels' own OpenBLAS 0.3.30, %d runs x %d forks per thread count, a run killed after 15 s"
        % (args.runs, args.rounds))
    say("   (a run that hangs is followed by the same rounds without fork; each part at most ~45 s):")
    hung_openblas = seed(old, args, "openblas")
    say("b) the same venv after `scripts/wheel-rescue apply --venv %s`:" % os.path.relpath(old, build))
    ok, out = quiet([sys.executable, RESCUE, "apply", "--venv", old, "--build", build], 300)
    for line in out.strip().splitlines():
        if "->" in line or "refused" in line or "not in SafeBLAS" in line:
            say("  " + line.replace("wheel-rescue: ", ""))
    if not ok:
        say("FAIL: the rescue could not be applied")
        return 1
    hung_safeblas = seed(old, args, "safeblas")
    ok, out = quiet([sys.executable, RESCUE, "undo", "--venv", old], 120)
    say("  `wheel-rescue undo`: %s" % ("the wheels' files are back byte for byte" if ok else "FAILED: " + out))
    say("c) the newest wheels (OpenBLAS 0.3.31 in numpy 2.4.6):")
    hung_new = seed(new, args, "openblas")

    def text(c):
        return "%d of %d runs hung%s" % (c["hung"], c["runs"], ", %d too slow even without fork" % c["slow"]
                                         if c["slow"] else "")
    say("")
    say("OpenBLAS 0.3.30: %s. SafeBLAS (rescue): %s. OpenBLAS 0.3.31: %s."
        % (text(hung_openblas), text(hung_safeblas), text(hung_new)))
    if not hung_openblas["hung"]:
        say("The fork hang of OpenBLAS 0.3.30 (OpenBLAS#5520) did not appear on this %d-CPU machine: its race"
            % os.cpu_count())
        say("needs the pool's threads to interleave with fork() just so; the reports (numpy/numpy#30092,")
        say("scipy/scipy#23686) came from other machines. \"Too slow even without fork\": OpenBLAS's")
        say("spinning pool, given more threads than CPUs, may not finish a solve in 15 s on a loaded machine.")
    bad_safeblas = hung_safeblas["hung"] + hung_safeblas["slow"] + hung_safeblas["wrong"]
    return 1 if (bad_safeblas or not ok) else 0


if __name__ == "__main__":
    sys.exit(main())

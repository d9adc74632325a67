#!/usr/bin/env python3
"""Makes (or reuses) a venv with Debian's /usr/bin/python3 and installs wheels from PyPI into it,
as a newcomer's machine would; optionally puts SafeBLAS under them with scripts/wheel-rescue.

  make_venv.py DIR REQUIREMENTS [--cache DIR] [--rescue BUILD | --openblas BUILD]

A venv whose recorded requirements equal REQUIREMENTS is reused (pip is not asked again).
--rescue BUILD   applies BUILD's rescue libraries (nothing to do if already applied);
--openblas BUILD makes sure the wheels' own OpenBLAS is in place (undoes a rescue a stopped run
                 may have left).
pip's downloads go to --cache (default: DIR/../cache), so one CI run downloads each file once.
Fails loudly (exit 1, saying so) when PyPI cannot be reached: the tests need it.
"""
import argparse
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
RESCUE = os.path.join(REPO, "scripts", "wheel-rescue")
STAMP = ".safeblas-requirements.txt"


def run(cmd, **kw):
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, **kw).returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("venv")
    ap.add_argument("requirements")
    ap.add_argument("--cache")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--rescue", metavar="BUILD")
    g.add_argument("--openblas", metavar="BUILD")
    args = ap.parse_args()
    venv = os.path.abspath(args.venv)
    with open(args.requirements) as f:
        wanted = f.read()
    stamp = os.path.join(venv, STAMP)

    fresh = not (os.path.exists(stamp) and open(stamp).read() == wanted)
    if fresh:
        shutil.rmtree(venv, ignore_errors=True)
        if run(["/usr/bin/python3", "-m", "venv", venv]) != 0:
            print("make_venv: /usr/bin/python3 -m venv failed (Debian package python3-venv)")
            return 1
        env = dict(os.environ, PIP_CACHE_DIR=args.cache or os.path.join(os.path.dirname(venv), "cache"),
                   PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
        rc = run([os.path.join(venv, "bin", "pip"), "install", "--timeout", "60", "--retries", "3",
                  "--only-binary", ":all:", "-r", os.path.abspath(args.requirements)], env=env)
        if rc != 0:
            print("make_venv: FAIL: pip could not install %s from PyPI (is https://pypi.org "
                  "reachable? these tests need it)" % args.requirements)
            return 1
        with open(stamp, "w") as f:
            f.write(wanted)
    else:
        print("make_venv: reusing %s" % venv)

    if args.rescue:
        return run([sys.executable, RESCUE, "apply", "--venv", venv, "--build", args.rescue])
    if args.openblas:
        rc = run([sys.executable, RESCUE, "undo", "--venv", venv])
        return rc or run([sys.executable, RESCUE, "status", "--venv", venv])
    return 0


if __name__ == "__main__":
    sys.exit(main())

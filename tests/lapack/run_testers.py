#!/usr/bin/env python3
"""Runs LAPACK's own testing programs (Debian's liblapack-test) against a BLAS/LAPACK folder and
parses their output.

  run_testers.py --libdir DIR --prec d --suite lin [--suite rfp ...] [--workdir DIR] [--ilp64]

DIR holds libblas.so.3 and liblapack.so.3 (build/compat for SafeBLAS, or a folder of links to
the reference libraries for the baseline). With --ilp64 the programs are Debian's
liblapack64-test ones (/usr/lib/x86_64-linux-gnu/lapack64, 64-bit integers) and DIR holds
libblas64.so.3 and liblapack64.so.3 (build/compat64 for libsafeblas64). Suites:
  lin    xlintst{p} < {p}test.in
  rfp    xlintstrf{p} < {p}test_rfp.in
  mixed  xlintstds < dstest.in (p = d), xlintstzc < zctest.in (p = z)
  eig    xeigtst{p} with the inputs lapack_testing.py lists (nep sep se2 svd {p}ec {p}ed {p}gg
         {p}gd {p}sb {p}sg {p}bb glm gqr gsv csd lse) plus the balancing inputs of LAPACK's
         CMake tests ({p}bal {p}bak {p}gbal {p}gbak)

Each program runs with LD_DEBUG=libs; the libraries it actually initialised are checked: every
BLAS/LAPACK it mapped must come from --libdir (for SafeBLAS: libsafeblas, never the system's
reference library or OpenBLAS through the alternatives). A run fails on: a test ratio over the
threshold ("N out of M tests failed"), a failed error-exit test ("illegal" / "failed the tests of
the error exits"), an INFO error report, a crash or non-zero exit, a missing "End of tests", or a
wrong library. Prints the ratios run and a closing "N passed, N failed" line (programs).
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import time

TESTDIR = "/usr/lib/x86_64-linux-gnu/lapack"
TESTDIR64 = "/usr/lib/x86_64-linux-gnu/lapack64"

EIG_INPUTS = ["nep", "sep", "se2", "svd", "{p}ec", "{p}ed", "{p}gg", "{p}gd", "{p}sb", "{p}sg",
              "{p}bb", "glm", "gqr", "gsv", "csd", "lse",
              "{p}bal", "{p}bak", "{p}gbal", "{p}gbak"]


def jobs_for(prec, suite):
    p = prec
    if suite == "lin":
        return [("xlintst" + p, p + "test.in")]
    if suite == "rfp":
        return [("xlintstrf" + p, p + "test_rfp.in")]
    if suite == "mixed":
        return {"d": [("xlintstds", "dstest.in")], "z": [("xlintstzc", "zctest.in")]}.get(p, [])
    if suite == "eig":
        return [("xeigtst" + p, name.format(p=p) + ".in") for name in EIG_INPUTS]
    raise SystemExit("unknown suite " + suite)


RUN_RE = re.compile(r"\(\s*(\d+)\s+tests?\s+run\)")
FAIL_RE = re.compile(r"(\d+)\s+out of\s+(\d+)\s+tests\s+failed")
BAD_RE = re.compile(r"[Ii]llegal|failed the tests of the error exits|\bINFO\b|\*\*\*")
# The balancing tests ({p}bal, {p}bak, {p}gbal, {p}gbak) print no ratios, only counts of bad examples.
BAL_BAD_RE = re.compile(r"(example number where|number of examples where).*=\s*(\d+)")
BAL_TOTAL_RE = re.compile(r"total number of examples tested\s*=\s*(\d+)")
BLASLIKE_RE = re.compile(r"blas|lapack|safeblas|blis|atlas|mkl", re.I)


def parse(text):
    """-> (ratios run, ratios failed, examples run (balancing tests), list of bad lines)"""
    run = failed = examples = 0
    bad = []
    for line in text.splitlines():
        m = BAL_TOTAL_RE.search(line)
        if m:
            examples += int(m.group(1))
            continue
        m = BAL_BAD_RE.search(line)
        if m:
            if int(m.group(2)) != 0:
                bad.append(line.strip())
            continue
        m = RUN_RE.search(line)
        if m:
            run += int(m.group(1))
        m = FAIL_RE.search(line)
        if m:
            failed += int(m.group(1))
            run += int(m.group(2))
            bad.append(line.strip())
            continue
        if BAD_RE.search(line):
            bad.append(line.strip())
    return run, failed, examples, bad


def mapped_libraries(debug_files):
    libs = set()
    for f in debug_files:
        with open(f, errors="replace") as fh:
            for line in fh:
                m = re.search(r"calling init:\s*(\S+)", line)
                if m:
                    libs.add(m.group(1))
    return libs


def check_libraries(libs, libdir, names=("libblas.so.3", "liblapack.so.3")):
    """BLAS-like libraries must all come from libdir; libblas and liblapack must be there."""
    problems = []
    libdir_real = {os.path.realpath(os.path.join(libdir, n)) for n in names}
    blaslike = {os.path.realpath(l) for l in libs if BLASLIKE_RE.search(os.path.basename(l))
                or BLASLIKE_RE.search(os.path.basename(os.path.realpath(l)))}
    for real in sorted(blaslike - libdir_real):
        problems.append("mapped a BLAS/LAPACK library outside %s: %s" % (libdir, real))
    for want in sorted(libdir_real):
        if want not in blaslike:
            problems.append("did not map %s" % want)
    return problems, sorted(blaslike)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--libdir", required=True)
    ap.add_argument("--prec", required=True, choices="sdcz")
    ap.add_argument("--suite", action="append", required=True)
    ap.add_argument("--workdir")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--keep", action="store_true", help="keep the outputs")
    ap.add_argument("--ilp64", action="store_true",
                    help="liblapack64-test's programs against libblas64.so.3/liblapack64.so.3 in --libdir")
    args = ap.parse_args()

    testdir = TESTDIR64 if args.ilp64 else TESTDIR
    names = ("libblas64.so.3", "liblapack64.so.3") if args.ilp64 else ("libblas.so.3", "liblapack.so.3")
    libdir = os.path.abspath(args.libdir)
    for n in names:
        if not os.path.exists(os.path.join(libdir, n)):
            print("missing %s/%s" % (libdir, n))
            return 1
    work = args.workdir or tempfile.mkdtemp(prefix="lapack-testers-")
    os.makedirs(work, exist_ok=True)

    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = libdir + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    env.setdefault("SAFEBLAS_NUM_THREADS", env.get("SAFEBLAS_NUM_THREADS", "2"))

    total_run = total_failed = total_examples = 0
    passed = failed = 0
    shown_libs = False
    for suite in args.suite:
        for prog, inp in jobs_for(args.prec, suite):
            exe = os.path.join(testdir, prog)
            infile = os.path.join(testdir, inp)
            tag = "%s < %s" % (prog, inp)
            if not os.path.exists(exe) or not os.path.exists(infile):
                print("FAIL %s: missing program or input" % tag)
                failed += 1
                continue
            out_path = os.path.join(work, inp.replace(".in", ".out"))
            dbg = os.path.join(work, "lddebug-" + inp.replace(".in", ""))
            for old in glob.glob(dbg + ".*"):
                os.remove(old)
            env_run = dict(env, LD_DEBUG="libs", LD_DEBUG_OUTPUT=dbg)
            t0 = time.time()
            with open(infile, "rb") as fin, open(out_path, "wb") as fout:
                try:
                    rc = subprocess.run([exe], stdin=fin, stdout=fout, stderr=subprocess.STDOUT, cwd=work,
                                        env=env_run, timeout=args.timeout).returncode
                except subprocess.TimeoutExpired:
                    rc = "timeout"
            dt = time.time() - t0
            with open(out_path, errors="replace") as fh:
                text = fh.read()
            run, nfail, examples, bad = parse(text)
            problems = []
            if rc != 0:
                problems.append("exit status %s" % rc)
            if "End of tests" not in text:
                problems.append("no 'End of tests' (the program stopped early)")
            lib_problems, blaslike = check_libraries(mapped_libraries(glob.glob(dbg + ".*")), libdir, names)
            problems += lib_problems
            if not shown_libs:
                print("mapped: " + ", ".join(blaslike))
                shown_libs = True
            if not args.keep:
                for old in glob.glob(dbg + ".*"):
                    os.remove(old)
            total_run += run
            total_failed += nfail
            total_examples += examples
            ok = not problems and not bad and nfail == 0 and run + examples > 0
            if ok:
                passed += 1
            else:
                failed += 1
            what = "%9d ratios, %5d failed" % (run, nfail) if not examples else "%9d examples (balancing)" % examples
            print("%-4s %-30s %s  %6.1fs" % ("ok" if ok else "FAIL", tag, what, dt))
            for pr in problems:
                print("     " + pr)
            for line in bad[:20]:
                print("     | " + line)
            if len(bad) > 20:
                print("     | ... %d more" % (len(bad) - 20))
            sys.stdout.flush()
    print("ratios run: %d, failed the threshold: %d; balancing examples: %d"
          % (total_run, total_failed, total_examples))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

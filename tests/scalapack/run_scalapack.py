#!/usr/bin/env python3
"""Runs Debian's ScaLAPACK and PBLAS test programs (package scalapack-mpi-test, Open MPI build)
under mpirun against a BLAS/LAPACK folder, proves in every rank which BLAS was mapped, and parses
the testers' reports.

  run_scalapack.py --libdir DIR --checker maps_check.so --np 2 [--workdir DIR] PROGRAM|GROUP ...
  run_scalapack.py --reference ...      # the baseline: Debian's reference BLAS and LAPACK

DIR holds libblas.so.3 and liblapack.so.3 (build/compat for SafeBLAS). libscalapack-openmpi.so.2.2
links libblas.so.3 and liblapack.so.3, so LD_LIBRARY_PATH=DIR (given to every rank with mpirun -x)
puts DIR's libraries under it. Groups: lin (LU, band, LLt, inverse, QR, least squares), eig
(reductions, eigensolvers, SVD, Schur), pblas (PBLAS level 1-3), all.

Input files: the shipped .dat files (/usr/share/scalapack) are copied into the work folder and
changed there, never in place:
  - process grids: only the grids with P*Q <= np are kept (a tester aborts or skips on a bigger
    one); if no multi-process grid is left, 1 x np and np x 1 are added. With -np 4 the shipped
    grids stay as they are.
  - LLT.dat: "Test Cond. Est. and Iter. Ref." = F. The LLt testers' iterative refinement can
    deadlock with any BLAS (Reference-ScaLAPACK issue 121).
  - SEPR.dat (x?syevr / x?heevr): TEST 10's one large matrix is 500 -> 150 (500 over 7 grids
    takes 2 minutes per program on 2 cores, oversubscribed); the other nine tests are unchanged.
mpirun: --mca btl self,vader (shared memory; nothing leaves the host), the out-of-band channel on
loopback (oob_tcp_if_include lo), root allowed (OMPI_ALLOW_RUN_AS_ROOT), --oversubscribe when np
exceeds the CPUs. Each mpirun runs under timeout(1) (--timeout, default 180 s): a hang fails.

A program fails on: a non-zero exit or timeout; "N tests completed and failed ..." with N > 0; a
PBLAS summary row with FAILED > 0; FAILED / "has failed" / BLACS ERROR / ILLEGAL GRID / an MPI or
Fortran runtime error anywhere in the report; no "END OF TESTS" (x?hseqr: no PASSED row); no
test passed at all; a rank that did not map DIR's library (every rank writes its /proc/self/maps
through the LD_PRELOAD'ed checker), or mapped another BLAS/LAPACK. Skipped tests ("tests skipped
because of illegal input values": band widths the tester rejects for a grid) are reported per
program, never hidden. Prints one line per program and a closing "N passed, N failed"
(programs); exit 0 iff none failed.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TESTDIR = "/usr/lib/x86_64-linux-gnu/scalapack/openmpi-tests"
DATDIR = "/usr/share/scalapack"
REF_DIRS = ["/usr/lib/x86_64-linux-gnu/blas", "/usr/lib/x86_64-linux-gnu/lapack"]
MPIRUN = "mpirun.openmpi" if os.path.exists("/usr/bin/mpirun.openmpi") else "mpirun"  # the build the testers link

LIN = ["lu", "dblu", "dtlu", "gblu", "llt", "pbllt", "ptllt", "inv", "qr", "ls"]
EIG = ["brd", "hrd", "trd", "nep", "evc", "sep", "gsep", "svd", "syevr", "hseqr"]


def programs(group):
    out = []
    if group in ("lin", "all"):
        out += ["x%s%s" % (p, t) for t in LIN for p in "sdcz"]
    if group in ("eig", "all"):
        for t in EIG:
            for p in "sdcz":
                if t == "evc" and p in "sd":
                    continue          # eigenvectors of a complex Schur form: c, z only
                if t in ("svd", "hseqr") and p in "cz":
                    continue          # real only in ScaLAPACK 2.2
                name = t
                if t == "syevr" and p in "cz":
                    name = "heevr"
                out.append("x%s%s" % (p, name))
    if group in ("pblas", "all"):
        out += ["%spb%dtst" % (p, lvl) for p in "sdcz" for lvl in (1, 2, 3)]
    return out


def exe_path(prog):
    if prog.endswith("tst"):
        return os.path.join(TESTDIR, "PBLAS", prog)
    return os.path.join(TESTDIR, prog)


# ---------------------------------------------------------------- input files
def _nums(line):
    """The leading whitespace-separated integers of a .dat line (before its comment)."""
    out = []
    for tok in line.split():
        if re.fullmatch(r"-?\d+", tok):
            out.append(int(tok))
        else:
            break
    return out


def _comment(line):
    m = re.match(r"\s*(?:-?\d+\s+)*(.*)$", line.rstrip("\n"))
    return m.group(1) if m else ""


def _fmt(vals, comment):
    return "%-31s %s\n" % (" ".join(str(v) for v in vals), comment)


def rewrite_grids(lines, np):
    """Keeps the grids with P*Q <= np (see the module doc). Returns (lines, changed)."""
    out = list(lines)
    changed = False
    i = 0
    while i < len(out):
        low = out[i].lower()
        if re.search(r"number of process(or)? (grids|configurations)", low):
            count = _nums(out[i])[0]
            nxt = [out[i + k].lower() if i + k < len(out) else "" for k in (1, 2, 3)]
            if "values of p" in nxt[0] and "values of q" in nxt[1]:
                triple = "values of nb" in nxt[2]
                ps = _nums(out[i + 1])[:count]
                qs = _nums(out[i + 2])[:count]
                nbs = _nums(out[i + 3])[:count] if triple else [None] * count
                grids = list(zip(ps, qs, nbs))
                keep = [g for g in grids if g[0] * g[1] <= np]
                if np > 1 and not any(g[0] * g[1] > 1 for g in keep):
                    nb = grids[0][2] if grids else None
                    keep += [g for g in ((1, np, nb), (np, 1, nb)) if g not in keep]
                if keep != grids:
                    changed = True
                    out[i] = _fmt([len(keep)], _comment(out[i]))
                    out[i + 1] = _fmt([g[0] for g in keep], _comment(out[i + 1]))
                    out[i + 2] = _fmt([g[1] for g in keep], _comment(out[i + 2]))
                    if triple:
                        out[i + 3] = _fmt([g[2] for g in keep], _comment(out[i + 3]))
                i += 4 if triple else 3
                continue
            if "number of process columns" in nxt[0]:      # BLU.dat, BLLT.dat: 1 x Q grids
                qs = _nums(out[i + 1])[:count]
                keep = [q for q in qs if q <= np]
                if np > 1 and np not in keep and not any(q > 1 for q in keep):
                    keep.append(np)
                if keep != qs:
                    changed = True
                    out[i] = _fmt([len(keep)], _comment(out[i]))
                    out[i + 1] = _fmt(keep, _comment(out[i + 1]))
                i += 2
                continue
        i += 1
    return out, changed


def prepare_inputs(work, np):
    """Copies the shipped .dat files into work, adapted to np. Returns a list of the changes."""
    notes = []
    files = glob.glob(os.path.join(DATDIR, "*.dat")) + glob.glob(os.path.join(DATDIR, "PBLAS", "*TST.dat"))
    if not files:
        raise SystemExit("no .dat files in %s (install scalapack-test-common)" % DATDIR)
    for src in sorted(files):
        name = os.path.basename(src)
        with open(src) as fh:
            lines = fh.readlines()
        lines, changed = rewrite_grids(lines, np)
        if changed:
            notes.append("%s: grids for np=%d" % (name, np))
        if name == "LLT.dat":
            for k, line in enumerate(lines):
                if "Iter. Ref." in line and line.lstrip().startswith("T"):
                    lines[k] = line.replace("T", "F", 1)
                    notes.append("LLT.dat: iterative refinement off")
        if name == "SEPR.dat":
            for k, line in enumerate(lines):
                if "TEST 10" in line:
                    for j in range(k, min(k + 6, len(lines))):
                        if _nums(lines[j]) == [500]:
                            lines[j] = _fmt([150], _comment(lines[j]))
                            notes.append("SEPR.dat: TEST 10 N 500 -> 150")
                            break
        dst = os.path.join(work, name)
        if os.path.lexists(dst):
            os.remove(dst)
        with open(dst, "w") as fh:
            fh.writelines(lines)
    return notes


# ---------------------------------------------------------------- report parsing
PASS_RE = re.compile(r"^\s*(\d+)\s+tests completed and passed residual checks", re.M)
FAIL_RE = re.compile(r"^\s*(\d+)\s+tests completed and failed", re.M)
SKIP_RE = re.compile(r"^\s*(\d+)\s+tests skipped", re.M)
NOCHECK_RE = re.compile(r"^\s*(\d+)\s+tests completed without checking", re.M)
PBLAS_ROW_RE = re.compile(r"^\s*\|\s+P[SDCZ]\w+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", re.M)
SVD_PASS_RE = re.compile(r"^Passed\s", re.M)
HSEQR_ROW_RE = re.compile(r"^\s*\d+\s+\d+\s+\d+\s+\d+\s+[\d.]+\s+(PASSED|FAILED)", re.M)
END_RE = re.compile(r"END OF TESTS|End of Tests|^End of tests\s*$", re.M)
BAD_RE = re.compile(r"FAILED|[Ff]ailed\b|Different processes|BLACS ERROR|ILLEGAL GRID|Bad\s+(grid|GRID)|"
                    r"runtime error|received signal|Error termination|Segmentation|MPI_ABORT|"
                    r"noticed that process|non-zero exit|exited on signal|ORTE was unable|"
                    r"There are not enough slots|error while loading shared libraries|"
                    r"symbol lookup error|undefined symbol|[Ee]rror in|PXERBLA|On entry to")
# Lines BAD_RE would match that are legend or column headers, not results.
BENIGN_RE = re.compile(r"PASSED\s+FAILED\s+SKIPPED|indication of which .*failed|"
                       r"^\s*\d+\s+tests completed and failed", re.I)


def parse(prog, text):
    """-> dict(passed, failed, skipped, nocheck, bad lines, end marker seen)"""
    r = {"passed": 0, "failed": 0, "skipped": 0, "nocheck": 0, "bad": [], "end": bool(END_RE.search(text))}
    r["passed"] += sum(int(x) for x in PASS_RE.findall(text))
    r["failed"] += sum(int(x) for x in FAIL_RE.findall(text))
    r["skipped"] += sum(int(x) for x in SKIP_RE.findall(text))
    r["nocheck"] += sum(int(x) for x in NOCHECK_RE.findall(text))
    for total, ok, bad, skip in PBLAS_ROW_RE.findall(text):
        r["passed"] += int(ok)
        r["failed"] += int(bad)
        r["skipped"] += int(skip)
    if prog.endswith("svd"):
        r["passed"] += len(SVD_PASS_RE.findall(text))
    if prog.endswith("hseqr"):
        rows = HSEQR_ROW_RE.findall(text)
        r["passed"] += rows.count("PASSED")
        r["failed"] += rows.count("FAILED")
        r["end"] = bool(rows)
    for line in text.splitlines():
        if BAD_RE.search(line) and not BENIGN_RE.search(line):
            r["bad"].append(line.strip())
    return r


# ---------------------------------------------------------------- library check
BLASLIKE_RE = re.compile(r"^lib(open)?blas|^liblapack|^libcblas|^libf77blas|^libblis|^libmkl|^libatlas|"
                         r"^libsafeblas|^libflexiblas")


def check_maps(maps_dir, np, want):
    """want: the set of realpaths every rank must map. Returns (problems, libs seen)."""
    problems = []
    ranks = {}
    seen = set()
    for f in sorted(glob.glob(os.path.join(maps_dir, "maps.*"))):
        with open(f, errors="replace") as fh:
            lines = fh.read().splitlines()
        if not lines or lines[-1] != "END" or not lines[0].startswith("RANK "):
            problems.append("incomplete maps dump %s" % os.path.basename(f))
            continue
        rank = lines[0].split()[1]
        blaslike = {os.path.realpath(p) for p in lines[1:-1]
                    if BLASLIKE_RE.search(os.path.basename(p)) or BLASLIKE_RE.search(os.path.basename(os.path.realpath(p)))}
        seen |= blaslike
        for w in sorted(want - blaslike):
            problems.append("rank %s did not map %s" % (rank, w))
        for o in sorted(blaslike - want):
            problems.append("rank %s mapped another BLAS/LAPACK: %s" % (rank, o))
        ranks[rank] = ranks.get(rank, 0) + 1
    expect = {str(i) for i in range(np)}
    if set(ranks) != expect or any(v != 1 for v in ranks.values()):
        problems.append("maps dumps from ranks %s, expected one from each of 0..%d (checker not preloaded?)"
                        % (sorted(ranks) or "none", np - 1))
    return problems, sorted(seen)


# ---------------------------------------------------------------- main
# Testers that fail now and then whatever the BLAS (tests/scalapack/README.md): xdsep with the
# reference BLAS too (upstream); xssyevr once at np 4 on a loaded machine, passing on every rerun.
INTERMITTENT = {"xdsep", "xssyevr"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--libdir", help="folder with libblas.so.3 and liblapack.so.3 (build/compat)")
    ap.add_argument("--reference", action="store_true", help="Debian's reference BLAS + LAPACK instead")
    ap.add_argument("--checker", required=True, help="the LD_PRELOAD object built from maps_check.c")
    ap.add_argument("--np", type=int, default=2)
    ap.add_argument("--workdir")
    ap.add_argument("--timeout", type=float, default=180, help="seconds per program (timeout(1))")
    ap.add_argument("--mpirun-arg", action="append", default=[], help="extra mpirun argument (repeatable)")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for every rank (repeatable)")
    ap.add_argument("--verbose", action="store_true", help="print every report in full")
    ap.add_argument("progs", nargs="+", help="tester names (xdlu, dpb3tst) or groups: lin eig pblas all")
    args = ap.parse_args()

    if args.reference:
        dirs = REF_DIRS
    elif args.libdir:
        dirs = [os.path.abspath(args.libdir)]
    else:
        ap.error("--libdir or --reference")
    want = set()
    for n in ("libblas.so.3", "liblapack.so.3"):
        hits = [os.path.join(d, n) for d in dirs if os.path.exists(os.path.join(d, n))]
        if not hits:
            print("FAIL: no %s in %s" % (n, ":".join(dirs)))
            print("0 passed, 1 failed")
            return 1
        want.add(os.path.realpath(hits[0]))
    checker = os.path.abspath(args.checker)
    if not os.path.exists(checker):
        print("FAIL: no checker %s" % checker)
        print("0 passed, 1 failed")
        return 1
    if not shutil.which(MPIRUN) or not os.path.isdir(TESTDIR):
        print("FAIL: need mpirun (openmpi-bin) and %s (scalapack-mpi-test)" % TESTDIR)
        print("0 passed, 1 failed")
        return 1

    progs = []
    for p in args.progs:
        for q in (programs(p) if p in ("lin", "eig", "pblas", "all") else [p]):
            if q not in progs:
                progs.append(q)

    work = os.path.abspath(args.workdir or tempfile.mkdtemp(prefix="scalapack-np%d-" % args.np))
    os.makedirs(work, exist_ok=True)
    notes = prepare_inputs(work, args.np)
    maps_dir = os.path.join(work, "maps")
    os.makedirs(maps_dir, exist_ok=True)

    ncpu = len(os.sched_getaffinity(0))
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    env.pop("LD_PRELOAD", None)
    ldpath = ":".join(dirs)
    base = [MPIRUN, "-np", str(args.np), "--mca", "btl", "self,vader",
            "--mca", "btl_vader_single_copy_mechanism", "none",
            "--mca", "oob_tcp_if_include", "lo"]
    if args.np > ncpu:
        base.append("--oversubscribe")
    base += args.mpirun_arg
    xenv = {"LD_LIBRARY_PATH": ldpath, "LD_PRELOAD": checker, "SBSC_MAPS_DIR": maps_dir}
    for kv in args.env:
        k, _, v = kv.partition("=")
        xenv[k] = v

    print("library: %s; np %d on %d CPUs%s; work %s" % (" + ".join(sorted(want)), args.np, ncpu,
          " (oversubscribed)" if args.np > ncpu else "", work))
    grid_files = sorted(n.split(":")[0] for n in notes if ": grids for" in n)
    other = sorted(set(n for n in notes if ": grids for" not in n))
    if grid_files:
        other.insert(0, "grids cut to P*Q <= %d in %s" % (args.np, " ".join(grid_files)))
    if other:
        print("inputs: " + "; ".join(other))
    sys.stdout.flush()

    passed = failed = 0
    tests_passed = tests_failed = tests_skipped = 0
    t_all = time.time()
    for prog in progs:
        exe = exe_path(prog)
        if not os.path.exists(exe):
            print("FAIL %-10s missing %s" % (prog, exe))
            failed += 1
            continue
        # A tester known to fail now and then with any BLAS gets one rerun (never after a hang or a
        # wrong library); the first failure is printed either way.
        attempts = 2 if prog in INTERMITTENT else 1
        first_failure = None
        for attempt in range(attempts):
            for old in glob.glob(os.path.join(maps_dir, "maps.*")):
                os.remove(old)
            cmd = list(base)
            for k, v in xenv.items():
                cmd += ["-x", "%s=%s" % (k, v)]
            cmd += ["-x", "SBSC_MAPS_PROG=%s" % os.path.realpath(exe), exe]
            cmd = ["timeout", "-k", "10", str(int(args.timeout))] + cmd
            t0 = time.time()
            proc = subprocess.run(cmd, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL)
            dt = time.time() - t0
            text = proc.stdout.decode(errors="replace")
            with open(os.path.join(work, prog + ".out"), "w") as fh:
                fh.write(text)
            r = parse(prog, text)
            problems = []
            if proc.returncode in (124, 137):
                problems.append("timed out after %ds (hang)" % int(args.timeout))
            elif proc.returncode != 0:
                problems.append("exit status %d" % proc.returncode)
            if not r["end"]:
                problems.append("no end-of-tests marker (stopped early)")
            if r["failed"]:
                problems.append("%d tests failed" % r["failed"])
            if r["passed"] == 0:
                problems.append("no test passed")
            lib_problems, _ = check_maps(maps_dir, args.np, want)
            problems += lib_problems
            ok = not problems and not r["bad"]
            if ok or attempt + 1 == attempts or any("timed out" in p or "map" in p for p in problems):
                break
            first_failure = "%d tests failed on the first run (%s)" % (r["failed"], "; ".join(problems))
        if ok and first_failure:
            print("     known intermittent %s: %s; passed on rerun" % (prog, first_failure))
        passed += ok
        failed += not ok
        tests_passed += r["passed"]
        tests_failed += r["failed"]
        tests_skipped += r["skipped"]
        extra = ""
        if r["skipped"]:
            extra += ", %d skipped" % r["skipped"]
        if r["nocheck"]:
            extra += ", %d not checked" % r["nocheck"]
        print("%-4s %-10s np %d %6d tests passed, %3d failed%s  %6.1fs" % ("ok" if ok else "FAIL", prog, args.np,
              r["passed"], r["failed"], extra, dt))
        for pr in problems:
            print("     " + pr)
        for line in r["bad"][:15]:
            print("     | " + line)
        if len(r["bad"]) > 15:
            print("     | ... %d more" % (len(r["bad"]) - 15))
        if args.verbose or not ok:
            tail = text if args.verbose else "\n".join(text.splitlines()[-25:])
            print("     ---- %s (full report: %s)\n%s\n     ----" % ("report" if args.verbose else "last lines",
                  os.path.join(work, prog + ".out"), tail))
        sys.stdout.flush()
    print("tests: %d passed, %d failed, %d skipped; %.0fs" % (tests_passed, tests_failed, tests_skipped,
          time.time() - t_all))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks of include/safeblas_blas.h and include/safeblas_lapack.h against a build (used by
fortran_headers.sh; prints one PASS/FAIL line per check, exit status 1 on any failure).

    fortran_headers_check.py coverage INCLUDE_DIR LIBSAFEBLAS [LIBSAFEBLAS64]
        every Fortran symbol the library exports (lower case, ending in `_`, not the cblas_/
        openblas_/safeblas_/goto_ entry points) has a prototype, and every prototype names an
        exported symbol; under SAFEBLAS_ILP64 likewise the name_64_ of libsafeblas64.
    fortran_headers_check.py const INCLUDE_DIR SOURCE_DIR CC
        the routines SafeBLAS defines in C (src/interface, src/lapack, each file preprocessed for
        the four precisions): same parameter count and types as the header, and no parameter the
        header declares const is writable in the definition (the header never promises more).
"""
import re
import subprocess
import sys

failed = 0


def report(ok, what):
    global failed
    print(("PASS: " if ok else "FAIL: ") + what)
    failed += not ok


def prototypes(text):
    """{symbol: [parameter declarations]} of a header's or a preprocessed file's functions."""
    out = {}
    text = re.sub(r"^\s*#.*$", ";", re.sub(r"/\*.*?\*/", " ", text, flags=re.S), flags=re.M)
    flat = re.sub(r"\s+", " ", text)
    for m in re.finditer(r"(?:^|[;}{] ?)(?:__attribute__\s*\(\(.*?\)\) )?([A-Za-z_][\w ]*?[\w*]) ?\b([a-z0-9_]+_)\(([^()]*)\)", flat):
        out.setdefault(m.group(2), [p.strip() for p in m.group(3).split(",")])
    return out


def header_symbols(incdir):
    """(plain names, 64_ names) the two headers declare."""
    text = ""
    for h in ("safeblas_blas.h", "safeblas_lapack.h"):
        with open(f"{incdir}/{h}") as f:
            text += f.read()
    names = set(prototypes(text))
    return {n for n in names if not n.endswith("_64_")}, {n for n in names if n.endswith("_64_")}


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True, text=True).stdout
    return {l.split()[-1] for l in out.splitlines() if l.strip()}


def fortran(symbols):
    return {s for s in symbols if re.fullmatch(r"[a-z0-9_]+_", s) and not re.match(r"(cblas|openblas|safeblas|goto)_", s)}


def coverage(incdir, lib, lib64=None):
    plain, suffixed = header_symbols(incdir)
    exp = fortran(exported(lib))
    report(len(plain) > 1000, f"the headers declare {len(plain)} Fortran routines")
    missing = sorted(exp - plain)
    report(not missing, f"every one of the {len(exp)} Fortran symbols of {lib} has a prototype"
           + (f" (missing: {' '.join(missing[:20])})" if missing else ""))
    extra = sorted(plain - exp)
    report(not extra, "every prototype names a symbol the library exports"
           + (f" (not exported: {' '.join(extra[:20])})" if extra else ""))
    report(suffixed == {n[:-1] + "_64_" for n in plain},
           f"each routine is declared under SAFEBLAS_ILP64 as name_64_ too ({len(suffixed)})")
    if lib64:
        exp64 = exported(lib64)
        miss64 = sorted(n for n in plain | suffixed if n not in exp64)
        report(not miss64, f"every name and name_64_ prototype is exported by {lib64}"
               + (f" (missing: {' '.join(miss64[:20])})" if miss64 else ""))
        f64 = {s for s in fortran(exp64) if not s.endswith("_64_")}
        report(f64 == exp, f"{lib64} exports the same Fortran routines as {lib}")


SB_TYPES = {"S": ("float", "float"), "D": ("double", "double"), "C": ("cfloat", "float"), "Z": ("cdouble", "double")}


def param_type(decl, prec="S"):
    """'const safeblas_int *lda' -> (is_const, base words) with the type names of both sides unified."""
    d = re.sub(r"\b(restrict|__restrict)\b", " ", decl).strip()
    if re.search(r"[A-Za-z_]\w*$", d) and ("*" in d or len(d.split()) > 1):
        d = re.sub(r"[A-Za-z_]\w*$", "", d).strip()
    const = d.startswith("const ") or " const " in d.split("*")[0]
    base = d.replace("const", "").replace("*", " ").split()
    unify = {"safeblas_int": "int32", "int": "int32", "int32_t": "int32", "blas_int": "int32",
             "safeblas_complex_float": "cfloat", "safeblas_complex_double": "cdouble",
             "sb_t": SB_TYPES[prec][0], "sb_r": SB_TYPES[prec][1], "alpha_t": SB_TYPES[prec][1]}
    base = " ".join(unify.get(w, w) for w in base)
    base = base.replace("_Complex float", "cfloat").replace("float _Complex", "cfloat")
    base = base.replace("_Complex double", "cdouble").replace("double _Complex", "cdouble")
    return const, base


def const_check(incdir, srcdir, cc):
    import glob
    hdr = {}
    for h in ("safeblas_blas.h", "safeblas_lapack.h"):
        with open(f"{incdir}/{h}") as f:
            hdr.update(prototypes(f.read().split("#ifdef SAFEBLAS_ILP64\n/* the same routines")[0]))
    checked, bad = 0, []
    files = sorted(glob.glob(f"{srcdir}/src/interface/*.c") + glob.glob(f"{srcdir}/src/lapack/*.c"))
    for path in files:
        for prec in "SDCZ":
            pre = subprocess.run([cc, "-std=c99", "-E", "-P", f"-DSB_PREC_{prec}", f"-I{srcdir}/include",
                                  f"-I{srcdir}/src", f"-I{srcdir}/src/common", path],
                                 capture_output=True, text=True)
            if pre.returncode != 0:
                bad.append(f"{path} ({prec}) does not preprocess: {pre.stderr.strip()[:200]}")
                continue
            # definitions only: a parameter list followed by a body
            flat = re.sub(r"\s+", " ", pre.stdout)
            for m in re.finditer(r"\b([a-z0-9_]+_)\(([^()]*)\) ?\{", flat):
                name, params = m.group(1), [p.strip() for p in m.group(2).split(",")]
                if name not in hdr:
                    continue
                checked += 1
                hp = hdr[name]
                if len(hp) != len(params):
                    bad.append(f"{name}: {len(params)} parameters defined, {len(hp)} declared")
                    continue
                for i, (h, d) in enumerate(zip(hp, params)):
                    hc, hb = param_type(h)
                    dc, db = param_type(d, prec)
                    if hb != db:
                        bad.append(f"{name} parameter {i + 1}: defined '{d}', declared '{h}'")
                    elif hc and not dc:
                        bad.append(f"{name} parameter {i + 1}: declared const ('{h}'), writable in the definition ('{d}')")
    report(checked >= 150, f"{checked} definitions of SafeBLAS's own entry points compared with the headers")
    report(not bad, "their parameters agree with the prototypes, and nothing declared const is writable there"
           + ("".join("\n      " + b for b in bad[:30])))


def main():
    what = sys.argv[1]
    if what == "coverage":
        coverage(*sys.argv[2:])
    elif what == "const":
        const_check(*sys.argv[2:])
    else:
        sys.exit(__doc__)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

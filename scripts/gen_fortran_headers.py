#!/usr/bin/env python3
"""Generate include/safeblas_blas.h and include/safeblas_lapack.h: C prototypes of every Fortran-ABI
routine libsafeblas exports (dgemm_, zdotc_, dgetrf_ ...), plus the 64_ names of libsafeblas64.

    gen_fortran_headers.py LIBSAFEBLAS OUTDIR [--lib64 LIBSAFEBLAS64] [--docs DOCDIR] [--man MANDIR]

The routine list is what `nm -D --defined-only LIBSAFEBLAS` shows as Fortran symbols (lower-case,
ending in `_`); with --lib64 every one of them must also be exported there as name_64_. The
signatures come from Debian's liblapack-doc (LAPACK 3.11): first its Doxygen HTML
(/usr/share/doc/liblapack-dev/explore-html), which gives the typed argument list and each
argument's direction ([in], [out], [in,out]); then its man pages (/usr/share/man/man3, typed
argument list only); a routine documented in neither is taken from the same routine in the other
precision of its domain (ssytrf_rk from dsytrf_rk), and the few left (newer LAPACK routines the
Debian documentation leaves out, and SafeBLAS's own BLAS extensions) from SUPPLEMENT below.
Exits non-zero, naming the routine, when an exported symbol has no signature or its documented
signatures disagree, so the headers cannot silently miss a routine.

The committed headers are this script's output; tests/install/fortran_headers.sh regenerates them
against the build and diffs."""
import argparse
import glob
import gzip
import html
import os
import re
import subprocess
import sys

DOCS = "/usr/share/doc/liblapack-dev/explore-html"
MAN = "/usr/share/man/man3"

# --- the signature model ---------------------------------------------------------------------------
# A routine: name (no trailing _), ret (None for a subroutine, else a base type), params: list of
# dicts {name, base, array, dir, desc, assumed}. base: int, logical, float, double, cfloat,
# cdouble, char, external. dir: "in", "out", "inout" or None (unknown).

PRECISION_OF = {"s": "single", "c": "single", "d": "double", "z": "double"}


def wp_precision(name):
    """real(wp)/complex(wp) in the .f90 routines (dnrm2, crotg, zlartg ...): the precision of
    the name's first letter (scnrm2 and dznrm2 follow their first letter too)."""
    p = PRECISION_OF.get(name[0])
    if p is None:
        sys.exit(f"gen_fortran_headers: cannot tell the working precision of {name}")
    return p


def parse_type(t, routine):
    """A documented Fortran type ('double precision, dimension( lda, * ), intent(in)') ->
    (base, array, intent, assumed_length)."""
    t = " ".join(t.lower().replace("\xa0", " ").split())
    intent = None
    m = re.search(r"intent\s*\(\s*(in|out|inout)\s*\)", t)
    if m:
        intent = m.group(1)
    array = "dimension" in t
    head = t.split(",")[0].strip()
    compact = head.replace(" ", "")
    assumed = False
    if compact.startswith("doubleprecision"):
        base = "double"
    elif compact.startswith("real(wp)"):
        base = "float" if wp_precision(routine) == "single" else "double"
    elif compact.startswith("real"):
        base = "float"
    elif compact.startswith("complex*16"):
        base = "cdouble"
    elif compact.startswith("complex(wp)"):
        base = "cfloat" if wp_precision(routine) == "single" else "cdouble"
    elif compact.startswith("complex"):
        base = "cfloat"
    elif compact.startswith("integer"):
        base = "int"
    elif compact.startswith("logical"):
        base = "logical"
    elif compact.startswith("character"):
        base = "char"
        assumed = compact.startswith("character*(*)")
    elif compact.startswith("external"):
        base = "external"
    else:
        sys.exit(f"gen_fortran_headers: {routine}: unknown Fortran type '{t}'")
    return base, array, intent, assumed


def parse_return(kind, routine):
    kind = " ".join(kind.lower().split())
    kind = re.sub(r"^recursive\s+", "", kind)
    if kind == "subroutine":
        return None
    m = re.fullmatch(r"(.*?)\s*function", kind)
    if not m:
        return "skip"  # a program
    base, _, _, _ = parse_type(m.group(1), routine)
    if base == "char":
        return "char"
    return base


# --- source 1: the Doxygen HTML ---------------------------------------------------------------------
TESTING_GROUP = re.compile(r"(__lin|__eig|_matgen|__testing|variants|__aux__lin|__aux__eig)")


def strip_tags(s):
    return html.unescape(re.sub(r"<[^>]*>", "", s)).replace("\xa0", " ")


def html_routines(docdir):
    """{name: [(rank, source, routine)]}; rank 0 for the library's own groups, 1 for pages of the
    testing programs and variants (used only when nothing else documents the name)."""
    found = {}
    for path in sorted(glob.glob(os.path.join(docdir, "**", "*.html"), recursive=True)):
        base = os.path.basename(path)
        if not base.startswith("group__"):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        rank = 1 if TESTING_GROUP.search(base) else 0
        for m in re.finditer(r'<div class="memproto">(.*?)</div><div class="memdoc">(.*?)(?=<div class="memproto">|\Z)',
                             text, re.S):
            proto, doc = m.group(1), m.group(2)
            head = re.search(r'<td class="memname">(.*?)</td>', proto, re.S)
            if not head:
                continue
            hm = re.fullmatch(r"(.*?(?:subroutine|function))\s+(\w+)", strip_tags(head.group(1)).strip())
            if not hm:
                continue
            name = hm.group(2).lower()
            ret = parse_return(hm.group(1), name)
            if ret == "skip":
                continue
            types = [strip_tags(x).strip() for x in re.findall(r'<td class="paramtype">(.*?)</td>', proto, re.S)]
            names = [strip_tags(x).strip(" ,") for x in re.findall(r'<td class="paramname">(.*?)</td>', proto, re.S)]
            dirs, descs = {}, {}
            for dm in re.finditer(r'<td class="paramdir">\[(in|out|in,out)\]</td><td class="paramname">(\w+)</td>'
                                  r'<td>(.*?)</td>', doc, re.S):
                pname = dm.group(2).lower()
                dirs.setdefault(pname, "inout" if dm.group(1) == "in,out" else dm.group(1))
                descs.setdefault(pname, " ".join(strip_tags(dm.group(3)).split()))
            params = []
            for t, n in zip(types, names):
                if not n:
                    continue
                pname = n.lower()
                ptype, array, intent, assumed = parse_type(t, name)
                params.append({"name": pname, "base": ptype, "array": array, "assumed": assumed,
                               "dir": intent or dirs.get(pname), "desc": descs.get(pname, "")})
            routine = {"name": name, "ret": ret, "params": params,
                       "source": os.path.relpath(path, docdir), "group": base}
            found.setdefault(name, []).append((rank, routine))
    return found


# --- source 2: the man pages (typed argument lists, no directions) -----------------------------------
def man_routines(mandir):
    found = {}
    for path in sorted(glob.glob(os.path.join(mandir, "*.3.gz"))):
        if os.path.islink(path):
            continue
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        if '"LAPACK"' not in text.split("\n", 1)[0]:
            continue
        rank = 1 if TESTING_GROUP.search("group__" + os.path.basename(path)) else 0
        for m in re.finditer(r'^\.SS "(.*?(?:subroutine|function))\s+(\w+)\s*\((.*)\)"\s*$', text, re.M):
            name = m.group(2).lower()
            ret = parse_return(m.group(1), name)
            if ret == "skip":
                continue
            params = []
            for item in split_params(m.group(3)):
                tm = re.fullmatch(r"(.*?)\s+(\w+)", item.strip())
                if not tm:
                    sys.exit(f"gen_fortran_headers: man page {path}: cannot read '{item}' of {name}")
                base, array, intent, assumed = parse_type(tm.group(1), name)
                params.append({"name": tm.group(2).lower(), "base": base, "array": array, "assumed": assumed,
                               "dir": intent, "desc": ""})
            found.setdefault(name, []).append((rank, {"name": name, "ret": ret, "params": params,
                                                      "source": os.path.basename(path), "group": ""}))
    return found


def split_params(s):
    """'integer M, real, dimension( lda, * ) A' -> ['integer M', 'real, dimension( lda, * ) A']:
    a comma ends a parameter only when what precedes it ends with a name after a type."""
    pieces, depth, cur = [], 0, ""
    for ch in s:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            pieces.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        pieces.append(cur.strip())
    items, acc = [], []
    for p in pieces:
        acc.append(p)
        # an attribute piece ('dimension(*)', 'intent(in)') or a bare type continues the parameter
        if re.fullmatch(r"(dimension\s*\(.*\)|intent\s*\(.*\)|external|[a-z]+(\s+precision)?(\*\d+|\*\(\s*\*\s*\)|\(\w+\))?)",
                        p.strip().lower()):
            continue
        items.append(", ".join(acc))
        acc = []
    if acc:
        items.append(", ".join(acc))
    return items


# --- source 3: routines the Debian documentation leaves out ---------------------------------------
# One routine family per line: `precisions return stem: dir type NAME; ...`. T is the element
# type of the precision, R its real type; `()` marks an array; dir is in, out or inout. The
# argument lists are those of LAPACK 3.11's sources; the BLAS extensions are SafeBLAS's own
# entry points (src/interface), with the const-ness they are defined with.
SUPPLEMENT = """
sdcz subroutine geqr: in integer M; in integer N; inout T() A; in integer LDA; out T() T; in integer TSIZE; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine gelq: in integer M; in integer N; inout T() A; in integer LDA; out T() T; in integer TSIZE; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine gemqr: in character SIDE; in character TRANS; in integer M; in integer N; in integer K; in T() A; in integer LDA; in T() T; in integer TSIZE; inout T() C; in integer LDC; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine gemlq: in character SIDE; in character TRANS; in integer M; in integer N; in integer K; in T() A; in integer LDA; in T() T; in integer TSIZE; inout T() C; in integer LDC; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine latsqr: in integer M; in integer N; in integer MB; in integer NB; inout T() A; in integer LDA; out T() T; in integer LDT; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine laswlq: in integer M; in integer N; in integer MB; in integer NB; inout T() A; in integer LDA; out T() T; in integer LDT; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine lamtsqr: in character SIDE; in character TRANS; in integer M; in integer N; in integer K; in integer MB; in integer NB; in T() A; in integer LDA; in T() T; in integer LDT; inout T() C; in integer LDC; out T() WORK; in integer LWORK; out integer INFO
sdcz subroutine lamswlq: in character SIDE; in character TRANS; in integer M; in integer N; in integer K; in integer MB; in integer NB; in T() A; in integer LDA; in T() T; in integer LDT; inout T() C; in integer LDC; out T() WORK; in integer LWORK; out integer INFO
cz subroutine getsqrhrt: in integer M; in integer N; in integer MB1; in integer NB1; in integer NB2; inout T() A; in integer LDA; out T() T; in integer LDT; out T() WORK; in integer LWORK; out integer INFO
sd subroutine ggsvd: in character JOBU; in character JOBV; in character JOBQ; in integer M; in integer N; in integer P; out integer K; out integer L; inout T() A; in integer LDA; inout T() B; in integer LDB; out R() ALPHA; out R() BETA; out T() U; in integer LDU; out T() V; in integer LDV; out T() Q; in integer LDQ; out T() WORK; out integer() IWORK; out integer INFO
cz subroutine ggsvd: in character JOBU; in character JOBV; in character JOBQ; in integer M; in integer N; in integer P; out integer K; out integer L; inout T() A; in integer LDA; inout T() B; in integer LDB; out R() ALPHA; out R() BETA; out T() U; in integer LDU; out T() V; in integer LDV; out T() Q; in integer LDQ; out T() WORK; out R() RWORK; out integer() IWORK; out integer INFO
sd subroutine sb2st_kernels: in character UPLO; in logical WANTZ; in integer TTYPE; in integer ST; in integer ED; in integer SWEEP; in integer N; in integer NB; in integer IB; inout T() A; in integer LDA; inout T() V; inout T() TAU; in integer LDVT; inout T() WORK
cz subroutine hb2st_kernels: in character UPLO; in logical WANTZ; in integer TTYPE; in integer ST; in integer ED; in integer SWEEP; in integer N; in integer NB; in integer IB; inout T() A; in integer LDA; inout T() V; inout T() TAU; in integer LDVT; inout T() WORK
sd subroutine sytrd_sb2st: in character STAGE1; in character VECT; in character UPLO; in integer N; in integer KD; inout T() AB; in integer LDAB; out R() D; out R() E; out T() HOUS; in integer LHOUS; out T() WORK; in integer LWORK; out integer INFO
sd subroutine trsyl3: in character TRANA; in character TRANB; in integer ISGN; in integer M; in integer N; in T() A; in integer LDA; in T() B; in integer LDB; inout T() C; in integer LDC; out R SCALE; out integer() IWORK; in integer LIWORK; out R() SWORK; in integer LDSWORK; out integer INFO
sd subroutine ladiv1: inout T A; in T B; in T C; in T D; out T P; out T Q
sd T ladiv2: in T A; in T B; in T C; in T D; in T R; in T T
sd T lamch: in character CMACH
sd T lamc3: in T A; in T B
sd T roundup_lwork: in integer LWORK
- float second:
- double dsecnd:
- subroutine ilaver: out integer VERS_MAJOR; out integer VERS_MINOR; out integer VERS_PATCH
- integer iparam2stage: in integer ISPEC; in character*(*) NAME; in character*(*) OPTS; in integer NI; in integer NBI; in integer IBI; in integer NXI
sdcz subroutine axpby: in integer N; in T ALPHA; in T() X; in integer INCX; in T BETA; inout T() Y; in integer INCY
sdcz subroutine gemmt: in character UPLO; in character TRANSA; in character TRANSB; in integer N; in integer K; in T ALPHA; in T() A; in integer LDA; in T() B; in integer LDB; in T BETA; inout T() C; in integer LDC
sdcz subroutine imatcopy: in character ORDER; in character TRANS; in integer ROWS; in integer COLS; in T ALPHA; inout T() AB; in integer LDA; in integer LDB
sdcz subroutine omatcopy: in character ORDER; in character TRANS; in integer ROWS; in integer COLS; in T ALPHA; in T() A; in integer LDA; out T() B; in integer LDB
sdcz integer i?amin: in integer N; in T() X; in integer INCX
"""
# names of the supplement that belong to the BLAS header: SafeBLAS's BLAS extensions
BLAS_EXTENSIONS = {"axpby", "gemmt", "imatcopy", "omatcopy", "amin"}

ELEMENT = {"s": "float", "d": "double", "c": "cfloat", "z": "cdouble"}
REAL = {"s": "float", "d": "double", "c": "float", "z": "double"}


def supplement_routines():
    found = {}
    for line in SUPPLEMENT.strip().splitlines():
        m = re.fullmatch(r"(\S+) (\S+) (\S+):\s*(.*)", line.strip())
        precs, ret, stem, body = m.groups()
        for p in (precs if precs != "-" else "-"):
            if "?" in stem:
                name = stem.replace("?", p)
            else:
                name = stem if p == "-" else p + stem
            tmap = {"T": ELEMENT.get(p), "R": REAL.get(p), "integer": "int", "logical": "logical",
                    "character": "char", "character*(*)": "char", "float": "float", "double": "double"}
            params = []
            for item in filter(None, (x.strip() for x in body.split(";"))):
                d, t, n = item.split()
                array = t.endswith("()")
                t = t[:-2] if array else t
                params.append({"name": n.lower(), "base": tmap[t], "array": array, "dir": d, "desc": "",
                               "assumed": t == "character*(*)"})
            found[name] = {"name": name, "ret": None if ret == "subroutine" else tmap[ret],
                           "params": params, "source": "supplement", "group": "supplement",
                           "blas": stem.strip("i?") in BLAS_EXTENSIONS or stem in BLAS_EXTENSIONS}
    return found


# --- choosing one signature per exported name -----------------------------------------------------
def shape(r):
    return (r["ret"], tuple((p["base"], p["array"]) for p in r["params"]))


def choose(name, cands):
    """The documentation of `name` from the library's own groups (else from the testers); every
    candidate of the best rank must agree on the types, and their directions are merged (a
    parameter any page says is written counts as written)."""
    best = min(rank for rank, _ in cands)
    pool = [r for rank, r in cands if rank == best]
    first = pool[0]
    for r in pool[1:]:
        if shape(r) != shape(first):
            sys.exit(f"gen_fortran_headers: {name}: its documented signatures disagree "
                     f"({first['source']} vs {r['source']})")
    merged = dict(first, params=[dict(p) for p in first["params"]])
    for r in pool[1:]:
        for mp, p in zip(merged["params"], r["params"]):
            if mp["dir"] != p["dir"]:
                mp["dir"] = "inout" if mp["dir"] and p["dir"] else (mp["dir"] or p["dir"])
    return merged


SWAP_PRECISION = {"s": "d", "d": "s", "c": "z", "z": "c"}
SWAP_BASE = {"float": "double", "double": "float", "cfloat": "cdouble", "cdouble": "cfloat"}


def from_sibling(name, table):
    """ssytrf_rk from dsytrf_rk: the same argument list in the other precision of the domain."""
    if name[0] not in SWAP_PRECISION:
        return None
    sib = SWAP_PRECISION[name[0]] + name[1:]
    if sib not in table:
        return None
    r = dict(table[sib], name=name, source=table[sib]["source"] + f" (as {sib})")
    r["ret"] = SWAP_BASE.get(r["ret"], r["ret"])
    r["params"] = [dict(p, base=SWAP_BASE.get(p["base"], p["base"])) for p in r["params"]]
    return r


# --- C rendering -------------------------------------------------------------------------------------
CTYPE = {"int": "safeblas_int", "logical": "safeblas_int", "float": "float", "double": "double",
         "cfloat": "safeblas_complex_float", "cdouble": "safeblas_complex_double", "char": "char"}
C_RESERVED = set("""auto break case char const continue default do double else enum extern float for goto
if inline int long register restrict return short signed sizeof static struct switch typedef union
unsigned void volatile while and and_eq bitand bitor bool catch class compl delete explicit export
false friend mutable namespace new not not_eq operator or or_eq private protected public template this
throw true try typename using virtual xor xor_eq""".split())

WRITTEN = re.compile(r"\bon exit\b(?![^.]*\b(unchanged|not changed|not modified)\b)|\boverwritten\b|\bdestroyed\b|"
                     r"(?<!not )(?<!not be )\bmodified\b|\brestored\b", re.I)


# Documented [in], but SafeBLAS's own entry point (src/interface/rotg.c, shared with srotg/drotg,
# which write B) declares it writable: the header must not promise more than the definition.
NOT_CONST = {("crotg", "b"), ("zrotg", "b")}


def is_const(p, routine=""):
    """const only where the documentation says the argument is read only and nothing in its
    description says otherwise; workspace never."""
    if p["dir"] != "in" or p["base"] == "external" or (routine, p["name"]) in NOT_CONST:
        return False
    if p["name"].endswith("work") and not p["name"].startswith("l"):
        return False
    desc = p["desc"]
    if desc and WRITTEN.search(re.sub(r"unchanged on exit|on exit[^.]*unchanged", "", desc, flags=re.I)):
        return False
    return True


SELECT_ARITY = {"one": 1, "two": 2, "three": 3}


def select_type(routine, p):
    """The typedef of a LOGICAL FUNCTION argument (the SELECT/SELCTG of ?gees, ?gges ...)."""
    prec = routine["name"][0]
    m = re.search(r"logical function of (one|two|three)\b", p["desc"], re.I)
    if not m:
        sys.exit(f"gen_fortran_headers: {routine['name']}: cannot tell the arguments of {p['name']}")
    return f"safeblas_select_{prec}{SELECT_ARITY[m.group(1).lower()]}"


def cname(n):
    return n + "_" if n in C_RESERVED else n


def render_params(routine):
    """The C parameter list: every argument by pointer; trailing hidden lengths only for a routine
    with an assumed-length CHARACTER*(*) argument (which reads them: ilaenv, lsamen, xerbla)."""
    out = []
    if routine["ret"] == "char":
        out += ["char *ret", "size_t ret_len"]
    for p in routine["params"]:
        if p["base"] == "external":
            out.append(f"{select_type(routine, p)} {cname(p['name'])}")
            continue
        const = "const " if is_const(p, routine["name"]) else ""
        out.append(f"{const}{CTYPE[p['base']]} *{cname(p['name'])}")
    if any(p["assumed"] for p in routine["params"]):
        out += [f"size_t {p['name']}_len" for p in routine["params"] if p["base"] == "char"]
    return out or ["void"]


def render(routine, symbol):
    ret = "void" if routine["ret"] in (None, "char") else CTYPE[routine["ret"]]
    head = f"{ret} {symbol}("
    params = render_params(routine)
    lines, cur = [], head
    for i, p in enumerate(params):
        piece = p + (", " if i < len(params) - 1 else ");")
        if len(cur) + len(piece.rstrip()) > 100 and cur.strip() != head.strip():
            lines.append(cur.rstrip())
            cur = "    " + piece
        else:
            cur += piece
    lines.append(cur.rstrip())
    return "\n".join(lines)


COMMON = r"""/* The types both Fortran-ABI headers use (safeblas_blas.h and safeblas_lapack.h define them alike). */
#ifndef SAFEBLAS_FORTRAN_TYPES
#define SAFEBLAS_FORTRAN_TYPES

#include <stddef.h>
#include "safeblas_int.h"

/* Complex numbers, by pointer and as function results: C99 float _Complex / double _Complex in C,
 * std::complex<float> / std::complex<double> in C++ (the same layout and, as results, the same
 * registers). Define SAFEBLAS_COMPLEX_FLOAT and SAFEBLAS_COMPLEX_DOUBLE before including to use
 * another type of that layout (two floats / two doubles, real part first). */
#ifndef SAFEBLAS_COMPLEX_FLOAT
#ifdef __cplusplus
#include <complex>
#define SAFEBLAS_COMPLEX_FLOAT std::complex<float>
#else
#define SAFEBLAS_COMPLEX_FLOAT float _Complex
#endif
#endif
#ifndef SAFEBLAS_COMPLEX_DOUBLE
#ifdef __cplusplus
#include <complex>
#define SAFEBLAS_COMPLEX_DOUBLE std::complex<double>
#else
#define SAFEBLAS_COMPLEX_DOUBLE double _Complex
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef SAFEBLAS_COMPLEX_FLOAT safeblas_complex_float;
typedef SAFEBLAS_COMPLEX_DOUBLE safeblas_complex_double;

/* The LOGICAL FUNCTION arguments of ?gees, ?geesx, ?gges, ?gges3, ?ggesx (SELECT, SELCTG): they get
 * each eigenvalue part by pointer and return a Fortran LOGICAL (non-zero: selected). */
typedef safeblas_int (*safeblas_select_s2)(const float *, const float *);
typedef safeblas_int (*safeblas_select_s3)(const float *, const float *, const float *);
typedef safeblas_int (*safeblas_select_d2)(const double *, const double *);
typedef safeblas_int (*safeblas_select_d3)(const double *, const double *, const double *);
typedef safeblas_int (*safeblas_select_c1)(const safeblas_complex_float *);
typedef safeblas_int (*safeblas_select_c2)(const safeblas_complex_float *, const safeblas_complex_float *);
typedef safeblas_int (*safeblas_select_z1)(const safeblas_complex_double *);
typedef safeblas_int (*safeblas_select_z2)(const safeblas_complex_double *, const safeblas_complex_double *);

#ifdef __cplusplus
}
#endif

#endif /* SAFEBLAS_FORTRAN_TYPES */
"""

TOP = """/* {title}: the Fortran ABI of every {what} routine libsafeblas exports, as C prototypes.
 * GENERATED by scripts/gen_fortran_headers.py from Debian's liblapack-doc (LAPACK 3.11); do not edit.
 *
 *   #include <safeblas/{file}>      (pkg-config safeblas / find_package(SafeBLAS) give the path)
 *
 * The calling convention is gfortran's: every argument by pointer (const where the LAPACK
 * documentation marks it [in] and nothing says it is written); INTEGER and LOGICAL are
 * safeblas_int (32-bit; 64-bit with -DSAFEBLAS_ILP64, which libsafeblas64 and safeblas64.pc
 * use); REAL and DOUBLE PRECISION functions return float and double, COMPLEX functions
 * (cdotc_, zdotu_, cladiv_ ...) return the complex value itself.
 * With SAFEBLAS_ILP64 each routine is also declared with the suffix 64_ (dgemm_64_), the
 * names libsafeblas64 exports for programs that link an LP64 BLAS too.
 *
 * Hidden CHARACTER lengths: gfortran callers pass, after the last argument, a size_t length for
 * each CHARACTER argument. The routines here with single-character options (TRANS, UPLO ...)
 * never read them, so these prototypes leave them out, as MKL's do; a caller may still pass
 * them. The routines with an assumed-length CHARACTER*(*) argument read them and are declared
 * with them: xerbla_, lsamen_, ilaenv_, ilaenv2stage_, iparam2stage_ (and the CHARACTER*1
 * function chla_transtype_, whose result gfortran returns through a leading char pointer and
 * its length). */
"""


def header(title, what, fname, guard, routines):
    out = [TOP.format(title=title, what=what, file=fname)]
    out.append(f"#ifndef {guard}\n#define {guard}\n")
    out.append(COMMON)
    out.append('#ifdef __cplusplus\nextern "C" {\n#endif\n')
    for r in routines:
        out.append(render(r, r["name"] + "_"))
    out.append("\n#ifdef SAFEBLAS_ILP64\n/* the same routines under the names libsafeblas64 also exports */")
    for r in routines:
        out.append(render(r, r["name"] + "_64_"))
    out.append("#endif /* SAFEBLAS_ILP64 */\n")
    out.append('#ifdef __cplusplus\n}\n#endif\n')
    out.append(f"#endif /* {guard} */")
    return "\n".join(out) + "\n"


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True, text=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def fortran_symbols(symbols):
    """The Fortran-ABI names: lower case, ending in `_`; not the CBLAS/threading entry points or
    their 64_ aliases (cblas_ddot64_, openblas_set_num_threads64_, safeblas_get_config64_)."""
    return sorted(s[:-1] for s in symbols
                  if re.fullmatch(r"[a-z0-9_]+_", s)
                  and not re.match(r"(cblas|openblas|safeblas|goto)_", s))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lib")
    ap.add_argument("outdir")
    ap.add_argument("--lib64")
    ap.add_argument("--docs", default=DOCS)
    ap.add_argument("--man", default=MAN)
    a = ap.parse_args()

    if not os.path.isdir(a.docs) or not os.path.isdir(a.man):
        sys.exit(f"gen_fortran_headers: needs Debian's liblapack-doc ({a.docs}, {a.man})")
    names = fortran_symbols(exported(a.lib))
    if a.lib64:
        e64 = exported(a.lib64)
        missing = [n for n in names if n + "_" not in e64 or n + "_64_" not in e64]
        if missing:
            sys.exit(f"gen_fortran_headers: {a.lib64} lacks name_ or name_64_ for {missing[:10]}")

    html_docs = html_routines(a.docs)
    man_docs = man_routines(a.man)
    supplement = supplement_routines()
    table, problems = {}, []
    for n in names:
        if n in html_docs:
            table[n] = choose(n, html_docs[n])
        elif n in man_docs:
            table[n] = choose(n, man_docs[n])
    for n in names:
        if n in table:
            continue
        r = from_sibling(n, table)
        if r is None and n in supplement:
            r = supplement[n]
        if r is None:
            problems.append(n)
        else:
            table[n] = r
    if problems:
        sys.exit(f"gen_fortran_headers: no signature for exported {', '.join(problems)}")

    blas, lapack = [], []
    for n in names:
        r = table[n]
        is_blas = r.get("blas") or re.search(r"group__.*(blas__level|aux__blas)", r["group"])
        (blas if is_blas else lapack).append(r)
    os.makedirs(a.outdir, exist_ok=True)
    with open(os.path.join(a.outdir, "safeblas_blas.h"), "w") as f:
        f.write(header("SafeBLAS BLAS prototypes", "BLAS", "safeblas_blas.h", "SAFEBLAS_BLAS_H", blas))
    with open(os.path.join(a.outdir, "safeblas_lapack.h"), "w") as f:
        f.write(header("SafeBLAS LAPACK prototypes", "LAPACK", "safeblas_lapack.h", "SAFEBLAS_LAPACK_H", lapack))
    print(f"gen_fortran_headers: {len(blas)} BLAS and {len(lapack)} LAPACK routines "
          f"({sum(1 for r in table.values() if r['source'] == 'supplement')} from the supplement)")


if __name__ == "__main__":
    main()

/* Support for the LAPACK unit tests (templated; include after test_prec.h's SB_PREC_x).
 *
 * The oracle: reference LAPACK 3.11 (Debian's liblapack3) with reference BLAS, loaded with
 * dlopen(RTLD_LOCAL | RTLD_DEEPBIND) so that its internal calls (dgetrf_ -> dgemm_, xerbla_)
 * bind to the reference libraries, never to SafeBLAS, which this program is linked with.
 * Our routines are called through their exported Fortran symbols. */
#ifndef SB_LAPACK_TEST_H
#define SB_LAPACK_TEST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dladdr, RTLD_DEEPBIND */
#endif
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_prec.h"

#ifndef SB_MAX
#define SB_MAX(a, b) ((a) > (b) ? (a) : (b))
#define SB_MIN(a, b) ((a) < (b) ? (a) : (b))
#endif

#if defined(SB_PREC_S)
#define SBT_P "s"
#elif defined(SB_PREC_D)
#define SBT_P "d"
#elif defined(SB_PREC_C)
#define SBT_P "c"
#else
#define SBT_P "z"
#endif

/* AddressSanitizer refuses RTLD_DEEPBIND; in the sanitizer build the oracle's internal BLAS calls
 * then bind to SafeBLAS (the first definition in the global scope). That build checks memory
 * errors; the residual checks still hold, and the release build keeps the pure reference. */
#if defined(__SANITIZE_ADDRESS__)
#define SBT_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL)
#else
#define SBT_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)
#endif

/* the ILP64 builds of these tests (tests/ilp64) name Debian's libblas64.so.3/liblapack64.so.3 */
#ifndef SBT_REF_BLAS
#define SBT_REF_BLAS "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"
#endif
#ifndef SBT_REF_LAPACK
#define SBT_REF_LAPACK "/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3"
#endif

/* The reference routine `name` of this precision ("getrf" -> dgetrf_); exits when missing. */
static inline void *sbt_ref(const char *name)
{
    static void *lapack;
    if (!lapack) {
        /* reference BLAS first, so the reference LAPACK's NEEDED libblas.so.3 is this one (not
         * whatever the alternatives system points at) */
        if (!dlopen(SBT_REF_BLAS, SBT_DLOPEN_FLAGS)) {
            fprintf(stderr, "cannot load %s: %s\n", SBT_REF_BLAS, dlerror());
            exit(2);
        }
        lapack = dlopen(SBT_REF_LAPACK, SBT_DLOPEN_FLAGS);
        if (!lapack) {
            fprintf(stderr, "cannot load %s: %s\n", SBT_REF_LAPACK, dlerror());
            exit(2);
        }
    }
    char sym[64];
    snprintf(sym, sizeof sym, "%s%s_", SBT_P, name);
    void *f = dlsym(lapack, sym);
    if (!f) {
        fprintf(stderr, "reference %s missing\n", sym);
        exit(2);
    }
    return f;
}

/* 1 when our symbol `name` (e.g. "dgetrf_") and the reference one are different functions and
 * ours lives in libsafeblas (a sanity check that the test compares two implementations). */
static inline int sbt_is_ours(void *fn)
{
    Dl_info info;
    return dladdr(fn, &info) && info.dli_fname && strstr(info.dli_fname, "libsafeblas") != NULL;
}

static inline sb_t *sbt_alloc(size_t n)
{
    sb_t *p = malloc((n ? n : 1) * sizeof(sb_t));
    return p;
}

static inline sb_t *sbt_dup(const sb_t *a, size_t n)
{
    sb_t *p = sbt_alloc(n);
    memcpy(p, a, (n ? n : 1) * sizeof(sb_t));
    return p;
}

/* max |a(i,j)| (abs1) over an m x n block */
static inline double sbt_maxabs(blas_int m, blas_int n, const sb_t *a, blas_int lda)
{
    double r = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            double v = (double)sb_abs1(a[i + (size_t)j * lda]);
            if (v > r || v != v) r = v;
        }
    return r;
}

/* max |a - b| over an m x n block, relative to max(|b|, 1) */
static inline double sbt_reldiff(blas_int m, blas_int n, const sb_t *a, blas_int lda, const sb_t *b,
                                 blas_int ldb)
{
    double d = 0, s = 1;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t x = a[i + (size_t)j * lda], y = b[i + (size_t)j * ldb];
            double v = (double)sb_abs1(x - y);
            if (x != x || y != y) v = (x != x) == (y != y) ? 0 : INFINITY;
            if (v > d) d = v;
            double w = (double)sb_abs1(y);
            if (w > s) s = w;
        }
    return d / s;
}

/* Hermitian positive definite n x n matrix (both triangles): B B^H + n I, real diagonal. */
static inline void sbt_hpd(blas_int n, sb_t *a, blas_int lda)
{
    sb_t *b = sbt_alloc((size_t)n * n);
    sbt_fill(b, (size_t)n * n);
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++) {
            sb_t s = 0;
            for (blas_int k = 0; k < n; k++) s += b[i + (size_t)k * n] * sb_conj(b[j + (size_t)k * n]);
            if (i == j) s = sb_creal(s) + n;
            a[i + (size_t)j * lda] = s;
        }
    free(b);
}

#endif

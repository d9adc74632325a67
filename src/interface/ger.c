/* ?ger (s, d), ?geru and ?gerc (c, z): Fortran ABI and CBLAS.
 * Checks as reference BLAS 3.11: m 1, n 2, incx 5, incy 7, lda 9.
 * CBLAS row-major, as reference CBLAS: ?ger/?geru(n, m, alpha, y, incy, x, incx, A, lda);
 * ?gerc: ?geru with conj(y) copied at unit stride when n > 0 (so a zero incy is then legal). */
#include "cblas.h"
#include "drivers/level2_updates.h"

static int ger_check(const char *name, blas_int m, blas_int n, blas_int incx, blas_int incy, blas_int lda)
{
    blas_int info = 0;
    if (m < 0) info = 1;
    else if (n < 0) info = 2;
    else if (incx == 0) info = 5;
    else if (incy == 0) info = 7;
    else if (lda < SB_MAX(1, m)) info = 9;
    if (info) sb_xerbla(name, info);
    return info;
}

/* Column-major call as CBLAS makes it; cname for errors. conj: 0 none, 1 conj(y), 2 conj(x).
 * xzero_ok: incx = 0 allowed when m > 0 (reference CBLAS row-major gerc copies that vector). */
static void ger_cblas(const char *cname, int row_major, blas_int m, blas_int n, sb_t alpha, const sb_t *x,
                      blas_int incx, const sb_t *y, blas_int incy, sb_t *a, blas_int lda, int cj,
                      int xzero_ok)
{
    blas_int info = 0;
    if (m < 0) info = 1;
    else if (n < 0) info = 2;
    else if (incx == 0 && !(xzero_ok && m > 0)) info = 5;
    else if (incy == 0) info = 7;
    else if (lda < SB_MAX(1, m)) info = 9;
    if (info) {
        sb_cblas_xerbla(info + 1, cname, row_major);
        return;
    }
    if (m == 0 || n == 0 || alpha == 0) return;
    SB_NAME(ger)(m, n, alpha, x, incx, y, incy, a, lda, cj);
}

#if !SB_IS_COMPLEX
#define GER_NAME SB_UPPER "GER"
SB_API void SB_F77(ger)(const blas_int *m, const blas_int *n, const sb_t *alpha, const sb_t *x,
                        const blas_int *incx, const sb_t *y, const blas_int *incy, sb_t *a, const blas_int *lda)
{
    if (ger_check(GER_NAME, *m, *n, *incx, *incy, *lda)) return;
    if (*m == 0 || *n == 0 || *alpha == 0) return;
    SB_NAME(ger)(*m, *n, *alpha, x, *incx, y, *incy, a, *lda, 0);
}

SB_API void SB_CBLAS(ger)(const CBLAS_LAYOUT layout, const blas_int m, const blas_int n, const sb_t alpha,
                          const sb_t *x, const blas_int incx, const sb_t *y, const blas_int incy, sb_t *a,
                          const blas_int lda)
{
    const char *cn = "cblas_" SB_L2U_LOWER "ger";
    if (layout == CblasColMajor) ger_cblas(cn, 0, m, n, alpha, x, incx, y, incy, a, lda, 0, 0);
    else if (layout == CblasRowMajor) ger_cblas(cn, 1, n, m, alpha, y, incy, x, incx, a, lda, 0, 0);
    else sb_cblas_xerbla(1, cn, 0);
}
#else
SB_API void SB_F77(geru)(const blas_int *m, const blas_int *n, const sb_t *alpha, const sb_t *x,
                         const blas_int *incx, const sb_t *y, const blas_int *incy, sb_t *a, const blas_int *lda)
{
    if (ger_check(SB_UPPER "GERU", *m, *n, *incx, *incy, *lda)) return;
    if (*m == 0 || *n == 0 || *alpha == 0) return;
    SB_NAME(ger)(*m, *n, *alpha, x, *incx, y, *incy, a, *lda, 0);
}

SB_API void SB_F77(gerc)(const blas_int *m, const blas_int *n, const sb_t *alpha, const sb_t *x,
                         const blas_int *incx, const sb_t *y, const blas_int *incy, sb_t *a, const blas_int *lda)
{
    if (ger_check(SB_UPPER "GERC", *m, *n, *incx, *incy, *lda)) return;
    if (*m == 0 || *n == 0 || *alpha == 0) return;
    SB_NAME(ger)(*m, *n, *alpha, x, *incx, y, *incy, a, *lda, 1);
}

SB_API void SB_CBLAS(geru)(const CBLAS_LAYOUT layout, const blas_int m, const blas_int n, const void *alpha,
                           const void *x, const blas_int incx, const void *y, const blas_int incy, void *a,
                           const blas_int lda)
{
    const char *cn = "cblas_" SB_L2U_LOWER "geru";
    sb_t al = SB_CVAL(alpha);
    if (layout == CblasColMajor) ger_cblas(cn, 0, m, n, al, x, incx, y, incy, a, lda, 0, 0);
    else if (layout == CblasRowMajor) ger_cblas(cn, 1, n, m, al, y, incy, x, incx, a, lda, 0, 0);
    else sb_cblas_xerbla(1, cn, 0);
}

/* Row-major gerc: geru(n, m, alpha, conj(y), x) on the transpose; the driver conjugates its first
 * vector (conj = 2) where the reference copies conj(y). */
SB_API void SB_CBLAS(gerc)(const CBLAS_LAYOUT layout, const blas_int m, const blas_int n, const void *alpha,
                           const void *x, const blas_int incx, const void *y, const blas_int incy, void *a,
                           const blas_int lda)
{
    const char *cn = "cblas_" SB_L2U_LOWER "gerc";
    sb_t al = SB_CVAL(alpha);
    if (layout == CblasColMajor) ger_cblas(cn, 0, m, n, al, x, incx, y, incy, a, lda, 1, 0);
    else if (layout == CblasRowMajor) ger_cblas(cn, 1, n, m, al, y, incy, x, incx, a, lda, 2, 1);
    else sb_cblas_xerbla(1, cn, 0);
}
#endif

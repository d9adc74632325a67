/* ?sbmv (s, d) and ?hbmv (c, z): Fortran ABI and CBLAS. y := alpha*A*x + beta*y, A band with k
 * off-diagonals, symmetric or hermitian (herm). */
#include "level2_products_iface.h"

/* Reference order and numbers (Fortran): uplo 1, n 2, k 3, lda 6, incx 8, incy 11. */
static blas_int sbmv_check(int upper, blas_int n, blas_int k, blas_int lda, blas_int incx, blas_int incy, int incx_ok0)
{
    if (upper < 0) return 1;
    if (n < 0) return 2;
    if (k < 0) return 3;
    if ((int64_t)lda < (int64_t)k + 1) return 6;
    if (incx == 0 && !incx_ok0) return 8;
    if (incy == 0) return 11;
    return 0;
}

static void sbmv_run(int upper, int mode, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                     blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (n == 0 || (alpha == 0 && beta == 1)) return;
    SB_NAME(sbmv)(upper, mode, n, k, alpha, a, lda, x + sb_l2p_first(n, incx), incx, beta, y + sb_l2p_first(n, incy), incy);
}

static void sbmv_f77(int herm, const char *name, const char *uplo, const blas_int *n, const blas_int *k,
                     const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *x, const blas_int *incx,
                     const sb_t *beta, sb_t *y, const blas_int *incy)
{
    int up = sb_l2p_uplo(uplo);
    blas_int info = sbmv_check(up, *n, *k, *lda, *incx, *incy, 0);
    if (info) {
        sb_xerbla(name, info);
        return;
    }
    sbmv_run(up, herm ? SB_HERM : SB_SYM, *n, *k, *alpha, a, *lda, x, *incx, *beta, y, *incy);
}

static void sbmv_cblas(int herm, const char *name, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, blas_int n, blas_int k,
                       SB_CSCALAR alpha, const sb_t *a, blas_int lda, const sb_t *x, blas_int incx,
                       SB_CSCALAR beta, sb_t *y, blas_int incy)
{
    int up, mode, row, ok0;
    if (!sb_l2p_sym_cblas(name, herm, layout, uplo, n, &up, &mode, &row, &ok0)) return;
    blas_int info = sbmv_check(up, n, k, lda, incx, incy, ok0);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    sbmv_run(up, mode, n, k, SB_CVAL(alpha), a, lda, x, incx, SB_CVAL(beta), y, incy);
}

#if !SB_IS_COMPLEX
SB_API void SB_F77(sbmv)(const char *uplo, const blas_int *n, const blas_int *k, const sb_t *alpha, const sb_t *a,
                         const blas_int *lda, const sb_t *x, const blas_int *incx, const sb_t *beta, sb_t *y,
                         const blas_int *incy)
{
    sbmv_f77(0, SB_UPPER "SBMV", uplo, n, k, alpha, a, lda, x, incx, beta, y, incy);
}

SB_API void SB_CBLAS(sbmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const blas_int N, const blas_int K,
                           SB_CSCALAR alpha, const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *X,
                           const blas_int incX, SB_CSCALAR beta, SB_CARRAY *Y, const blas_int incY)
{
    sbmv_cblas(0, SB_L2P_CBLAS_NAME(sbmv), layout, Uplo, N, K, alpha, (const sb_t *)A, lda, (const sb_t *)X, incX,
               beta, (sb_t *)Y, incY);
}
#else
SB_API void SB_F77(hbmv)(const char *uplo, const blas_int *n, const blas_int *k, const sb_t *alpha, const sb_t *a,
                         const blas_int *lda, const sb_t *x, const blas_int *incx, const sb_t *beta, sb_t *y,
                         const blas_int *incy)
{
    sbmv_f77(1, SB_UPPER "HBMV", uplo, n, k, alpha, a, lda, x, incx, beta, y, incy);
}

SB_API void SB_CBLAS(hbmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const blas_int N, const blas_int K,
                           SB_CSCALAR alpha, const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *X,
                           const blas_int incX, SB_CSCALAR beta, SB_CARRAY *Y, const blas_int incY)
{
    sbmv_cblas(1, SB_L2P_CBLAS_NAME(hbmv), layout, Uplo, N, K, alpha, (const sb_t *)A, lda, (const sb_t *)X, incX,
               beta, (sb_t *)Y, incY);
}
#endif

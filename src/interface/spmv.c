/* ?spmv (s, d) and ?hpmv (c, z): Fortran ABI and CBLAS. y := alpha*A*x + beta*y, A packed,
 * symmetric or hermitian (herm). */
#include "level2_products_iface.h"

/* Reference order and numbers (Fortran): uplo 1, n 2, incx 6, incy 9. */
static blas_int spmv_check(int upper, blas_int n, blas_int incx, blas_int incy, int incx_ok0)
{
    if (upper < 0) return 1;
    if (n < 0) return 2;
    if (incx == 0 && !incx_ok0) return 6;
    if (incy == 0) return 9;
    return 0;
}

static void spmv_run(int upper, int mode, blas_int n, sb_t alpha, const sb_t *ap, const sb_t *x, blas_int incx, sb_t beta,
                     sb_t *y, blas_int incy)
{
    if (n == 0 || (alpha == 0 && beta == 1)) return;
    SB_NAME(spmv)(upper, mode, n, alpha, ap, x + sb_l2p_first(n, incx), incx, beta, y + sb_l2p_first(n, incy), incy);
}

static void spmv_f77(int herm, const char *name, const char *uplo, const blas_int *n, const sb_t *alpha,
                     const sb_t *ap, const sb_t *x, const blas_int *incx, const sb_t *beta, sb_t *y,
                     const blas_int *incy)
{
    int up = sb_l2p_uplo(uplo);
    blas_int info = spmv_check(up, *n, *incx, *incy, 0);
    if (info) {
        sb_xerbla(name, info);
        return;
    }
    spmv_run(up, herm ? SB_HERM : SB_SYM, *n, *alpha, ap, x, *incx, *beta, y, *incy);
}

static void spmv_cblas(int herm, const char *name, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, blas_int n,
                       SB_CSCALAR alpha, const sb_t *ap, const sb_t *x, blas_int incx, SB_CSCALAR beta, sb_t *y,
                       blas_int incy)
{
    int up, mode, row, ok0;
    if (!sb_l2p_sym_cblas(name, herm, layout, uplo, n, &up, &mode, &row, &ok0)) return;
    blas_int info = spmv_check(up, n, incx, incy, ok0);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    spmv_run(up, mode, n, SB_CVAL(alpha), ap, x, incx, SB_CVAL(beta), y, incy);
}

#if !SB_IS_COMPLEX
SB_API void SB_F77(spmv)(const char *uplo, const blas_int *n, const sb_t *alpha, const sb_t *ap, const sb_t *x,
                         const blas_int *incx, const sb_t *beta, sb_t *y, const blas_int *incy)
{
    spmv_f77(0, SB_UPPER "SPMV", uplo, n, alpha, ap, x, incx, beta, y, incy);
}

SB_API void SB_CBLAS(spmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const blas_int N, SB_CSCALAR alpha,
                           const SB_CARRAY *Ap, const SB_CARRAY *X, const blas_int incX, SB_CSCALAR beta,
                           SB_CARRAY *Y, const blas_int incY)
{
    spmv_cblas(0, SB_L2P_CBLAS_NAME(spmv), layout, Uplo, N, alpha, (const sb_t *)Ap, (const sb_t *)X, incX, beta,
               (sb_t *)Y, incY);
}
#else
SB_API void SB_F77(hpmv)(const char *uplo, const blas_int *n, const sb_t *alpha, const sb_t *ap, const sb_t *x,
                         const blas_int *incx, const sb_t *beta, sb_t *y, const blas_int *incy)
{
    spmv_f77(1, SB_UPPER "HPMV", uplo, n, alpha, ap, x, incx, beta, y, incy);
}

SB_API void SB_CBLAS(hpmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const blas_int N, SB_CSCALAR alpha,
                           const SB_CARRAY *Ap, const SB_CARRAY *X, const blas_int incX, SB_CSCALAR beta,
                           SB_CARRAY *Y, const blas_int incY)
{
    spmv_cblas(1, SB_L2P_CBLAS_NAME(hpmv), layout, Uplo, N, alpha, (const sb_t *)Ap, (const sb_t *)X, incX, beta,
               (sb_t *)Y, incY);
}
#endif

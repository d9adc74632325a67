/* ?spmv: Fortran ABI and CBLAS. y := alpha*A*x + beta*y, A packed, symmetric. */
#include "cblas.h"
#include "drivers/level2_products.h"

#if !SB_IS_COMPLEX

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

SB_API void SB_F77(spmv)(const char *uplo, const blas_int *n, const sb_t *alpha, const sb_t *ap, const sb_t *x,
                         const blas_int *incx, const sb_t *beta, sb_t *y, const blas_int *incy)
{
    int up = sb_lsame(uplo, 'U') ? 1 : sb_lsame(uplo, 'L') ? 0 : -1;
    const int mode = SB_SYM;
    blas_int info = spmv_check(up, *n, *incx, *incy, 0);
    if (info) {
        sb_xerbla(SB_UPPER "SPMV", info);
        return;
    }
    spmv_run(up, mode, *n, *alpha, ap, x, *incx, *beta, y, *incy);
}

SB_API void SB_CBLAS(spmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const blas_int N, SB_CSCALAR alpha,
                           const SB_CARRAY *Ap, const SB_CARRAY *X, const blas_int incX, SB_CSCALAR beta,
                           SB_CARRAY *Y, const blas_int incY)
{
    static const char name[] = SB_L2P_CBLAS_NAME(spmv);
    int up, mode, row, ok0;
    if (layout == CblasColMajor) {
        row = 0;
        mode = SB_SYM;
        ok0 = 0;
        up = Uplo == CblasUpper ? 1 : Uplo == CblasLower ? 0 : -1;
    } else if (layout == CblasRowMajor) {
        /* row-major A is column-major A^T = A with the other triangle stored */
        row = 1;
        mode = SB_SYM;
        ok0 = 0;
        up = Uplo == CblasUpper ? 0 : Uplo == CblasLower ? 1 : -1;
    } else {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    if (up < 0) {
        sb_cblas_xerbla(2, name, row);
        return;
    }
    blas_int info = spmv_check(up, N, incX, incY, ok0);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    spmv_run(up, mode, N, SB_CVAL(alpha), (const sb_t *)Ap, (const sb_t *)X, incX, SB_CVAL(beta), (sb_t *)Y, incY);
}

#endif

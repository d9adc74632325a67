/* ?hbmv: Fortran ABI and CBLAS. y := alpha*A*x + beta*y, A band with k off-diagonals, hermitian. */
#include "cblas.h"
#include "drivers/level2_products.h"

#if SB_IS_COMPLEX

/* Reference order and numbers (Fortran): uplo 1, n 2, k 3, lda 6, incx 8, incy 11. */
static blas_int hbmv_check(int upper, blas_int n, blas_int k, blas_int lda, blas_int incx, blas_int incy, int incx_ok0)
{
    if (upper < 0) return 1;
    if (n < 0) return 2;
    if (k < 0) return 3;
    if ((int64_t)lda < (int64_t)k + 1) return 6;
    if (incx == 0 && !incx_ok0) return 8;
    if (incy == 0) return 11;
    return 0;
}

static void hbmv_run(int upper, int mode, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (n == 0 || (alpha == 0 && beta == 1)) return;
    SB_NAME(sbmv)(upper, mode, n, k, alpha, a, lda, x + sb_l2p_first(n, incx), incx, beta, y + sb_l2p_first(n, incy), incy);
}

SB_API void SB_F77(hbmv)(const char *uplo, const blas_int *n, const blas_int *k, const sb_t *alpha, const sb_t *a,
                         const blas_int *lda, const sb_t *x, const blas_int *incx, const sb_t *beta, sb_t *y,
                         const blas_int *incy)
{
    int up = sb_lsame(uplo, 'U') ? 1 : sb_lsame(uplo, 'L') ? 0 : -1;
    const int mode = SB_HERM;
    blas_int info = hbmv_check(up, *n, *k, *lda, *incx, *incy, 0);
    if (info) {
        sb_xerbla(SB_UPPER "HBMV", info);
        return;
    }
    hbmv_run(up, mode, *n, *k, *alpha, a, *lda, x, *incx, *beta, y, *incy);
}

SB_API void SB_CBLAS(hbmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const blas_int N, const blas_int K,
                           SB_CSCALAR alpha, const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *X,
                           const blas_int incX, SB_CSCALAR beta, SB_CARRAY *Y, const blas_int incY)
{
    static const char name[] = SB_L2P_CBLAS_NAME(hbmv);
    int up, mode, row, ok0;
    if (layout == CblasColMajor) {
        row = 0;
        mode = SB_HERM;
        ok0 = 0;
        up = Uplo == CblasUpper ? 1 : Uplo == CblasLower ? 0 : -1;
    } else if (layout == CblasRowMajor) {
        /* row-major A is the transpose of the column-major hermitian matrix with the other
         * triangle stored, i.e. conj of it (SB_HERM_T). Reference CBLAS works on a conjugated
         * unit-stride copy of x when N > 0, so there incX = 0 is accepted (constant x). */
        row = 1;
        mode = SB_HERM_T;
        ok0 = N > 0;
        up = Uplo == CblasUpper ? 0 : Uplo == CblasLower ? 1 : -1;
    } else {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    if (up < 0) {
        sb_cblas_xerbla(2, name, row);
        return;
    }
    blas_int info = hbmv_check(up, N, K, lda, incX, incY, ok0);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    hbmv_run(up, mode, N, K, SB_CVAL(alpha), (const sb_t *)A, lda, (const sb_t *)X, incX, SB_CVAL(beta), (sb_t *)Y, incY);
}

#endif

/* ?gbmv: Fortran ABI and CBLAS. y := alpha*op(A)*x + beta*y, A an m x n band matrix. */
#include "cblas.h"
#include "drivers/level2_products.h"

/* Reference order and numbers: trans 1, m 2, n 3, kl 4, ku 5, lda 8, incx 10, incy 13. */
static blas_int gbmv_check(int op, blas_int m, blas_int n, blas_int kl, blas_int ku, blas_int lda, blas_int incx,
                           blas_int incy, int incx_ok0)
{
    if (op < 0) return 1;
    if (m < 0) return 2;
    if (n < 0) return 3;
    if (kl < 0) return 4;
    if (ku < 0) return 5;
    if ((int64_t)lda < (int64_t)kl + ku + 1) return 8;
    if (incx == 0 && !incx_ok0) return 10;
    if (incy == 0) return 13;
    return 0;
}

static void gbmv_run(int op, blas_int m, blas_int n, blas_int kl, blas_int ku, sb_t alpha, const sb_t *a,
                     blas_int lda, const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (m == 0 || n == 0 || (alpha == 0 && beta == 1)) return;
    const int notrans = op == SB_OP_N || op == SB_OP_R;
    blas_int lenx = notrans ? n : m, leny = notrans ? m : n;
    SB_NAME(gbmv)(op, m, n, kl, ku, alpha, a, lda, x + sb_l2p_first(lenx, incx), incx, beta,
                  y + sb_l2p_first(leny, incy), incy);
}

SB_API void SB_F77(gbmv)(const char *trans, const blas_int *m, const blas_int *n, const blas_int *kl,
                         const blas_int *ku, const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *x,
                         const blas_int *incx, const sb_t *beta, sb_t *y, const blas_int *incy)
{
    int op = sb_lsame(trans, 'N') ? SB_OP_N : sb_lsame(trans, 'T') ? SB_OP_T : sb_lsame(trans, 'C') ? SB_OP_C : -1;
    if (!SB_IS_COMPLEX && op == SB_OP_C) op = SB_OP_T;
    blas_int info = gbmv_check(op, *m, *n, *kl, *ku, *lda, *incx, *incy, 0);
    if (info) {
        sb_xerbla(SB_UPPER "GBMV", info);
        return;
    }
    gbmv_run(op, *m, *n, *kl, *ku, *alpha, a, *lda, x, *incx, *beta, y, *incy);
}

SB_API void SB_CBLAS(gbmv)(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const blas_int M, const blas_int N,
                           const blas_int KL, const blas_int KU, SB_CSCALAR alpha, const SB_CARRAY *A,
                           const blas_int lda, const SB_CARRAY *X, const blas_int incX, SB_CSCALAR beta,
                           SB_CARRAY *Y, const blas_int incY)
{
    static const char name[] = SB_L2P_CBLAS_NAME(gbmv);
    const sb_t *a = (const sb_t *)A, *x = (const sb_t *)X;
    sb_t *y = (sb_t *)Y;
    if (layout == CblasColMajor) {
        int op = TransA == CblasNoTrans ? SB_OP_N : TransA == CblasTrans ? SB_OP_T
               : TransA == CblasConjTrans ? (SB_IS_COMPLEX ? SB_OP_C : SB_OP_T) : -1;
        if (op < 0) {
            sb_cblas_xerbla(2, name, 0);
            return;
        }
        blas_int info = gbmv_check(op, M, N, KL, KU, lda, incX, incY, 0);
        if (info) {
            sb_cblas_xerbla(info + 1, name, 0);
            return;
        }
        gbmv_run(op, M, N, KL, KU, SB_CVAL(alpha), a, lda, x, incX, SB_CVAL(beta), y, incY);
    } else if (layout == CblasRowMajor) {
        /* row-major band A (KL, KU) is the column-major band of A^T (N x M, KU, KL); as for gemv,
         * reference CBLAS accepts incX = 0 in the complex ConjTrans case when M > 0 */
        int op = TransA == CblasNoTrans ? SB_OP_T : TransA == CblasTrans ? SB_OP_N
               : TransA == CblasConjTrans ? (SB_IS_COMPLEX ? SB_OP_R : SB_OP_N) : -1;
        if (op < 0) {
            sb_cblas_xerbla(2, name, 1);
            return;
        }
        blas_int info = gbmv_check(op, N, M, KU, KL, lda, incX, incY, SB_IS_COMPLEX && op == SB_OP_R && M > 0);
        if (info) {
            sb_cblas_xerbla(info + 1, name, 1);
            return;
        }
        gbmv_run(op, N, M, KU, KL, SB_CVAL(alpha), a, lda, x, incX, SB_CVAL(beta), y, incY);
    } else {
        sb_cblas_xerbla(1, name, 0);
    }
}

/* ?gemv: Fortran ABI and CBLAS. y := alpha*op(A)*x + beta*y. */
#include "cblas.h"
#include "drivers/level2_products.h"

/* Reference order and numbers (Fortran): trans 1, m 2, n 3, lda 6, incx 8, incy 11. */
static blas_int gemv_check(int op, blas_int m, blas_int n, blas_int lda, blas_int incx, blas_int incy, int incx_ok0)
{
    if (op < 0) return 1;
    if (m < 0) return 2;
    if (n < 0) return 3;
    if (lda < SB_MAX(1, m)) return 6;
    if (incx == 0 && !incx_ok0) return 8;
    if (incy == 0) return 11;
    return 0;
}

static void gemv_run(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                     blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (m == 0 || n == 0 || (alpha == 0 && beta == 1)) return;
    const int notrans = op == SB_OP_N || op == SB_OP_R;
    blas_int lenx = notrans ? n : m, leny = notrans ? m : n;
    SB_NAME(gemv)(op, m, n, alpha, a, lda, x + sb_l2p_first(lenx, incx), incx, beta, y + sb_l2p_first(leny, incy),
                  incy);
}

SB_API void SB_F77(gemv)(const char *trans, const blas_int *m, const blas_int *n, const sb_t *alpha, const sb_t *a,
                         const blas_int *lda, const sb_t *x, const blas_int *incx, const sb_t *beta, sb_t *y,
                         const blas_int *incy)
{
    int op = sb_lsame(trans, 'N') ? SB_OP_N : sb_lsame(trans, 'T') ? SB_OP_T : sb_lsame(trans, 'C') ? SB_OP_C : -1;
    if (!SB_IS_COMPLEX && op == SB_OP_C) op = SB_OP_T;
    blas_int info = gemv_check(op, *m, *n, *lda, *incx, *incy, 0);
    if (info) {
        sb_xerbla(SB_UPPER "GEMV", info);
        return;
    }
    gemv_run(op, *m, *n, *alpha, a, *lda, x, *incx, *beta, y, *incy);
}

SB_API void SB_CBLAS(gemv)(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const blas_int M, const blas_int N,
                           SB_CSCALAR alpha, const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *X,
                           const blas_int incX, SB_CSCALAR beta, SB_CARRAY *Y, const blas_int incY)
{
    static const char name[] = SB_L2P_CBLAS_NAME(gemv);
    const sb_t *a = (const sb_t *)A, *x = (const sb_t *)X;
    sb_t *y = (sb_t *)Y;
    if (layout == CblasColMajor) {
        int op = TransA == CblasNoTrans ? SB_OP_N : TransA == CblasTrans ? SB_OP_T
               : TransA == CblasConjTrans ? (SB_IS_COMPLEX ? SB_OP_C : SB_OP_T) : -1;
        if (op < 0) {
            sb_cblas_xerbla(2, name, 0);
            return;
        }
        blas_int info = gemv_check(op, M, N, lda, incX, incY, 0);
        if (info) {
            sb_cblas_xerbla(info + 1, name, 0);
            return;
        }
        gemv_run(op, M, N, SB_CVAL(alpha), a, lda, x, incX, SB_CVAL(beta), y, incY);
    } else if (layout == CblasRowMajor) {
        /* A row-major is A^T column-major (N x M): NoTrans -> T, Trans -> N, ConjTrans -> conj(A^T).
         * Reference CBLAS does the complex ConjTrans case on a conjugated copy of x (unit stride
         * when M > 0), so there incX = 0 is accepted and means a constant vector. */
        int op = TransA == CblasNoTrans ? SB_OP_T : TransA == CblasTrans ? SB_OP_N
               : TransA == CblasConjTrans ? (SB_IS_COMPLEX ? SB_OP_R : SB_OP_N) : -1;
        if (op < 0) {
            sb_cblas_xerbla(2, name, 1);
            return;
        }
        blas_int info = gemv_check(op, N, M, lda, incX, incY, SB_IS_COMPLEX && op == SB_OP_R && M > 0);
        if (info) {
            sb_cblas_xerbla(info + 1, name, 1);
            return;
        }
        gemv_run(op, N, M, SB_CVAL(alpha), a, lda, x, incX, SB_CVAL(beta), y, incY);
    } else {
        sb_cblas_xerbla(1, name, 0);
    }
}

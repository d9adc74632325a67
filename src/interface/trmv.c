/* ?trmv: Fortran ABI and CBLAS. x := op(A)*x, A full, triangular. */
#include "cblas.h"
#include "drivers/level2_products.h"

/* Reference order and numbers (Fortran): uplo 1, trans 2, diag 3, n 4, lda 6, incx 8. */
static blas_int trmv_check(int upper, int op, int unit, blas_int n, blas_int lda, blas_int incx)
{
    if (upper < 0) return 1;
    if (op < 0) return 2;
    if (unit < 0) return 3;
    if (n < 0) return 4;
    if (lda < SB_MAX(1, n)) return 6;
    if (incx == 0) return 8;
    return 0;
}

static void trmv_run(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (n == 0) return;
    SB_NAME(trmv)(upper, op, unit, n, a, lda, x + sb_l2p_first(n, incx), incx);
}

SB_API void SB_F77(trmv)(const char *uplo, const char *trans, const char *diag, const blas_int *n, const sb_t *a,
                         const blas_int *lda, sb_t *x, const blas_int *incx)
{
    int up = sb_lsame(uplo, 'U') ? 1 : sb_lsame(uplo, 'L') ? 0 : -1;
    int op = sb_lsame(trans, 'N') ? SB_OP_N : sb_lsame(trans, 'T') ? SB_OP_T : sb_lsame(trans, 'C') ? SB_OP_C : -1;
    int unit = sb_lsame(diag, 'U') ? 1 : sb_lsame(diag, 'N') ? 0 : -1;
    if (!SB_IS_COMPLEX && op == SB_OP_C) op = SB_OP_T;
    blas_int info = trmv_check(up, op, unit, *n, *lda, *incx);
    if (info) {
        sb_xerbla(SB_UPPER "TRMV", info);
        return;
    }
    trmv_run(up, op, unit, *n, a, *lda, x, *incx);
}

SB_API void SB_CBLAS(trmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,
                           const CBLAS_DIAG Diag, const blas_int N, const SB_CARRAY *A, const blas_int lda,
                           SB_CARRAY *X, const blas_int incX)
{
    static const char name[] = SB_L2P_CBLAS_NAME(trmv);
    int up, op, row;
    if (layout == CblasColMajor) {
        row = 0;
        up = Uplo == CblasUpper ? 1 : Uplo == CblasLower ? 0 : -1;
        op = TransA == CblasNoTrans ? SB_OP_N : TransA == CblasTrans ? SB_OP_T
           : TransA == CblasConjTrans ? (SB_IS_COMPLEX ? SB_OP_C : SB_OP_T) : -1;
    } else if (layout == CblasRowMajor) {
        /* row-major A is column-major A^T with the other triangle: NoTrans -> T, Trans -> N,
         * ConjTrans -> conj(A^T) (reference CBLAS conjugates x around an 'N' call) */
        row = 1;
        up = Uplo == CblasUpper ? 0 : Uplo == CblasLower ? 1 : -1;
        op = TransA == CblasNoTrans ? SB_OP_T : TransA == CblasTrans ? SB_OP_N
           : TransA == CblasConjTrans ? (SB_IS_COMPLEX ? SB_OP_R : SB_OP_N) : -1;
    } else {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    if (up < 0) {
        sb_cblas_xerbla(2, name, row);
        return;
    }
    if (op < 0) {
        sb_cblas_xerbla(3, name, row);
        return;
    }
    int unit = Diag == CblasUnit ? 1 : Diag == CblasNonUnit ? 0 : -1;
    if (unit < 0) {
        sb_cblas_xerbla(4, name, row);
        return;
    }
    blas_int info = trmv_check(up, op, unit, N, lda, incX);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    trmv_run(up, op, unit, N, (const sb_t *)A, lda, (sb_t *)X, incX);
}

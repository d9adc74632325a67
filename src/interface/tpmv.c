/* ?tpmv: Fortran ABI and CBLAS. x := op(A)*x, A packed, triangular. */
#include "cblas.h"
#include "drivers/level2_products.h"

/* Reference order and numbers (Fortran): uplo 1, trans 2, diag 3, n 4, incx 7. */
static blas_int tpmv_check(int upper, int op, int unit, blas_int n, blas_int incx)
{
    if (upper < 0) return 1;
    if (op < 0) return 2;
    if (unit < 0) return 3;
    if (n < 0) return 4;
    if (incx == 0) return 7;
    return 0;
}

static void tpmv_run(int upper, int op, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx)
{
    if (n == 0) return;
    SB_NAME(tpmv)(upper, op, unit, n, ap, x + sb_l2p_first(n, incx), incx);
}

SB_API void SB_F77(tpmv)(const char *uplo, const char *trans, const char *diag, const blas_int *n, const sb_t *ap,
                         sb_t *x, const blas_int *incx)
{
    int up = sb_lsame(uplo, 'U') ? 1 : sb_lsame(uplo, 'L') ? 0 : -1;
    int op = sb_lsame(trans, 'N') ? SB_OP_N : sb_lsame(trans, 'T') ? SB_OP_T : sb_lsame(trans, 'C') ? SB_OP_C : -1;
    int unit = sb_lsame(diag, 'U') ? 1 : sb_lsame(diag, 'N') ? 0 : -1;
    if (!SB_IS_COMPLEX && op == SB_OP_C) op = SB_OP_T;
    blas_int info = tpmv_check(up, op, unit, *n, *incx);
    if (info) {
        sb_xerbla(SB_UPPER "TPMV", info);
        return;
    }
    tpmv_run(up, op, unit, *n, ap, x, *incx);
}

SB_API void SB_CBLAS(tpmv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,
                           const CBLAS_DIAG Diag, const blas_int N, const SB_CARRAY *Ap, SB_CARRAY *X,
                           const blas_int incX)
{
    static const char name[] = SB_L2P_CBLAS_NAME(tpmv);
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
    blas_int info = tpmv_check(up, op, unit, N, incX);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    tpmv_run(up, op, unit, N, (const sb_t *)Ap, (sb_t *)X, incX);
}

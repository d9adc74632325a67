/* ?trmv: Fortran ABI and CBLAS. x := op(A)*x, A full, triangular. */
#include "level2_products_iface.h"

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
    int up, op, unit;
    sb_l2p_tri_flags(uplo, trans, diag, &up, &op, &unit);
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
    int up, op, unit, row;
    if (!sb_l2p_tri_cblas(name, layout, Uplo, TransA, Diag, &up, &op, &unit, &row)) return;
    blas_int info = trmv_check(up, op, unit, N, lda, incX);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    trmv_run(up, op, unit, N, (const sb_t *)A, lda, (sb_t *)X, incX);
}

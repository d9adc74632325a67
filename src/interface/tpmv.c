/* ?tpmv: Fortran ABI and CBLAS. x := op(A)*x, A packed, triangular. */
#include "level2_products_iface.h"

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
    int up, op, unit;
    sb_l2p_tri_flags(uplo, trans, diag, &up, &op, &unit);
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
    int up, op, unit, row;
    if (!sb_l2p_tri_cblas(name, layout, Uplo, TransA, Diag, &up, &op, &unit, &row)) return;
    blas_int info = tpmv_check(up, op, unit, N, incX);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    tpmv_run(up, op, unit, N, (const sb_t *)Ap, (sb_t *)X, incX);
}

/* x := op(A)*x, A triangular, full storage. */
#include "drivers/level2_products.h"

void SB_NAME(trmv)(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (upper) sb_l2p_tri_generic(SB_L2P_FULL, 1, op, unit, n, 0, a, lda, x, incx);
    else sb_l2p_tri_generic(SB_L2P_FULL, 0, op, unit, n, 0, a, lda, x, incx);
}

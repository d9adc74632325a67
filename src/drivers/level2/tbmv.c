/* x := op(A)*x, A triangular band (k off-diagonals), band storage. */
#include "drivers/level2_products.h"

void SB_NAME(tbmv)(int upper, int op, int unit, blas_int n, blas_int k, const sb_t *a, blas_int lda, sb_t *x,
                   blas_int incx)
{
    if (upper) sb_l2p_tri_generic(SB_L2P_BAND, 1, op, unit, n, k, a, lda, x, incx);
    else sb_l2p_tri_generic(SB_L2P_BAND, 0, op, unit, n, k, a, lda, x, incx);
}

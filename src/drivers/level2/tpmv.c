/* x := op(A)*x, A triangular, packed storage. */
#include "drivers/level2_products.h"

void SB_NAME(tpmv)(int upper, int op, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx)
{
    if (upper) sb_l2p_tri_generic(SB_L2P_PACKED, 1, op, unit, n, 0, ap, 0, x, incx);
    else sb_l2p_tri_generic(SB_L2P_PACKED, 0, op, unit, n, 0, ap, 0, x, incx);
}

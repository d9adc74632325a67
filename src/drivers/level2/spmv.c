/* y := alpha*A*x + beta*y, A symmetric or hermitian, packed storage: the blocked kernel path of
 * symv.c (the generic loop when no workspace could be had). */
#include "drivers/level2_products.h"

void SB_NAME(spmv)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *ap, const sb_t *x, blas_int incx,
                   sb_t beta, sb_t *y, blas_int incy)
{
    if (n > 0 && alpha != 0 && SB_NAME(symv_blocked)(upper, mode, n, alpha, ap, 0, x, incx, beta, y, incy)) return;
    if (upper) sb_l2p_sym_generic(SB_L2P_PACKED, 1, mode, n, 0, alpha, ap, 0, x, incx, beta, y, incy);
    else sb_l2p_sym_generic(SB_L2P_PACKED, 0, mode, n, 0, alpha, ap, 0, x, incx, beta, y, incy);
}

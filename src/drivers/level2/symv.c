/* y := alpha*A*x + beta*y, A symmetric or hermitian (see SB_SYM/SB_HERM/SB_HERM_T), full storage. */
#include "drivers/level2_products.h"

void SB_NAME(symv)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (upper) sb_l2p_sym_generic(SB_L2P_FULL, 1, mode, n, 0, alpha, a, lda, x, incx, beta, y, incy);
    else sb_l2p_sym_generic(SB_L2P_FULL, 0, mode, n, 0, alpha, a, lda, x, incx, beta, y, incy);
}

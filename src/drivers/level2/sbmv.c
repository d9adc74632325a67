/* y := alpha*A*x + beta*y, A symmetric or hermitian band (k off-diagonals), band storage. */
#include "drivers/level2_products.h"

void SB_NAME(sbmv)(int upper, int mode, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda,
                   const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (upper) sb_l2p_sym_generic(SB_L2P_BAND, 1, mode, n, k, alpha, a, lda, x, incx, beta, y, incy);
    else sb_l2p_sym_generic(SB_L2P_BAND, 0, mode, n, k, alpha, a, lda, x, incx, beta, y, incy);
}

/* x := op(A)*x, A triangular, full storage.
 *
 * In blocks of TRMV_NB elements of x: a block's own triangle by the reference's column loops
 * (sb_l2p_tri_generic, in place), and the products of the block's rows with the rest of x by
 * gemv (the kernel table's vector kernels; threads where it pays). The blocks go in the order
 * that leaves the x elements a block reads outside its own until it has read them: op(A)
 * upper-triangular reads the elements after the block (first block first), lower-triangular
 * those before it (last block first). gemv's sums have a fixed order per element, so the result
 * is the same bits at every thread count. One loop over the column was 0.28-0.65x OpenBLAS's
 * speed (dtrmv T n = 500 7.1 against 25.5 GFLOP/s, one thread, Xeon 6/207). */
#include "drivers/level2_products.h"

#ifndef TRMV_NB
#define TRMV_NB 64
#endif

static void tri_block(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (upper) sb_l2p_tri_generic(SB_L2P_FULL, 1, op, unit, n, 0, a, lda, x, incx);
    else sb_l2p_tri_generic(SB_L2P_FULL, 0, op, unit, n, 0, a, lda, x, incx);
}

void SB_NAME(trmv)(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (n <= TRMV_NB) {
        tri_block(upper, op, unit, n, a, lda, x, incx);
        return;
    }
    const int notrans = op == SB_OP_N || op == SB_OP_R;
    const int after = notrans ? upper : !upper; /* the rest of a block's product is x after it */
    const blas_int nblk = (n + TRMV_NB - 1) / TRMV_NB;
    for (blas_int q = 0; q < nblk; q++) {
        blas_int b = after ? q : nblk - 1 - q;
        blas_int i0 = b * TRMV_NB, nb = SB_MIN(TRMV_NB, n - i0), i1 = i0 + nb;
        sb_t *xb = x + (ptrdiff_t)i0 * incx;
        tri_block(upper, op, unit, nb, a + i0 + (size_t)i0 * lda, lda, xb, incx);
        blas_int r0 = after ? i1 : 0, nr = after ? n - i1 : i0; /* the rest: [r0, r0 + nr) */
        if (nr == 0) continue;
        if (notrans) /* x(block) += op(A)(block, rest) * x(rest) */
            SB_NAME(gemv)(op, nb, nr, 1, a + i0 + (size_t)r0 * lda, lda, x + (ptrdiff_t)r0 * incx, incx, 1, xb, incx);
        else /* x(block) += op(A(rest, block)) * x(rest) */
            SB_NAME(gemv)(op, nr, nb, 1, a + r0 + (size_t)i0 * lda, lda, x + (ptrdiff_t)r0 * incx, incx, 1, xb, incx);
    }
}

/* x := op(A)*x, A triangular, full storage.
 *
 * In blocks of TRMV_NB elements of x: a block's own triangle by the reference's column loops
 * (sb_l2p_tri_generic, in place), and the part of the product that involves the block's columns
 * of the rest of A by gemv (the kernel table's vector kernels; threads where it pays). That part
 * is always the tall strip of A beside the block's diagonal triangle, below it (lower) or above it
 * (upper), so that gemv streams long columns:
 *   op(A) = A or conj(A): x(rest) += A(rest, block) * x(block), the reference's axpy form, before
 *     the block's own triangle (it reads the block's x as it was); columns whose x element is
 *     zero are skipped, as the reference skips them (gemv_n_nonzero_cols);
 *   op(A) = A^T or A^H:   x(block) += op(A(rest, block)) * x(rest), the dot form, after it.
 * The blocks go in the order in which every block reads the x elements outside it before they are
 * changed.
 * Threads: x := op(A) x is a product, so with x's input copied aside the rows of the result split
 * into ranges of whole blocks, one per thread (balanced by the triangle's area), each range doing
 * the operations of the one-thread loop that write its rows, in the same order, reading the copy:
 * every element gets the same arithmetic in the same order at every thread count (and gemv's sums
 * have a fixed order per element), so the bits are the same. One thread per strip's gemv instead
 * (the blocks' triangles in between on one thread) made two threads no faster than one (dtrmv
 * n = 5000: 24 against 23 GB/s, where OpenBLAS reached 40). One loop over the column was 0.28-0.65x OpenBLAS's speed (dtrmv T n = 500 7.1
 * against 25.5 GFLOP/s, one thread, Xeon 6/207); with op(A) = A the short wide strip of the
 * block's rows (64 elements per column, one column per 8n bytes) was 0.5-0.7x OpenBLAS at n = 6000
 * out of cache (dtrmv L N 8.3 against 16.5 GB/s, one thread, EPYC Zen 3). */
#include "drivers/level2_products.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"
#include "runtime/thread_config.h"

#ifndef TRMV_NB
#define TRMV_NB 64
#endif

static void tri_block(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (upper) sb_l2p_tri_generic(SB_L2P_FULL, 1, op, unit, n, 0, a, lda, x, incx);
    else sb_l2p_tri_generic(SB_L2P_FULL, 0, op, unit, n, 0, a, lda, x, incx);
}

typedef struct {
    int upper, op, unit, notrans;
    blas_int n, lda, incx, nblk;
    const sb_t *a;
    sb_t *x;
    const sb_t *xin; /* x's input: x itself on one thread (the order keeps what is read unchanged), else a copy */
    blas_int xinc;   /* its stride: incx, or 1 for the copy */
    blas_int bounds[SB_MAX_THREADS + 1];
} trmv_job;

/* The result's blocks [b0, b1) (rows b0 * TRMV_NB ..). */
static void block_range(const trmv_job *J, blas_int b0, blas_int b1)
{
    const blas_int n = J->n, lda = J->lda, incx = J->incx, nblk = J->nblk;
    const sb_t *a = J->a;
    sb_t *x = J->x;
    /* The order. op(A) = A: the strip of block k adds to rows on one side of it and reads the block's
     * x, which must still be the input; only the blocks after it (upper) or before it (lower) add
     * to that block, so those go later: upper first block first. op(A) = A^T: a block's strip
     * reads x above it (upper) or below it (lower), which must not be transformed yet: upper last
     * block first. With a copy of the input every order gives the same result; this one is the
     * one-thread loop's. */
    const int first_first = J->notrans ? J->upper : !J->upper;
    if (J->notrans) {
        /* every block k whose strip reaches rows of [b0, b1): lower, k < b1; upper, k >= b0 */
        blas_int k_lo = J->upper ? b0 : 0, k_hi = J->upper ? nblk : b1;
        for (blas_int q = k_lo; q < k_hi; q++) {
            blas_int k = first_first ? q : k_hi - 1 - (q - k_lo);
            blas_int i0 = k * TRMV_NB, nb = SB_MIN(TRMV_NB, n - i0), i1 = i0 + nb;
            /* the strip's rows within the range: below the block (lower) or above it (upper) */
            blas_int lo = J->upper ? b0 * TRMV_NB : SB_MAX(i1, b0 * TRMV_NB);
            blas_int hi = J->upper ? SB_MIN(i0, b1 * TRMV_NB) : SB_MIN(n, b1 * TRMV_NB);
            if (lo < hi)
                SB_NAME(gemv_n_nonzero_cols)(J->op, hi - lo, nb, 1, a + lo + (size_t)i0 * lda, lda,
                                             J->xin + (ptrdiff_t)i0 * J->xinc, J->xinc, x + (ptrdiff_t)lo * incx,
                                             incx);
            if (k >= b0 && k < b1)
                tri_block(J->upper, J->op, J->unit, nb, a + i0 + (size_t)i0 * lda, lda, x + (ptrdiff_t)i0 * incx, incx);
        }
        return;
    }
    for (blas_int q = b0; q < b1; q++) {
        blas_int b = first_first ? q : b1 - 1 - (q - b0);
        blas_int i0 = b * TRMV_NB, nb = SB_MIN(TRMV_NB, n - i0), i1 = i0 + nb;
        sb_t *xb = x + (ptrdiff_t)i0 * incx;
        tri_block(J->upper, J->op, J->unit, nb, a + i0 + (size_t)i0 * lda, lda, xb, incx);
        /* the strip beside the block: rows [r0, r0 + nr) of its columns */
        blas_int r0 = J->upper ? 0 : i1, nr = J->upper ? i0 : n - i1;
        if (nr > 0)
            SB_NAME(gemv)(J->op, nr, nb, 1, a + r0 + (size_t)i0 * lda, lda, J->xin + (ptrdiff_t)r0 * J->xinc, J->xinc, 1,
                          xb, incx);
    }
}

static void range_part(void *ctx, int p, int np)
{
    const trmv_job *J = ctx;
    (void)np;
    block_range(J, J->bounds[p], J->bounds[p + 1]);
}

void SB_NAME(trmv)(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (n <= TRMV_NB) {
        tri_block(upper, op, unit, n, a, lda, x, incx);
        return;
    }
    trmv_job J;
    J.upper = upper;
    J.op = op;
    J.unit = unit;
    J.notrans = op == SB_OP_N || op == SB_OP_R;
    J.n = n;
    J.lda = lda;
    J.incx = incx;
    J.nblk = (n + TRMV_NB - 1) / TRMV_NB;
    J.a = a;
    J.x = x;
    J.xin = x;
    J.xinc = incx;
    /* as gemv weighs a product of the same size (GEMV_W = 2 flop equivalents per flop) */
    double w = 2.0 * (SB_IS_COMPLEX ? 8.0 : 2.0) * (double)n * (double)n / 2;
    int nt = sb_threads_for(w);
    if (nt > J.nblk) nt = (int)J.nblk;
    if (nt > SB_MAX_THREADS) nt = SB_MAX_THREADS;
    sb_t *copy = NULL;
    int owned = 0;
    if (nt > 1) copy = sb_workspace_get((size_t)n * sizeof(sb_t), &owned);
    if (!copy) {
        block_range(&J, 0, J.nblk);
        return;
    }
    for (blas_int i = 0; i < n; i++) copy[i] = x[(ptrdiff_t)i * incx];
    J.xin = copy;
    J.xinc = 1;
    /* ranges of equal area: block b weighs the blocks of its row of the triangle */
    double total = 0;
    for (blas_int b = 0; b < J.nblk; b++) total += (double)((!upper) == J.notrans ? b + 1 : J.nblk - b);
    J.bounds[0] = 0;
    double acc = 0;
    int p = 1;
    for (blas_int b = 0; b < J.nblk && p < nt; b++) {
        acc += (double)((!upper) == J.notrans ? b + 1 : J.nblk - b);
        if (acc >= total * p / nt) J.bounds[p++] = b + 1;
    }
    while (p <= nt) J.bounds[p++] = J.nblk;
    sb_parallel_run(nt, range_part, &J);
    sb_workspace_put(copy, owned);
}

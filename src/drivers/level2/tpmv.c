/* x := op(A)*x, A triangular, packed storage.
 *
 * Up to n = 127: the reference's column loops in place (sb_l2p_tri_generic). From n = 128 on,
 * x := op(A) x is computed from a copy of x's input, so that the columns can be read in
 * increasing order (packed storage forward, which streams): on one thread the reference's
 * backward loops (lower N, upper T) ran 0.7x the forward ones (dtpmv n = 5000, EPYC Zen 3).
 * Threads split the result's elements into ranges (balanced by the triangle's area), each range
 * doing, in the same order, the operations that write its elements, reading the copy:
 *   op(A) = A or conj(A): each element's diagonal product first, then every column that reaches
 *     it in increasing order (axpy over the range's part of the column, skipped where the
 *     column's x is zero, as the reference skips it);
 *   op(A) = A^T or A^H:   every element of the range is its own dot product with its column.
 * Every element gets the same arithmetic in the same order at every thread count (the kernel
 * table's dot and axpy where the loops would use them, x unit stride), so the bits are the
 * same. (If the copy cannot be allocated the reference's loops run in place: a correct result,
 * but the sums of the N form in the reference's order.) */
#include "drivers/level2_products.h"
#include "drivers/level2_updates.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"


typedef struct {
    int upper, op, unit, notrans, cj, unit_stride;
    blas_int n, incx;
    const sb_t *ap;
    sb_t *x;         /* logical element 0, stride incx */
    const sb_t *xin; /* the input, unit stride */
} tpmv_job;

/* First element of part p of np: equal shares of the triangle's area. Row i of the N form costs
 * n - i for upper, i + 1 for lower; column j of the T form j + 1 and n - j: the split of the
 * columns of syr's triangle (cheap first for upper) with the roles of the triangles swapped where
 * the first elements cost most. */
static blas_int part_start(const tpmv_job *J, int p, int np)
{
    int heavy_first = J->notrans ? J->upper : !J->upper;
    return sb_l2u_tri_part_start(!heavy_first, J->n, p, np);
}

static void range_part(void *ctx, int p, int np)
{
    const tpmv_job *J = ctx;
    const blas_int n = J->n, incx = J->incx, r0 = part_start(J, p, np), r1 = part_start(J, p + 1, np);
    const int upper = J->upper, cj = J->cj;
    sb_t *x = J->x;
    const sb_t *xin = J->xin;
    if (J->notrans) {
        const SB_CAT3(sb_, SB_P, _axpy_fn) axpy = J->unit_stride && !cj ? SB_NAME(axpy_kernel)() : NULL;
        /* Every element: its diagonal product first, then the columns that reach it in increasing
         * order (upper from the range's first row on: columns before it do not reach it; lower up
         * to its last), so memory is read forward. For lower the diagonal goes in a pass of its
         * own before the columns (the reference goes backward, which read packed storage at
         * 0.7x the forward speed). */
        if (!upper && !J->unit)
            for (blas_int j = r0; j < r1; j++)
                if (xin[j] != 0)
                    x[(ptrdiff_t)j * incx] =
                        xin[j] * sb_conj_if(cj, *sb_l2p_locate(SB_L2P_PACKED, 0, n, 0, J->ap, 0, j).diag);
        blas_int j_lo = upper ? r0 : 0, j_hi = upper ? n : r1;
        for (blas_int j = j_lo; j < j_hi; j++) {
            sb_t xj = xin[j];
            if (xj == 0) continue;
            sb_l2p_col c = sb_l2p_locate(SB_L2P_PACKED, upper, n, 0, J->ap, 0, j);
            /* the column's rows c.r0 .. c.r0 + c.cnt within [r0, r1) */
            blas_int lo = SB_MAX(c.r0, r0), hi = SB_MIN(c.r0 + c.cnt, r1);
            if (lo < hi) {
                const sb_t *col = c.off + (lo - c.r0);
                if (axpy) axpy(hi - lo, xj, col, x + lo);
                else sb_l2p_axpy(hi - lo, xj, col, cj, x + (ptrdiff_t)lo * incx, incx);
            }
            if (upper && !J->unit && j >= r0 && j < r1) x[(ptrdiff_t)j * incx] = xj * sb_conj_if(cj, *c.diag);
        }
        return;
    }
    const SB_CAT3(sb_, SB_P, _dot_fn) dot = J->unit_stride ? SB_NAME(dot_kernel)() : NULL;
    for (blas_int j = r0; j < r1; j++) {
        sb_l2p_col c = sb_l2p_locate(SB_L2P_PACKED, upper, n, 0, J->ap, 0, j);
        sb_t t = xin[j];
        if (!J->unit) t *= sb_conj_if(cj, *c.diag);
        if (dot && c.cnt > 0) t += dot(c.cnt, c.off, xin + c.r0, cj);
        else t += sb_l2p_dot(c.cnt, c.off, cj, xin + c.r0, 1);
        x[(ptrdiff_t)j * incx] = t;
    }
}

void SB_NAME(tpmv)(int upper, int op, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx)
{
    /* as gemv weighs a product of the same size (GEMV_W = 2 flop equivalents per flop) */
    double w = 2.0 * (SB_IS_COMPLEX ? 8.0 : 2.0) * (double)n * (double)n / 2;
    int nt = n >= 128 ? sb_threads_for(w) : 1;
    sb_t *copy = NULL;
    int owned = 0;
    if (n >= 128) copy = sb_workspace_get((size_t)n * sizeof(sb_t), &owned);
    if (!copy) {
        if (upper) sb_l2p_tri_generic(SB_L2P_PACKED, 1, op, unit, n, 0, ap, 0, x, incx);
        else sb_l2p_tri_generic(SB_L2P_PACKED, 0, op, unit, n, 0, ap, 0, x, incx);
        return;
    }
    for (blas_int i = 0; i < n; i++) copy[i] = x[(ptrdiff_t)i * incx];
    tpmv_job J = {upper, op, unit, op == SB_OP_N || op == SB_OP_R, op == SB_OP_C || op == SB_OP_R, incx == 1,
                  n, incx, ap, x, copy};
    if (nt > 1) sb_parallel_run(nt, range_part, &J);
    else range_part(&J, 0, 1);
    sb_workspace_put(copy, owned);
}

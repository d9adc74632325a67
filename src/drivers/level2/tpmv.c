/* x := op(A)*x, A triangular, packed storage.
 *
 * One thread: the reference's column loops (sb_l2p_tri_generic). Threads: x := op(A) x is a
 * product, so with x's input copied aside the result's elements split into ranges, one per
 * thread (balanced by the triangle's area), each range doing, in the same order, the operations
 * of the column loops that write its elements, reading the copy:
 *   op(A) = A or conj(A): every column that reaches the range adds its part of the column (axpy,
 *     skipped where the column's x is zero, as the reference) and scales the diagonal in place;
 *   op(A) = A^T or A^H:   every element of the range is its own dot product with its column.
 * Every element gets the same arithmetic in the same order at every thread count (the kernel
 * table's dot where the loops would use it, x unit stride), so the bits are the same. Measured
 * (dtpmv L N, n = 5000, 2 threads, EPYC Zen 3): 15 GB/s on one thread's loops, OpenBLAS 27. */
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
        /* the column order of the loops: upper forward from the range's first row (columns
         * before it do not reach it), lower backward from its last */
        blas_int j_lo = upper ? r0 : 0, j_hi = upper ? n : r1;
        for (blas_int q = j_lo; q < j_hi; q++) {
            blas_int j = upper ? q : j_hi - 1 - (q - j_lo);
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
            if (!J->unit && j >= r0 && j < r1) x[(ptrdiff_t)j * incx] = xj * sb_conj_if(cj, *c.diag);
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
    if (nt > 1) copy = sb_workspace_get((size_t)n * sizeof(sb_t), &owned);
    if (!copy) {
        if (upper) sb_l2p_tri_generic(SB_L2P_PACKED, 1, op, unit, n, 0, ap, 0, x, incx);
        else sb_l2p_tri_generic(SB_L2P_PACKED, 0, op, unit, n, 0, ap, 0, x, incx);
        return;
    }
    for (blas_int i = 0; i < n; i++) copy[i] = x[(ptrdiff_t)i * incx];
    tpmv_job J = {upper, op, unit, op == SB_OP_N || op == SB_OP_R, op == SB_OP_C || op == SB_OP_R, incx == 1,
                  n, incx, ap, x, copy};
    sb_parallel_run(nt, range_part, &J);
    sb_workspace_put(copy, owned);
}

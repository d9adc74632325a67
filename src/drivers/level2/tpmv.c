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
 * but the sums of the N form in the reference's order.)
 * From n = 4 TPMV_GROUP_COLS on, the N form goes by groups of columns instead (n_form_groups):
 * a range of rows is a run of short pieces of every column in packed storage, and two threads
 * reading such runs side by side reached 0.75-0.9x OpenBLAS's speed (dtpmv L N n = 3000, 2
 * threads; EPYC Zen 3 and Xeon 6/207), while a group of columns is one run of memory. */
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

/* ---- the N form by groups of columns ----
 * The columns split into G groups of equal area, G from n alone (the largest power of two up to
 * n / TPMV_GROUP_COLS and TPMV_GROUPS_MAX), so the arithmetic is the same at every thread count.
 * Group 0 works on x itself: every element's diagonal product first, then its columns in
 * increasing order. Group g
 * >= 1 sums its columns' products, in increasing column order, into a vector of its own over the
 * rows its columns reach (from zero; a group whose x elements are all zero is left out). Then
 * every element adds the sums of groups 1, 2, ... that reach it, in that order. Columns whose x
 * element is zero are skipped, as the reference skips them. One thread runs the groups in
 * order; several take a share of whole groups each, then a share of the rows for the sums. */
#define TPMV_GROUP_COLS 256
#define TPMV_GROUPS_MAX 16

typedef struct {
    const tpmv_job *J;
    int ng, nt;
    blas_int cb[TPMV_GROUPS_MAX + 1]; /* group g: columns [cb[g], cb[g+1]) */
    blas_int lo[TPMV_GROUPS_MAX], hi[TPMV_GROUPS_MAX]; /* the rows group g reaches */
    size_t at[TPMV_GROUPS_MAX];        /* where its sums start in part */
    int used[TPMV_GROUPS_MAX];         /* some x element of the group is not zero */
    sb_t *part;
} tpmv_groups;

/* Column j's products onto y's rows [lo, hi) of the column (y(r) for row r at y + (r - base)*inc). */
static void column_onto(const tpmv_job *J, blas_int j, sb_t xj, sb_t *y, blas_int base, blas_int inc)
{
    sb_l2p_col c = sb_l2p_locate(SB_L2P_PACKED, J->upper, J->n, 0, J->ap, 0, j);
    if (c.cnt <= 0) return;
    sb_t *yr = y + (ptrdiff_t)(c.r0 - base) * inc;
    const SB_CAT3(sb_, SB_P, _axpy_fn) axpy = inc == 1 && !J->cj ? SB_NAME(axpy_kernel)() : NULL;
    if (axpy) axpy(c.cnt, xj, c.off, yr);
    else sb_l2p_axpy(c.cnt, xj, c.off, J->cj, yr, inc);
}

static void group_run(const tpmv_groups *G, int g)
{
    const tpmv_job *J = G->J;
    const sb_t *xin = J->xin;
    if (g == 0) {
        /* the diagonal products, then the group's columns onto x itself */
        if (!J->unit)
            for (blas_int j = 0; j < J->n; j++)
                if (xin[j] != 0)
                    J->x[(ptrdiff_t)j * J->incx] =
                        xin[j] * sb_conj_if(J->cj, *sb_l2p_locate(SB_L2P_PACKED, J->upper, J->n, 0, J->ap, 0, j).diag);
        for (blas_int j = G->cb[0]; j < G->cb[1]; j++)
            if (xin[j] != 0) column_onto(J, j, xin[j], J->x, 0, J->incx);
        return;
    }
    if (!G->used[g]) return;
    sb_t *y = G->part + G->at[g];
    for (blas_int i = 0; i < G->hi[g] - G->lo[g]; i++) y[i] = 0;
    for (blas_int j = G->cb[g]; j < G->cb[g + 1]; j++)
        if (xin[j] != 0) column_onto(J, j, xin[j], y, G->lo[g], 1);
}

static void groups_part(void *ctx, int p, int np)
{
    const tpmv_groups *G = ctx;
    for (int g = G->ng * p / np; g < G->ng * (p + 1) / np; g++) group_run(G, g);
}

/* rows [r0, r1) of x add the sums of groups 1.. that reach them, in group order */
static void sums_rows(const tpmv_groups *G, blas_int r0, blas_int r1)
{
    const tpmv_job *J = G->J;
    for (int g = 1; g < G->ng; g++) {
        if (!G->used[g]) continue;
        blas_int lo = SB_MAX(r0, G->lo[g]), hi = SB_MIN(r1, G->hi[g]);
        const sb_t *y = G->part + G->at[g] - G->lo[g];
        for (blas_int i = lo; i < hi; i++) J->x[(ptrdiff_t)i * J->incx] += y[i];
    }
}

static void sums_part(void *ctx, int p, int np)
{
    const tpmv_groups *G = ctx;
    const blas_int n = G->J->n;
    sums_rows(G, (blas_int)((long long)n * p / np), (blas_int)((long long)n * (p + 1) / np));
}

/* The groups of the N form for order n (n >= 4 TPMV_GROUP_COLS): their columns, the rows they
 * reach and where their sums go; returns the elements of those sums. */
static size_t group_layout(tpmv_groups *G, int upper, blas_int n)
{
    size_t total = 0;
    /* a power of two, so that 2, 4, 8 or 16 threads get equal shares (5 groups on 2 threads ran
     * no faster than the split by rows) */
    G->ng = 1;
    while (2 * G->ng <= TPMV_GROUPS_MAX && 2 * G->ng * TPMV_GROUP_COLS <= n) G->ng *= 2;
    for (int g = 0; g <= G->ng; g++) G->cb[g] = sb_l2u_tri_part_start(upper, n, g, G->ng);
    for (int g = 0; g < G->ng; g++) {
        /* off the diagonal: lower column j reaches rows j+1.., upper rows ..j-1 */
        G->lo[g] = upper ? 0 : SB_MIN(n, G->cb[g] + 1);
        G->hi[g] = upper ? SB_MAX(0, G->cb[g + 1] - 1) : n;
        G->at[g] = total;
        if (g > 0) total += (size_t)(G->hi[g] - G->lo[g]);
    }
    return total;
}

/* The N form by groups laid out by group_layout, the sums in part (its size). */
static void n_form_groups(const tpmv_job *J, int nt, const tpmv_groups *layout, sb_t *part)
{
    tpmv_groups G = *layout;
    G.J = J;
    G.part = part;
    for (int g = 0; g < G.ng; g++) {
        G.used[g] = 0;
        for (blas_int j = G.cb[g]; j < G.cb[g + 1] && !G.used[g]; j++) G.used[g] = J->xin[j] != 0;
    }
    G.nt = nt < G.ng ? nt : G.ng;
    if (G.nt > 1) {
        sb_parallel_run(G.nt, groups_part, &G);
        sb_parallel_run(G.nt, sums_part, &G);
    } else {
        for (int g = 0; g < G.ng; g++) group_run(&G, g);
        sums_rows(&G, 0, J->n);
    }
}

void SB_NAME(tpmv)(int upper, int op, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx)
{
    /* as gemv weighs a product of the same size (GEMV_W = 2 flop equivalents per flop) */
    double w = 2.0 * (SB_IS_COMPLEX ? 8.0 : 2.0) * (double)n * (double)n / 2;
    int nt = n >= 128 ? sb_threads_for(w) : 1;
    /* the N form by groups: their sums after the copy of x */
    const int grouped = (op == SB_OP_N || op == SB_OP_R) && n >= 4 * TPMV_GROUP_COLS;
    tpmv_groups layout;
    const size_t sums = grouped ? group_layout(&layout, upper, n) : 0;
    sb_t *copy = NULL;
    int owned = 0;
    if (n >= 128) copy = sb_workspace_get(((size_t)n + sums) * sizeof(sb_t), &owned);
    if (!copy) {
        if (upper) sb_l2p_tri_generic(SB_L2P_PACKED, 1, op, unit, n, 0, ap, 0, x, incx);
        else sb_l2p_tri_generic(SB_L2P_PACKED, 0, op, unit, n, 0, ap, 0, x, incx);
        return;
    }
    for (blas_int i = 0; i < n; i++) copy[i] = x[(ptrdiff_t)i * incx];
    tpmv_job J = {upper, op, unit, op == SB_OP_N || op == SB_OP_R, op == SB_OP_C || op == SB_OP_R, incx == 1,
                  n, incx, ap, x, copy};
    if (grouped) n_form_groups(&J, nt, &layout, copy + n);
    else if (nt > 1) sb_parallel_run(nt, range_part, &J);
    else range_part(&J, 0, 1);
    sb_workspace_put(copy, owned);
}

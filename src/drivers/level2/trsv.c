/* Triangular solves op(A)*x = b for the three storages (trsv full, tbsv band, tpsv packed), as
 * the reference's loops (the order of a dot's sum aside, below):
 *   op = A or conj(A):       column sweeps, x(i) -= x(j)*A(i,j) (unit-stride axpy down a column),
 *                            skipped when x(j) = 0;
 *   op = A^T or A^H:         x(j) = (x(j) - sum A(i,j)*x(i)) / A(j,j) (a dot down a column).
 * With a unit diagonal A(j,j) is never read.  One body serves every storage: `col(j)` points
 * at a column such that A(i,j) is col[i], and only rows within k of the diagonal exist
 * (k = n - 1 for full and packed storage). With x unit stride the columns go through the kernel
 * table's axpy (the loop's arithmetic: a rounded product, then a rounded sum) and dot (its own
 * order of summation): this file is compiled for the baseline ISA, where the loops ran dtpsv at
 * 0.57-0.84x OpenBLAS's speed (n = 4000, one thread, EPYC Zen 3). Large full-storage solves
 * (trsv) and the large backward packed ones (tpsv upper N, lower T) go in blocks: below. */
#include "drivers/level2_updates.h"
#include "drivers/level2_products.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"
#include "runtime/thread_config.h"

enum { ST_FULL, ST_PACKED, ST_BAND };

static inline const sb_t *colp(int st, int upper, const sb_t *a, blas_int lda, blas_int n, blas_int k,
                               blas_int j)
{
    if (st == ST_FULL) return a + (ptrdiff_t)j * lda;
    if (st == ST_BAND) return a + (ptrdiff_t)j * lda + (upper ? k - j : -j);
    if (upper) return a + (ptrdiff_t)j * (j + 1) / 2;
    return a + (ptrdiff_t)j * (2 * (ptrdiff_t)n - j + 1) / 2 - j;
}

static inline __attribute__((always_inline)) void tsv_body(int st, int upper, int trans, int unit, blas_int n,
                                                            blas_int k, const sb_t *a, blas_int lda, sb_t *x,
                                                            blas_int incx)
{
#define XV(i) x[(ptrdiff_t)(i) * incx]
    const int cj = trans == SB_TR_C || trans == SB_TR_R;
    if (trans == SB_TR_N || trans == SB_TR_R) {
        const SB_CAT3(sb_, SB_P, _axpy_fn) axpy = incx == 1 && !cj ? SB_NAME(axpy_kernel)() : NULL;
        if (upper) {
            for (blas_int j = n - 1; j >= 0; j--) {
                if (XV(j) == 0) continue;
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                if (!unit) XV(j) = XV(j) / sb_conj_if(cj, col[j]);
                sb_t temp = XV(j);
                blas_int lo = j - k > 0 ? j - k : 0;
                if (axpy) axpy(j - lo, -temp, col + lo, x + lo);
                else
                    for (blas_int i = lo; i < j; i++) XV(i) = XV(i) - temp * sb_conj_if(cj, col[i]);
            }
        } else {
            for (blas_int j = 0; j < n; j++) {
                if (XV(j) == 0) continue;
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                if (!unit) XV(j) = XV(j) / sb_conj_if(cj, col[j]);
                sb_t temp = XV(j);
                blas_int hi = (ptrdiff_t)j + k < (ptrdiff_t)n - 1 ? j + k : n - 1;
                if (axpy) axpy(hi - j, -temp, col + j + 1, x + j + 1);
                else
                    for (blas_int i = j + 1; i <= hi; i++) XV(i) = XV(i) - temp * sb_conj_if(cj, col[i]);
            }
        }
    } else {
        const SB_CAT3(sb_, SB_P, _dot_fn) dot = incx == 1 ? SB_NAME(dot_kernel)() : NULL;
        if (upper) {
            for (blas_int j = 0; j < n; j++) {
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                sb_t temp = XV(j);
                blas_int lo = j - k > 0 ? j - k : 0;
                if (dot && j > lo) temp = temp - dot(j - lo, col + lo, x + lo, cj);
                else
                    for (blas_int i = lo; i < j; i++) temp = temp - sb_conj_if(cj, col[i]) * XV(i);
                if (!unit) temp = temp / sb_conj_if(cj, col[j]);
                XV(j) = temp;
            }
        } else {
            for (blas_int j = n - 1; j >= 0; j--) {
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                sb_t temp = XV(j);
                blas_int hi = (ptrdiff_t)j + k < (ptrdiff_t)n - 1 ? j + k : n - 1;
                if (dot && hi > j) temp = temp - dot(hi - j, col + j + 1, x + j + 1, cj);
                else
                    for (blas_int i = hi; i > j; i--) temp = temp - sb_conj_if(cj, col[i]) * XV(i);
                if (!unit) temp = temp / sb_conj_if(cj, col[j]);
                XV(j) = temp;
            }
        }
    }
#undef XV
}

/* Specialise the conjugation and the unit stride so the inner loops are branch-free. */
static inline __attribute__((always_inline)) void tsv(int st, int upper, int trans, int unit, blas_int n,
                                                       blas_int k, const sb_t *a, blas_int lda, sb_t *x,
                                                       blas_int incx)
{
    x += sb_l2u_vstart(n, incx);
#if SB_IS_COMPLEX
    if (trans == SB_TR_C || trans == SB_TR_R) {
        int t = trans == SB_TR_C ? SB_TR_C : SB_TR_R;
        if (incx == 1) tsv_body(st, upper, t, unit, n, k, a, lda, x, 1);
        else tsv_body(st, upper, t, unit, n, k, a, lda, x, incx);
        return;
    }
#else
    if (trans == SB_TR_C) trans = SB_TR_T;
    if (trans == SB_TR_R) trans = SB_TR_N;
#endif
    if (trans == SB_TR_T) {
        if (incx == 1) tsv_body(st, upper, SB_TR_T, unit, n, k, a, lda, x, 1);
        else tsv_body(st, upper, SB_TR_T, unit, n, k, a, lda, x, incx);
    } else {
        if (incx == 1) tsv_body(st, upper, SB_TR_N, unit, n, k, a, lda, x, 1);
        else tsv_body(st, upper, SB_TR_N, unit, n, k, a, lda, x, incx);
    }
}

/* Full storage in blocks of TRSV_NB unknowns, in the order the solve needs them (op(A) lower:
 * first block first; upper: last first), with the products outside the blocks' triangles by
 * gemv (the kernel table's vector kernels; threads where it pays; a fixed order per element, so
 * the same bits at every thread count), always on the tall strip of A beside a block's triangle
 * (below it for A lower, above it for upper), so that gemv streams long columns:
 *   op(A) = A or conj(A): the block's triangle by the loops above, then the unknowns not yet
 *     solved less the strip times the block's solution, x(rest) -= A(rest, block) * x(block)
 *     (the reference's column sweeps, blocked; a column whose x element is zero is skipped as
 *     there, gemv_n_nonzero_cols);
 *   op(A) = A^T or A^H:   the block's right-hand side less the strip's products with the unknowns
 *     already solved, x(block) -= op(A(solved, block)) * x(solved), then the block's triangle.
 * The loops alone were 0.38-0.80x OpenBLAS's speed (dtrsv T n = 500 6.4 against 17.0 GFLOP/s,
 * one thread, Xeon 6/207); with op(A) = A, the short wide strip of the block's rows (64 elements
 * per column) was 0.5-0.65x OpenBLAS at n = 6000 out of cache (dtrsv U N 9.0 against 18.1 GB/s,
 * one thread, EPYC Zen 3). */
#ifndef TRSV_NB
#define TRSV_NB 64
#endif
/* Threads: a strip's gemv is split over the threads (gemv's own split, so gemv's bits) when the
 * whole solve is worth them (weighed as trmv weighs its product) and the strip is at least
 * TRSV_STRIP_FRACTION of the parallel threshold. gemv alone weighs one strip at a time, and a
 * strip of 64 columns is under its threshold up to n of about 7800: so the solve ran on one
 * thread, at one thread's bandwidth. The strips follow each other a few microseconds apart (the
 * block's triangle in between), so the workers spin from one to the next. dtrsv n = 5000, 2
 * threads, every uplo/trans: 1.30-1.45x the speed of the strips on one thread (EPYC Zen 3, one
 * process, interleaved); n = 2000-3000 about 1.1-1.2x. */
#ifndef TRSV_STRIP_FRACTION
#define TRSV_STRIP_FRACTION 0.125
#endif

void SB_NAME(trsv)(int upper, int trans, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x,
                   blas_int incx)
{
    if (n <= TRSV_NB) {
        tsv(ST_FULL, upper, trans, unit, n, n - 1, a, lda, x, incx);
        return;
    }
    x += sb_l2u_vstart(n, incx);
    if (!SB_IS_COMPLEX && trans == SB_TR_C) trans = SB_TR_T;
    if (!SB_IS_COMPLEX && trans == SB_TR_R) trans = SB_TR_N;
    const int notrans = trans == SB_TR_N || trans == SB_TR_R;
    const int op = trans == SB_TR_N ? SB_OP_N : trans == SB_TR_T ? SB_OP_T : trans == SB_TR_C ? SB_OP_C : SB_OP_R;
    const int forward = notrans ? !upper : upper; /* op(A) lower: the first unknowns first */
    const blas_int nblk = (n + TRSV_NB - 1) / TRSV_NB;
    const double w_elem = 2.0 * (SB_IS_COMPLEX ? 8.0 : 2.0); /* gemv's weight of one element */
    const int nt = sb_threads_for(w_elem * (double)n * (double)n / 2);
    const double strip_min = TRSV_STRIP_FRACTION * sb_config_parallel_threshold();
    for (blas_int q = 0; q < nblk; q++) {
        blas_int b = forward ? q : nblk - 1 - q;
        blas_int i0 = b * TRSV_NB, nb = SB_MIN(TRSV_NB, n - i0), i1 = i0 + nb;
        sb_t *xb = x + (ptrdiff_t)i0 * incx;
        const sb_t *ab = a + i0 + (size_t)i0 * lda;
        /* the strip beside the block: rows [r0, r0 + nr) of the block's columns (for op(A) = A
         * the unknowns still to solve, for A^T those solved) */
        blas_int r0 = upper ? 0 : i1, nr = upper ? i0 : n - i1;
        const sb_t *strip = a + r0 + (size_t)i0 * lda;
        sb_t *xr = x + (ptrdiff_t)r0 * incx;
        const int np = nt > 1 && w_elem * (double)nr * (double)nb >= strip_min ? nt : 1;
        if (!notrans && nr > 0) SB_NAME(gemv_on)(np, op, nr, nb, -1, strip, lda, xr, incx, 1, xb, incx);
        if (incx < 0) /* tsv takes the vector as the interface does: from its first element in memory */
            tsv(ST_FULL, upper, trans, unit, nb, nb - 1, ab, lda, xb + (ptrdiff_t)(nb - 1) * incx, incx);
        else tsv(ST_FULL, upper, trans, unit, nb, nb - 1, ab, lda, xb, incx);
        if (notrans && nr > 0) SB_NAME(gemv_n_nonzero_cols_on)(np, op, nr, nb, -1, strip, lda, xb, incx, xr, incx);
    }
}

void SB_NAME(tbsv)(int upper, int trans, int unit, blas_int n, blas_int k, const sb_t *a, blas_int lda,
                   sb_t *x, blas_int incx)
{
    tsv(ST_BAND, upper, trans, unit, n, k, a, lda, x, incx);
}

/* Packed storage, upper N and lower T (the forms whose reference loops read packed storage
 * backward), from n = TPSV_BLOCKED_MIN on: in blocks as trsv, each block's triangle copied to
 * full storage and solved there, the strip beside it column by column (the kernel table's axpy
 * or dot down each column's part beside the block, where x has unit stride), the columns of a
 * block in increasing order, so that packed storage is read forward within a block. dtpsv, one
 * thread, against the loops (EPYC Zen 3, one process, interleaved): n = 2000 1.15-1.23x, 3000
 * 1.06-1.21x, 5000 1.07-1.15x; but n = 1000 0.92x and 200 0.57x (the copies and the short
 * strips), and the forward forms gained nothing. Every element gets the strip's updates block by
 * block in the solve's order, within a block in increasing column order (no threads here). */
#ifndef TPSV_BLOCKED_MIN
#define TPSV_BLOCKED_MIN 1536
#endif
static void tpsv_blocked(int upper, int trans, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx,
                         sb_t *tri)
{
    const int notrans = trans == SB_TR_N || trans == SB_TR_R, cj = trans == SB_TR_C || trans == SB_TR_R;
    const int forward = notrans ? !upper : upper; /* op(A) lower: the first unknowns first */
    const SB_CAT3(sb_, SB_P, _axpy_fn) axpy = incx == 1 && !cj ? SB_NAME(axpy_kernel)() : NULL;
    const SB_CAT3(sb_, SB_P, _dot_fn) dot = incx == 1 ? SB_NAME(dot_kernel)() : NULL;
    const blas_int nblk = (n + TRSV_NB - 1) / TRSV_NB;
#define XV(i) x[(ptrdiff_t)(i) * incx]
    for (blas_int q = 0; q < nblk; q++) {
        blas_int b = forward ? q : nblk - 1 - q;
        blas_int i0 = b * TRSV_NB, nb = SB_MIN(TRSV_NB, n - i0), i1 = i0 + nb;
        blas_int r0 = upper ? 0 : i1, r1 = upper ? i0 : n; /* the strip's rows */
        if (!notrans)
            for (blas_int j = i0; j < i1; j++) {
                const sb_t *col = colp(ST_PACKED, upper, ap, 0, n, n - 1, j);
                sb_t temp = XV(j);
                if (dot && r1 > r0) temp = temp - dot(r1 - r0, col + r0, x + r0, cj);
                else
                    for (blas_int i = r0; i < r1; i++) temp = temp - sb_conj_if(cj, col[i]) * XV(i);
                XV(j) = temp;
            }
        /* the block's triangle (the other triangle of the copy is never read) */
        for (blas_int j = i0; j < i1; j++) {
            const sb_t *col = colp(ST_PACKED, upper, ap, 0, n, n - 1, j);
            for (blas_int i = upper ? i0 : j; i <= (upper ? j : i1 - 1); i++)
                tri[(i - i0) + (size_t)(j - i0) * TRSV_NB] = col[i];
        }
        sb_t *xb = x + (ptrdiff_t)i0 * incx;
        if (incx < 0) /* tsv takes the vector as the interface does: from its first element in memory */
            tsv(ST_FULL, upper, trans, unit, nb, nb - 1, tri, TRSV_NB, xb + (ptrdiff_t)(nb - 1) * incx, incx);
        else tsv(ST_FULL, upper, trans, unit, nb, nb - 1, tri, TRSV_NB, xb, incx);
        if (notrans)
            for (blas_int j = i0; j < i1; j++) {
                sb_t temp = XV(j);
                if (temp == 0) continue; /* the reference skips the column */
                const sb_t *col = colp(ST_PACKED, upper, ap, 0, n, n - 1, j);
                if (axpy && r1 > r0) axpy(r1 - r0, -temp, col + r0, x + r0);
                else
                    for (blas_int i = r0; i < r1; i++) XV(i) = XV(i) - temp * sb_conj_if(cj, col[i]);
            }
    }
#undef XV
}

void SB_NAME(tpsv)(int upper, int trans, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx)
{
    const int backward = (trans == SB_TR_N || trans == SB_TR_R) ? upper : !upper;
    int owned = 0;
    sb_t *tri = backward && n >= TPSV_BLOCKED_MIN ? sb_workspace_get(sizeof(sb_t) * TRSV_NB * TRSV_NB, &owned) : NULL;
    if (!tri) { /* forward, small, or no memory for the block: the reference's loops */
        tsv(ST_PACKED, upper, trans, unit, n, n - 1, ap, 0, x, incx);
        return;
    }
    if (!SB_IS_COMPLEX && trans == SB_TR_C) trans = SB_TR_T;
    if (!SB_IS_COMPLEX && trans == SB_TR_R) trans = SB_TR_N;
    tpsv_blocked(upper, trans, unit, n, ap, x + sb_l2u_vstart(n, incx), incx, tri);
    sb_workspace_put(tri, owned);
}

/* ?GETRF: LU factorization with partial pivoting, A = P L U, by recursion on the columns
 * (Gustavson / Toledo, as LAPACK's ?getrf2 but with the recursion itself doing the whole
 * matrix):
 *
 *   [A11 A12]   factor the left n1 columns [A11; A21] recursively (pivots in ipiv(1:n1)),
 *   [A21 A22]   apply those interchanges to [A12; A22], A12 := L11^-1 A12, A22 -= A21 A12,
 *               factor A22 recursively, apply its interchanges back to A21.
 *
 * Every update is one large gemm (or a triangular solve that is itself gemm by recursion), so
 * the panel factorization at each level is not a serial phase: the panel is factored by the
 * same recursion, its updates are parallel gemms too, and only the narrow leaves (GETRF_LEAF
 * columns) are level-2 loops. The interchanges are parallel over columns (lp_laswp).
 * From GETRF_BLOCKED_MIN rows and columns on, the recursion factors panels only and a blocked
 * right-looking loop with look-ahead does the rest (see blocked() below).
 *
 * Contract as the reference: the pivot of a column is the first element of largest |.| (|re| +
 * |im| for complex, as i?amax); a zero pivot is recorded in info (the first one) and the
 * factorization goes on; column scaling multiplies by the reciprocal of the pivot unless the
 * pivot is below the safe minimum, where it divides. */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"
#include "kernels/kernels.h"
#include "runtime/parallel.h"

#include <stdlib.h>

#define GETRF_LEAF 8
/* Blocked with look-ahead from this many columns (and rows) on; below it the plain recursion. */
#define GETRF_BLOCKED_MIN 384
/* Panel width of the blocked loop. */
#define GETRF_NB 192
/* Width of the first panel, which nothing overlaps: while it is factored (level-2 leaves, small
 * gemms) a second thread has little to do, and the look-ahead starts only after it. Narrower, it
 * passes sooner and the first step's update (k = 64 instead of 192) runs on every thread. On
 * the Xeon 6/207, best of 5 interleaved, GFLOP/s, 192 -> 64: two threads n = 400 36.7 -> 47.5,
 * 600 57.6 -> 65.1, 800 75.3 -> 82.7, 1000 86.6 -> 95.8 and 88.8 -> 95.4, 1500 105.7 -> 107.0,
 * 2000 114.6 -> 116.2, 4000 128.6 -> 129.7; one thread n = 400..2000 within -1.6..+1.4%. The
 * widths depend on n only, so the bits stay the same at every thread count. */
#define GETRF_FIRST_NB 64
/* With several threads, the trailing columns of a step in chunks of at least this many columns
 * (narrower ones repack A21 too often), and at most this many chunks. */
#define GETRF_MIN_CHUNK 128
#define GETRF_MAX_CHUNKS 256
/* One thread: the trailing update in chunks of this many columns, each given the next step's
 * interchanges and solve while in cache. */
#define GETRF_AHEAD_COLS 128

static inline sb_r absval(sb_t x)
{
#if SB_IS_COMPLEX
    return sb_abs1(x);
#else
    return sb_rabs(x);
#endif
}

/* |x| as the reference's ABS (the modulus for complex), for the safe-minimum test. */
static inline sb_r modulus(sb_t x)
{
#if SB_IS_COMPLEX
#if SB_IS_DOUBLE
    return cabs(x);
#else
    return cabsf(x);
#endif
#else
    return sb_rabs(x);
#endif
}

/* The pivot of column x below row j: the first i in [j, m) of largest |x[i]| (as i?amax; a NaN
 * is never larger, so it is chosen only at j itself), by the kernel table's iamax scan started
 * from |x[j]| (vector code: the scalar loop here, in this file's baseline ISA, was 2.6% of
 * dgetrf at n = 1000). */
static blas_int pivot_row(blas_int j, blas_int m, const sb_t *x)
{
    sb_r best = absval(x[j]);
    blas_int k = SB_NAME(iamax_kernel)()(m - j - 1, x + j + 1, &best);
    return k < 0 ? j : j + 1 + k;
}

/* Unblocked right-looking LU of the m x n panel (n small), interchanges applied within the
 * panel only. Returns the first zero pivot (1-based) or 0. */
static blas_int leaf(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    blas_int info = 0, mn = SB_MIN(m, n);
    const SB_CAT3(sb_, SB_P, _axpy_fn) axpy = SB_NAME(axpy_kernel)();
    for (blas_int j = 0; j < mn; j++) {
        sb_t *cj = a + (size_t)j * lda;
        blas_int p = pivot_row(j, m, cj);
        ipiv[j] = p + 1;
        if (cj[p] != 0) {
            if (p != j)
                for (blas_int k = 0; k < n; k++) {
                    sb_t *col = a + (size_t)k * lda;
                    sb_t t = col[j];
                    col[j] = col[p];
                    col[p] = t;
                }
            sb_t piv = cj[j];
            if (modulus(piv) >= SB_SFMIN) {
                sb_t r = 1 / piv;
                for (blas_int i = j + 1; i < m; i++) cj[i] *= r;
            } else {
                for (blas_int i = j + 1; i < m; i++) cj[i] = cj[i] / piv;
            }
        } else if (info == 0) {
            info = j + 1;
        }
        /* rank-1 update of the panel's trailing columns (skipping zero multipliers, as ?ger), by
         * the kernel set's axpy: this file is compiled for the baseline ISA, and the leaves' updates
         * were a tenth of dgetrf's time at n = 1000 in scalar SSE2 code */
        for (blas_int k = j + 1; k < n; k++) {
            sb_t *ck = a + (size_t)k * lda;
            sb_t t = ck[j];
            if (t == 0) continue;
            axpy(m - j - 1, -t, cj + j + 1, ck + j + 1);
        }
    }
    return info;
}

static blas_int rec(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    if (m == 0 || n == 0) return 0;
    blas_int mn = SB_MIN(m, n);
    if (n <= GETRF_LEAF || m == 1) return leaf(m, n, a, lda, ipiv);

    blas_int n1 = mn / 2;
    if (n1 > 32) n1 = n1 / 16 * 16;
    if (n1 < 1) n1 = 1;
    blas_int n2 = n - n1;
    sb_t *a12 = a + (size_t)n1 * lda, *a21 = a + n1, *a22 = a12 + n1;

    blas_int info = rec(m, n1, a, lda, ipiv);
    SB_NAME(lp_laswp)(n2, a12, lda, 1, n1, ipiv, 1);
    SB_NAME(trsm)('L', 'L', 'N', 'U', n1, n2, 1, a, lda, a12, lda);
    SB_NAME(gemm)('N', 'N', m - n1, n2, n1, -1, a21, lda, a12, lda, 1, a22, lda);
    blas_int info2 = rec(m - n1, n2, a22, lda, ipiv + n1);
    if (info == 0 && info2 > 0) info = info2 + n1;
    for (blas_int i = n1; i < mn; i++) ipiv[i] += n1;
    SB_NAME(lp_laswp)(n1, a, lda, n1 + 1, mn, ipiv, 1);
    return info;
}

/* ---- blocked right-looking LU with look-ahead (large matrices) ----
 *
 * Panels of nb columns, the first GETRF_FIRST_NB. After panel k is factored (by the recursion
 * above), the trailing columns are cut into chunks whose widths depend only on the problem:
 * chunk 0 is the next panel, the others share the rest. Each chunk applies panel k's
 * interchanges to its columns, solves with L11 (U12 := L11^-1 A12) and subtracts A21 U12 from
 * its columns: one serial gemm with k = nb. Chunk 0 then also factors the next panel, so while
 * one thread factors it the others update the rest of the matrix (look-ahead of depth one). The
 * chunks are the parts of one sb_parallel_run, so their shapes - and the result - are the same
 * at every thread count; with one thread they simply run in order. The interchanges of each
 * panel are applied to the columns left of it at the end, composed into one permutation per
 * panel block (left_swaps). */

typedef struct {
    blas_int m, n, lda, j, jb, nb, nextw, cw, nchunks;
    const blas_int *bounds; /* NULL, or: part p >= 1 updates columns bounds[p-1]..bounds[p] */
    const sb_t *a21pk;      /* NULL, or the step's A21 packed once for every chunk's gemm */
    sb_t *a;
    blas_int *ipiv;
    blas_int info_next; /* written by part 0 only */
    int presolved;      /* the previous step already did this one's swap_and_solve on every trailing column */
} step_job;

/* The panel at columns j..j+jb on the columns c0..c1 right of it: its interchanges (ipiv holds
 * global 1-based rows), then U12 := L11^-1 A12 on its rows. */
static void swap_and_solve(sb_t *a, blas_int lda, const blas_int *ipiv, blas_int j, blas_int jb, blas_int c0,
                           blas_int c1)
{
    sb_t *cols = a + (size_t)c0 * lda;
    SB_NAME(lp_laswp)(c1 - c0, cols, lda, j + 1, j + jb, ipiv, 1);
    SB_NAME(trsm)('L', 'L', 'N', 'U', jb, c1 - c0, 1, a + j + (size_t)j * lda, lda, cols + j, lda);
}

static void update_cols(const step_job *s, blas_int c0, blas_int c1)
{
    blas_int j = s->j, jb = s->jb, lda = s->lda, w = c1 - c0;
    sb_t *a = s->a, *cols = a + (size_t)c0 * lda;
    if (!s->presolved) swap_and_solve(a, lda, s->ipiv, j, jb, c0, c1);
    if (s->m > j + jb && s->a21pk)
        SB_NAME(gemm_with_packed_a)(s->m - j - jb, w, jb, -1, s->a21pk, 'N', cols + j, lda, 1, cols + j + jb, lda);
    else if (s->m > j + jb)
        SB_NAME(gemm)('N', 'N', s->m - j - jb, w, jb, -1, a + j + jb + (size_t)j * lda, lda, cols + j, lda, 1,
                      cols + j + jb, lda);
}

/* Factor the next panel: rows first.., columns first..first + nextw (global pivots in ipiv). */
static void factor_next(step_job *s)
{
    blas_int first = s->j + s->jb, mm = s->m - first;
    if (mm <= 0) return;
    blas_int *ip = s->ipiv + first;
    sb_t *pa = s->a + first + (size_t)first * s->lda;
    s->info_next = rec(mm, s->nextw, pa, s->lda, ip);
    for (blas_int i = 0; i < SB_MIN(mm, s->nextw); i++) ip[i] += first;
}

static void step_part(void *ctx, int p, int np)
{
    step_job *s = ctx;
    blas_int first = s->j + s->jb;
    if (p == 0) {
        update_cols(s, first, first + s->nextw);
        factor_next(s);
        return;
    }
    blas_int c0, c1;
    if (s->bounds) {
        c0 = s->bounds[p - 1];
        c1 = s->bounds[p];
    } else {
        c0 = first + s->nextw + (blas_int)(p - 1) * s->cw;
        c1 = SB_MIN(s->n, c0 + s->cw);
    }
    if (c0 < c1) update_cols(s, c0, c1);
}

/* Part p of the update alone: columns bounds[p]..bounds[p + 1]. */
static void update_part(void *ctx, int p, int np)
{
    const step_job *s = ctx;
    update_cols(s, s->bounds[p], s->bounds[p + 1]);
}

/* ---- the later panels' interchanges on the columns left of them ----
 *
 * Panel block b (columns c0..c1) still needs the interchanges of every later panel, rows c1..
 * in order. Applied one panel at a time that is one pass over the block's columns per later
 * panel; instead they are composed once into a row permutation (src: row c1 + r of the result
 * is row c1 + src[r] of the block now) and each column is gathered through it in one pass. One
 * part per panel block; the result is a pure data movement, the same at every thread count. */

typedef struct {
    blas_int m, mn, nb, first_nb, lda;
    sb_t *a;
    const blas_int *ipiv;
} left_job;

/* Columns of panel block p: the first panel is first_nb wide, the others nb. */
static void panel_cols(const left_job *L, int p, blas_int *c0, blas_int *c1)
{
    *c0 = p == 0 ? 0 : L->first_nb + (blas_int)(p - 1) * L->nb;
    *c1 = SB_MIN(p == 0 ? L->first_nb : *c0 + L->nb, L->mn);
}

static void left_part(void *ctx, int p, int np)
{
    const left_job *L = ctx;
    blas_int c0, c1;
    panel_cols(L, p, &c0, &c1);
    blas_int r = L->m - c1;
    blas_int *src = malloc(sizeof(blas_int) * (size_t)r);
    sb_t *buf = malloc(sizeof(sb_t) * (size_t)r);
    if (!src || !buf) {
        /* no memory: the same interchanges, one at a time */
        free(src);
        free(buf);
        SB_NAME(lp_laswp)(c1 - c0, L->a + (size_t)c0 * L->lda, L->lda, c1 + 1, L->mn, L->ipiv, 1);
        return;
    }
    for (blas_int i = 0; i < r; i++) src[i] = i;
    for (blas_int i = c1; i < L->mn; i++) {
        blas_int q = L->ipiv[i] - 1 - c1, t = src[i - c1];
        src[i - c1] = src[q];
        src[q] = t;
    }
    /* rows from lo on are not moved by any of the interchanges */
    blas_int lo = r;
    while (lo > 0 && src[lo - 1] == lo - 1) lo--;
    for (blas_int j = c0; j < c1; j++) {
        sb_t *col = L->a + c1 + (size_t)j * L->lda;
        for (blas_int i = 0; i < lo; i++) buf[i] = col[src[i]];
        for (blas_int i = 0; i < lo; i++) col[i] = buf[i];
    }
    free(src);
    free(buf);
}

static void left_swaps(blas_int m, blas_int mn, blas_int nb, blas_int first_nb, sb_t *a, blas_int lda,
                       const blas_int *ipiv)
{
    left_job L = {m, mn, nb, first_nb, lda, a, ipiv};
    if (first_nb >= mn) return; /* one panel: no later interchanges */
    /* the panel blocks that have a later panel (the last one has none) */
    int np = 1 + (int)((mn - first_nb - 1) / nb);
    double moves = 0;
    for (int p = 0; p < np; p++) {
        blas_int c0, c1;
        panel_cols(&L, p, &c0, &c1);
        moves += (double)(c1 - c0) * (double)(m - c1);
    }
    if (sb_threads_for(24.0 * moves) <= 1) {
        for (int p = 0; p < np; p++) left_part(&L, p, np);
    } else {
        sb_parallel_run_writing(np, left_part, &L, a, sizeof(sb_t), m, mn, lda);
    }
}

static blas_int blocked(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    blas_int mn = SB_MIN(m, n);
    /* measured: 192 beats 128 and 256 from 500 to 4000 (k = 192 suits gemm, panels stay short) */
    blas_int nb = GETRF_NB;
    /* the first panel, by the recursion (its gemms are parallel) */
    blas_int jb = SB_MIN(GETRF_FIRST_NB, mn);
    blas_int info = rec(m, jb, a, lda, ipiv);
    /* each step's A21 packed once, for all its chunks (without the buffer: gemm packs per chunk) */
    size_t pksize = SB_NAME(gemm_a_packed_size)(m, nb);
    sb_t *a21pk = pksize ? malloc(pksize * sizeof(sb_t)) : NULL;
    blas_int j = 0;
    int presolved = 0;
    while (j + jb < n) {
        step_job s;
        s.m = m;
        s.n = n;
        s.lda = lda;
        s.a = a;
        s.ipiv = ipiv;
        s.j = j;
        s.jb = jb;
        s.nb = nb;
        s.info_next = 0;
        s.presolved = presolved;
        blas_int first = j + jb;
        s.a21pk = NULL;
        if (a21pk && m > first && jb <= nb) {
            SB_NAME(gemm_pack_a_for)('N', m - first, jb, a + first + (size_t)j * lda, lda, a21pk);
            s.a21pk = a21pk;
        }
        /* the next panel exists only while there are rows left to pivot on */
        /* (past the last row - a wide matrix - the remaining columns get one last update) */
        s.nextw = first < mn ? SB_MIN(nb, mn - first) : n - first;
        blas_int rest = n - first - s.nextw;
        /* the rest in chunks of at least 2 nb columns, at most 8 of them, multiples of 16 */
        blas_int cw = (rest + 7) / 8;
        cw = (cw + 15) / 16 * 16;
        if (cw < 2 * nb) cw = 2 * nb;
        s.cw = cw;
        s.nchunks = rest > 0 ? (rest + cw - 1) / cw : 0;
        double flops = 2.0 * (double)(m - j) * (double)(n - first) * (double)jb;
        int np = 1 + (int)s.nchunks;
        int nt = sb_threads_for(flops);
        s.bounds = NULL;
        blas_int bounds[GETRF_MAX_CHUNKS + 1];
        if (nt > 1 && rest > 0) {
            /* Several threads: chunks that shrink toward the end of the step (each 1/nt of
             * what is left, parts are handed out in order), so that the threads finish the
             * step together instead of one waiting on the last equal chunk. Which columns share
             * a chunk never changes a column's arithmetic (each column's laswp, trsm and gemm
             * are independent of the others), so the result stays the same bitwise as with one
             * thread, which keeps the equal chunks above. */
            blas_int c = first + s.nextw, left = rest;
            int k = 0;
            bounds[0] = c;
            while (left > 0) {
                blas_int w = (left + nt - 1) / nt;
                w = (w + 15) / 16 * 16;
                if (w < GETRF_MIN_CHUNK) w = GETRF_MIN_CHUNK;
                if (w > left || k == GETRF_MAX_CHUNKS - 1) w = left;
                c += w;
                left -= w;
                bounds[++k] = c;
            }
            s.bounds = bounds;
            np = 1 + k;
        }
        int presolve_next = 0;
        if (nt <= 1) {
            /* On this thread the next panel is factored (part 0) before the rest is updated, so
             * its pivots are known there: the rest goes in chunks of GETRF_AHEAD_COLS columns,
             * each given the next step's swap_and_solve right after this step's update, while
             * it is still in cache (the next step then skips it). The A21 pack is shared by
             * the chunks. A column's operations and their order are those of the plain loop,
             * so the bits are the same (see above). */
            step_part(&s, 0, np);
            presolve_next = first < mn && rest > 0;
            /* (without the shared A21 pack, gemm would pack it per chunk: then one chunk) */
            blas_int chunk = s.a21pk ? GETRF_AHEAD_COLS : SB_MAX(rest, 1);
            for (blas_int c0 = first + s.nextw; c0 < n; c0 += chunk) {
                blas_int c1 = SB_MIN(n, c0 + chunk);
                update_cols(&s, c0, c1);
                if (presolve_next) swap_and_solve(a, lda, ipiv, first, s.nextw, c0, c1);
            }
        } else if (rest == 0) {
            /* The last panel (of a wide matrix: the last columns): nothing is left to overlap its
             * factorization with, and part 0 alone ran the whole step. Its columns are updated
             * on every thread, then it is factored here, where its gemms and solves take the
             * threads themselves. The same operations on every column, so the same bits. On
             * the Xeon 6/207, two threads, best of 7 interleaved: dgetrf n = 400 +8%, 500 +3%,
             * 600 +8%, 800 +3%, 1000 +0.6%. (Doing the same one step earlier, where part 0's
             * panel also outweighs the rest, lost 1-10% at n = 400..1000.) */
            blas_int c = first, cols = s.nextw + rest, w = (cols + nt - 1) / nt;
            w = SB_MAX(16, (w + 15) / 16 * 16);
            int k = 0;
            bounds[0] = c;
            while (c < first + cols) {
                c = SB_MIN(first + cols, c + w);
                bounds[++k] = c;
            }
            s.bounds = bounds;
            sb_parallel_run_writing(k, update_part, &s, s.a, sizeof(sb_t), s.m, s.n, s.lda);
            if (first < mn) factor_next(&s);
        } else {
            sb_parallel_run_writing(np, step_part, &s, s.a, sizeof(sb_t), s.m, s.n, s.lda);
        }
        if (info == 0 && s.info_next > 0) info = s.info_next + first;
        presolved = presolve_next;
        j = first;
        jb = s.nextw;
        if (j >= mn) break;
    }
    free(a21pk);
    left_swaps(m, mn, nb, GETRF_FIRST_NB, a, lda, ipiv);
    return info;
}

blas_int SB_NAME(lp_getrf)(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    if (SB_MIN(m, n) >= GETRF_BLOCKED_MIN) return blocked(m, n, a, lda, ipiv);
    return rec(m, n, a, lda, ipiv);
}

SB_API void SB_F77(getrf)(const blas_int *m, const blas_int *n, sb_t *a, const blas_int *lda, blas_int *ipiv,
                          blas_int *info)
{
    *info = 0;
    if (*m < 0) *info = -1;
    else if (*n < 0) *info = -2;
    else if (*lda < SB_MAX(1, *m)) *info = -4;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "GETRF", -*info);
        return;
    }
    if (*m == 0 || *n == 0) return;
    *info = SB_NAME(lp_getrf)(*m, *n, a, *lda, ipiv);
}

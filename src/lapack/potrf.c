/* ?POTRF: Cholesky factorization A = U^H U (uplo 'U') or A = L L^H (uplo 'L').
 *
 * Up to POTRF_BLOCKED_MIN, by recursion:
 *
 *   lower: L11 := chol(A11); A21 := A21 L11^-H; A22 -= A21 A21^H; L22 := chol(A22)
 *   upper: U11 := chol(A11); A12 := U11^-H A12; A22 -= A12^H A12; U22 := chol(A22)
 *
 * The solves and the rank-k updates go through the trsm and syrk/herk drivers (on gemm), so the work is
 * parallel at every level; blocks of at most POTRF_LEAF columns are factored by loops.
 *
 * Larger matrices: blocked right-looking with look-ahead, as getrf.c. Panels of POTRF_NB; after a
 * panel is factored, the trailing update is cut into parts: part 0 updates the next panel (lower:
 * its columns, upper: its rows) and then factors it, while the other parts update the rest of the
 * trailing matrix in column chunks. One sb_parallel_run per step, so the next panel's
 * factorization (a serial phase in the recursion) overlaps the bulk of the update. The chunks
 * depend on n only, never on the thread count, so the result is bitwise the same at every thread
 * count. On one or two threads (POTRF_DIRECT_MAX_THREADS) a step is instead one update of the
 * whole trailing matrix, then the next panel: with two threads that was faster at every order.
 *
 * Contract as the reference (?potrf2): a diagonal element, after the updates from the columns
 * before it, that is not positive or is NaN stops the factorization; info is its (1-based)
 * order and it is left in A as computed (not square-rooted). The recursion touches nothing after
 * it; the blocked form has by then also applied the earlier panels' updates to the trailing
 * matrix (as LAPACK's right-looking variants do; the reference's values there are unspecified
 * too). For complex matrices only the real part of the diagonal is used; the factor's diagonal
 * is real. Only the uplo triangle is read or written. */
#include "drivers/level3_structured.h"
#include "drivers/level3.h"
#include "lapack/lapack.h"
#include "runtime/parallel.h"

/* Columns factored by the loops of leaf(). 32: fewer small trsm and syrk calls, whose packing and
 * set-up cost more than the loops save (EPYC family 25 model 1, Zen 3, one thread, CPU time, best
 * of 200 calls, us, 16 -> 32: dpotrf L n = 50 9.4 -> 8.2, 100 31 -> 28.4, 200 121.7 -> 116.5,
 * 400 655 -> 643; U 50 10.0 -> 8.8, 100 33.2 -> 31.7, 200 137 -> 135; OpenBLAS L 6.3, 21, 104,
 * 612). A leaf whose updates go through the kernel table's axpy ran no faster (the calls on
 * columns of 1-31 elements cost what the vector code saves). */
#define POTRF_LEAF 32
/* Blocked with look-ahead from this order on; panel width; trailing chunks of at least
 * POTRF_MIN_CHUNK columns, at most POTRF_MAX_CHUNKS of them (multiples of 16). */
#define POTRF_BLOCKED_MIN 512
#define POTRF_NB 192
#define POTRF_MIN_CHUNK 384
#define POTRF_MAX_CHUNKS 8
/* Up to this many threads a step is the update of the whole trailing matrix, then the next
 * panel, with no look-ahead (measured on two threads, see blocked()). More threads keep the
 * look-ahead: their shares of the update shrink while the panel's recursion stays serial, and
 * no machine with more than two cores has been at hand to compare the two. */
#define POTRF_DIRECT_MAX_THREADS 2

static blas_int leaf(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t *ajj = a + j + (size_t)j * lda;
        sb_r d = sb_creal(*ajj);
        if (d <= 0 || sb_lp_isnan(d)) return j + 1; /* left as updated, as the reference */
        d = sb_rsqrt(d);
        *ajj = d;
        if (uplo == 'L') {
            /* column below the diagonal, then the trailing lower triangle */
            for (blas_int i = j + 1; i < n; i++) a[i + (size_t)j * lda] = a[i + (size_t)j * lda] / d;
            for (blas_int k = j + 1; k < n; k++) {
                sb_t t = sb_conj(a[k + (size_t)j * lda]);
                sb_t *ck = a + (size_t)k * lda;
                ck[k] = sb_creal(ck[k]) - sb_creal(a[k + (size_t)j * lda] * t);
                for (blas_int i = k + 1; i < n; i++) ck[i] -= a[i + (size_t)j * lda] * t;
            }
        } else {
            /* row right of the diagonal, then the trailing upper triangle */
            for (blas_int k = j + 1; k < n; k++) a[j + (size_t)k * lda] = a[j + (size_t)k * lda] / d;
            for (blas_int k = j + 1; k < n; k++) {
                sb_t *ck = a + (size_t)k * lda;
                sb_t t = ck[j];
                for (blas_int i = j + 1; i < k; i++) ck[i] -= sb_conj(a[j + (size_t)i * lda]) * t;
                ck[k] = sb_creal(ck[k]) - sb_creal(sb_conj(t) * t);
            }
        }
    }
    return 0;
}

static blas_int rec(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= POTRF_LEAF) return leaf(uplo, n, a, lda);
    blas_int n1 = n / 2;
    if (n1 > 32) n1 = n1 / 16 * 16;
    blas_int n2 = n - n1;
    sb_t *a22 = a + n1 + (size_t)n1 * lda;
    blas_int info = rec(uplo, n1, a, lda);
    if (info) return info;
    if (uplo == 'L') {
        sb_t *a21 = a + n1;
        SB_NAME(trsm)('R', 'L', SB_TRANS_C, 'N', n2, n1, 1, a, lda, a21, lda);
        SB_NAME(syrk)('L', 'N', SB_IS_COMPLEX, n2, n1, -1, a21, lda, 1, a22, lda);
    } else {
        sb_t *a12 = a + (size_t)n1 * lda;
        SB_NAME(trsm)('L', 'U', SB_TRANS_C, 'N', n1, n2, 1, a, lda, a12, lda);
        SB_NAME(syrk)('U', SB_TRANS_C, SB_IS_COMPLEX, n2, n1, -1, a12, lda, 1, a22, lda);
    }
    info = rec(uplo, n2, a22, lda);
    return info ? info + n1 : 0;
}

/* ---- blocked right-looking with look-ahead ---- */

typedef struct {
    char uplo;
    blas_int n, lda, j, jb, nextw, cw;
    sb_t *a;
    blas_int info_next; /* written by part 0 only */
} step_job;

#define AT(s, i, k) ((s)->a + (i) + (size_t)(k) * (s)->lda)

/* Factor the panel at [p, p + w): its diagonal block by the recursion, then (lower) the columns
 * below it or (upper) the rows right of it by a solve. Returns the recursion's info. */
static blas_int panel(char uplo, blas_int n, sb_t *a, blas_int lda, blas_int p, blas_int w)
{
    sb_t *d = a + p + (size_t)p * lda;
    blas_int info = rec(uplo, w, d, lda);
    if (info || p + w >= n) return info;
    if (uplo == 'L') SB_NAME(trsm)('R', 'L', SB_TRANS_C, 'N', n - p - w, w, 1, d, lda, d + w, lda);
    else SB_NAME(trsm)('L', 'U', SB_TRANS_C, 'N', w, n - p - w, 1, d, lda, d + (size_t)w * lda, lda);
    return 0;
}

/* Subtract the current panel's product from the trailing columns [c0, c1), rows r0.. (the
 * diagonal block by syrk/herk on its triangle, the rest by gemm). Lower: rows c0..n-1; upper:
 * rows r0..c1-1, the part above the diagonal block from row r0 on. */
static void update_cols(const step_job *s, blas_int r0, blas_int c0, blas_int c1)
{
    blas_int j = s->j, jb = s->jb, w = c1 - c0, lda = s->lda;
    if (w <= 0) return;
    if (s->uplo == 'L') {
        SB_NAME(syrk)('L', 'N', SB_IS_COMPLEX, w, jb, -1, AT(s, c0, j), lda, 1, AT(s, c0, c0), lda);
        if (s->n > c1)
            SB_NAME(gemm)('N', SB_TRANS_C, s->n - c1, w, jb, -1, AT(s, c1, j), lda, AT(s, c0, j), lda, 1,
                          AT(s, c1, c0), lda);
    } else {
        if (c0 > r0)
            SB_NAME(gemm)(SB_TRANS_C, 'N', c0 - r0, w, jb, -1, AT(s, j, r0), lda, AT(s, j, c0), lda, 1,
                          AT(s, r0, c0), lda);
        SB_NAME(syrk)('U', SB_TRANS_C, SB_IS_COMPLEX, w, jb, -1, AT(s, j, c0), lda, 1, AT(s, c0, c0), lda);
    }
}

static void step_part(void *ctx, int p, int np)
{
    step_job *s = ctx;
    blas_int first = s->j + s->jb, rest0 = first + s->nextw;
    if (p == 0) {
        if (s->uplo == 'L') {
            update_cols(s, first, first, rest0);
        } else {
            /* the next panel's rows, in every trailing column */
            update_cols(s, first, first, rest0);
            if (s->n > rest0)
                SB_NAME(gemm)(SB_TRANS_C, 'N', s->nextw, s->n - rest0, s->jb, -1, AT(s, s->j, first), s->lda,
                              AT(s, s->j, rest0), s->lda, 1, AT(s, first, rest0), s->lda);
        }
        s->info_next = panel(s->uplo, s->n, s->a, s->lda, first, s->nextw);
        return;
    }
    blas_int c0 = rest0 + (blas_int)(p - 1) * s->cw, c1 = SB_MIN(s->n, c0 + s->cw);
    /* upper: rows above rest0 belong to part 0 */
    update_cols(s, rest0, c0, c1);
}

static blas_int blocked(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    blas_int jb = SB_MIN(POTRF_NB, n);
    blas_int info = panel(uplo, n, a, lda, 0, jb);
    if (info) return info;
    for (blas_int j = 0; j + jb < n;) {
        blas_int first = j + jb, nextw = SB_MIN(POTRF_NB, n - first), rest = n - first - nextw;
        /* the rest in chunks depending on n only (the same at every thread count) */
        blas_int cw = (rest + POTRF_MAX_CHUNKS - 1) / POTRF_MAX_CHUNKS;
        cw = (cw + 15) / 16 * 16;
        if (cw < POTRF_MIN_CHUNK) cw = POTRF_MIN_CHUNK;
        step_job s = {uplo, n, lda, j, jb, nextw, cw, a, 0};
        int np = 1 + (int)(rest > 0 ? (rest + cw - 1) / cw : 0);
        /* flops of the step: the trailing update (about (n-first)^2 jb) and the panel */
        double flops = (SB_IS_COMPLEX ? 4.0 : 1.0) * (double)(n - first) * (double)(n - first) * (double)jb;
        if (sb_threads_for(flops) <= POTRF_DIRECT_MAX_THREADS) {
            /* Without look-ahead: the whole trailing matrix is one syrk (split over the threads
             * by the syrk itself; it packs the panel's rows once and copies its B slivers from
             * them, where part 0's gemm and syrk and the chunks packed them once per part, with
             * part 0's gemm's B operand beside), then the next panel (its solve, too, on every
             * thread). On the Xeon 6/207, best of 4 interleaved, dpotrf L/U, one thread (the
             * parts in order before): n = 1000 +3.4/+3.2%, 2000 +2.1/+3.7%, 4000 +1.5/+2.8%;
             * two threads (look-ahead before), GFLOP/s: n = 600 62.6/57.8 -> 76.6/65.8, 1000
             * 83.5/83.1 -> 93.9/93.8, 1500 104.5/98.7 -> 110.7/110.8, 2000 116.4/101.2 ->
             * 122.2/120.2, 4000 131.9/123.5 -> 137.2/134.8. A column's arithmetic does not
             * depend on which call updates it (syrk's diagonal tiles add in order onto C as gemm
             * does), so the bits are those of the parts below. */
            update_cols(&s, first, first, n);
            s.info_next = panel(uplo, n, a, lda, first, nextw);
        } else {
            sb_parallel_run_writing(np, step_part, &s, a, sizeof(sb_t), n, n, lda);
        }
        if (s.info_next) return s.info_next + first;
        j = first;
        jb = nextw;
    }
    return 0;
}

blas_int SB_NAME(lp_potrf)(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= 0) return 0;
    if (n >= POTRF_BLOCKED_MIN) return blocked(uplo, n, a, lda);
    return rec(uplo, n, a, lda);
}

SB_API void SB_F77(potrf)(const char *uplo, const blas_int *n, sb_t *a, const blas_int *lda, blas_int *info)
{
    char u = sb_lp_upper(uplo);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*lda < SB_MAX(1, *n)) *info = -4;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "POTRF", -*info);
        return;
    }
    *info = SB_NAME(lp_potrf)(u, *n, a, *lda);
}

/* Symmetric / Hermitian rank-2 update (syr2/her2 in full storage, spr2/hpr2 packed), column by
 * column as the reference: column j is skipped when x(j) = y(j) = 0; for her2/hpr2 the diagonal
 * is made real in every column.  Storage handled through a column pointer as in syr.c.
 * Large updates are split by columns over the threads (parts of about equal triangle area): each
 * element is updated once, by the same expression, whichever part owns its column, so the result
 * is the same bits at every thread count. */
#include "drivers/level2_updates.h"

#include <math.h>

#include "kernels/kernels.h"
#include "runtime/parallel.h"

static inline sb_t *col_full(sb_t *a, blas_int lda, int upper, blas_int n, blas_int j)
{
    return a + (ptrdiff_t)j * lda;
}

static inline sb_t *col_packed(sb_t *ap, blas_int unused, int upper, blas_int n, blas_int j)
{
    if (upper) return ap + (ptrdiff_t)j * (j + 1) / 2;
    return ap + (ptrdiff_t)j * (2 * (ptrdiff_t)n - j + 1) / 2 - j;
}

typedef sb_t *(*col_fn)(sb_t *, blas_int, int, blas_int, blas_int);

/* col[i] := col[i] + x(i)*t1 + y(i)*t2 for rows i0 <= i < i1. Unit strides and no conj: the
 * kernel table's axpy twice (the column stays in L1/L2 between the two passes, as OpenBLAS does).
 * Complex: the axpy contract (C's complex product under -fcx-fortran-rules without FMA, then a
 * rounded add) gives the same bits as this loop (built without FMA) in every set, in vector
 * registers of the set's width (zher2 L, 1 thread, CPU time: n = 500 218 -> 134 us, n = 1000
 * 915 -> 695 us). Real: faster than the loop (which the baseline build vectorises with SSE2 only)
 * at every length measured (dsyr2 L, one thread, CPU time, best of 4 interleaved rounds, Xeon 6
 * model 207, ms: n = 1500 0.52 -> 0.49, 2000 0.95 -> 0.88, 3000 2.42 -> 2.16, 4000 6.7-9.3 ->
 * 4.3-6.9; OpenBLAS 0.55, 1.03, 2.49, 7.4). Strided or conjugated vectors: the loop. */
static inline __attribute__((always_inline)) void syr2_col(sb_t *col, blas_int i0, blas_int i1, const sb_t *x,
                                                            blas_int incx, const sb_t *y, blas_int incy, sb_t t1,
                                                            sb_t t2, int cx, SB_NAME(axpy_fn) axpy)
{
    if (incx == 1 && incy == 1 && !cx) {
        if (i1 > i0) {
            axpy(i1 - i0, t1, x + i0, col + i0);
            axpy(i1 - i0, t2, y + i0, col + i0);
        }
        return;
    }
    for (blas_int i = i0; i < i1; i++)
        col[i] = col[i] + sb_conj_if(cx, x[(ptrdiff_t)i * incx]) * t1 + sb_conj_if(cx, y[(ptrdiff_t)i * incy]) * t2;
}

/* columns j0 <= j < j1 */
static inline __attribute__((always_inline)) void syr2_body(blas_int j0, blas_int j1, int upper, blas_int n,
                                                             sb_t alpha, const sb_t *x,
                                                             blas_int incx, const sb_t *y, blas_int incy,
                                                             sb_t *a, blas_int lda, int herm, int cx,
                                                             col_fn colp, SB_NAME(axpy_fn) axpy)
{
#define XV(i) sb_conj_if(cx, x[(ptrdiff_t)(i) * incx])
#define YV(i) sb_conj_if(cx, y[(ptrdiff_t)(i) * incy])
    for (blas_int j = j0; j < j1; j++) {
        sb_t *col = colp(a, lda, upper, n, j);
        sb_t xj = XV(j), yj = YV(j);
        blas_int i0 = upper ? 0 : j + 1, i1 = upper ? j : n; /* off-diagonal rows [i0, i1) */
        if (!herm) {
            if (xj == 0 && yj == 0) continue;
            sb_t t1 = alpha * yj, t2 = alpha * xj;
            col[j] = col[j] + xj * t1 + yj * t2;
            syr2_col(col, i0, i1, x, incx, y, incy, t1, t2, cx, axpy);
        } else {
            if (xj != 0 || yj != 0) {
                sb_t t1 = alpha * sb_conj(yj), t2 = sb_conj(alpha * xj);
                syr2_col(col, i0, i1, x, incx, y, incy, t1, t2, cx, axpy);
                col[j] = sb_make(sb_creal(col[j]) + sb_creal(xj * t1 + yj * t2), 0);
            } else {
                col[j] = sb_make(sb_creal(col[j]), 0);
            }
        }
    }
#undef XV
#undef YV
}

#if SB_IS_COMPLEX
#define SYR2_DISPATCH(COLP)                                                                        \
    do {                                                                                           \
        if (herm) {                                                                                \
            if (conjxy) syr2_body(j0, j1, upper, n, alpha, x, incx, y, incy, a, lda, 1, 1, COLP, axpy);         \
            else if (incx == 1 && incy == 1) syr2_body(j0, j1, upper, n, alpha, x, 1, y, 1, a, lda, 1, 0, COLP, axpy); \
            else syr2_body(j0, j1, upper, n, alpha, x, incx, y, incy, a, lda, 1, 0, COLP, axpy);                \
        } else if (conjxy) {                                                                       \
            syr2_body(j0, j1, upper, n, alpha, x, incx, y, incy, a, lda, 0, 1, COLP, axpy);                     \
        } else if (incx == 1 && incy == 1) {                                                       \
            syr2_body(j0, j1, upper, n, alpha, x, 1, y, 1, a, lda, 0, 0, COLP, axpy);                           \
        } else {                                                                                   \
            syr2_body(j0, j1, upper, n, alpha, x, incx, y, incy, a, lda, 0, 0, COLP, axpy);                     \
        }                                                                                          \
    } while (0)
#else
#define SYR2_DISPATCH(COLP)                                                                        \
    do {                                                                                           \
        if (incx == 1 && incy == 1) syr2_body(j0, j1, upper, n, alpha, x, 1, y, 1, a, lda, 0, 0, COLP, axpy);   \
        else syr2_body(j0, j1, upper, n, alpha, x, incx, y, incy, a, lda, 0, 0, COLP, axpy);                    \
    } while (0)
#endif

typedef struct {
    int upper, herm, conjxy, packed;
    blas_int n, incx, incy, lda;
    sb_t alpha;
    const sb_t *x, *y;
    sb_t *a;
} syr2_job;

static void syr2_cols(const syr2_job *g, blas_int j0, blas_int j1)
{
    const int upper = g->upper, herm = g->herm, conjxy = g->conjxy;
    const blas_int n = g->n, incx = g->incx, incy = g->incy, lda = g->lda;
    const sb_t alpha = g->alpha, *x = g->x, *y = g->y;
    sb_t *a = g->a;
    const SB_NAME(axpy_fn) axpy = SB_NAME(axpy_kernel)();
    (void)herm;
    (void)conjxy;
    if (g->packed) SYR2_DISPATCH(col_packed);
    else SYR2_DISPATCH(col_full);
}

static void syr2_part(void *v, int p, int np)
{
    const syr2_job *g = v;
    syr2_cols(g, sb_l2u_tri_part_start(g->upper, g->n, p, np), sb_l2u_tri_part_start(g->upper, g->n, p + 1, np));
}

/* Flop equivalents per flop for sb_threads_for(). The update reads and writes the stored triangle
 * once; in LAPACK's reductions and in a loop of calls it is in L2/L3, where two cores update it
 * about twice as fast as one. Real: with the default threshold (2e6) a second thread joins from
 * n = 250 on. On the EPYC family 25 model 1 (Zen 3, KVM, 2 vCPUs), dsyr2 L in a loop of calls,
 * GFLOP/s (2 n^2 a call), 2 threads: n = 250 11.6-12.0 -> 17.1-19.1, 300 11.1 -> 17.9-18.3, 500
 * 11.2 -> 18.7-19.7 (1 thread 10.6-11.5; OpenBLAS 2 threads 19.6-21.7); with the weight 4 before
 * (ger's), from n = 707 on. Workers asleep: the parked rules of sb_threads_for keep such a call
 * on one thread. Complex keeps ger's weight (from n = 354 on; not re-measured). */
#ifndef SYR2_W
#define SYR2_W (SB_IS_COMPLEX ? 4.0 : 32.0)
#endif

static void syr2_run(syr2_job *g)
{
    double elems = (double)g->n * (double)(g->n + 1) / 2;
    int np = elems < 4096 ? 1 : sb_threads_for(SYR2_W * (SB_IS_COMPLEX ? 8.0 : 2.0) * elems);
    if (np > g->n) np = (int)g->n;
    if (np > 1) {
        long elems_stored = g->packed ? (long)g->n * (g->n + 1) / 2 : (long)g->n;
        sb_parallel_run_writing(np, syr2_part, g, g->a, sizeof(sb_t), elems_stored, g->packed ? 1 : g->n,
                                g->packed ? elems_stored : g->lda);
    }
    else syr2_cols(g, 0, g->n);
}

void SB_NAME(syr2)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                   blas_int incy, sb_t *a, blas_int lda, int herm, int conjxy)
{
    x += sb_l2u_vstart(n, incx);
    y += sb_l2u_vstart(n, incy);
    syr2_job g = {upper, herm, conjxy, 0, n, incx, incy, lda, alpha, x, y, a};
    syr2_run(&g);
}

void SB_NAME(spr2)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                   blas_int incy, sb_t *ap, int herm, int conjxy)
{
    x += sb_l2u_vstart(n, incx);
    y += sb_l2u_vstart(n, incy);
    syr2_job g = {upper, herm, conjxy, 1, n, incx, incy, 0, alpha, x, y, ap};
    syr2_run(&g);
}

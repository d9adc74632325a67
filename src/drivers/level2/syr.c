/* Symmetric / Hermitian rank-1 update (syr/her in full storage, spr/hpr packed), column by
 * column as the reference: column j is skipped when x(j) = 0; for her/hpr the diagonal is made
 * real in every column (also when x(j) = 0). A unit-stride, unconjugated x runs the column's
 * off-diagonal part through the kernel table's axpy, which rounds the product and the sum
 * separately (kernels.h) as the loop does, so it gives the same bits in wider vectors (dsyr
 * n = 500, one thread, Xeon 6/207: 0.63x OpenBLAS's speed with the loop).
 *
 * Threads: the columns split into ranges of equal area of the stored triangle, one per thread;
 * a column's arithmetic does not depend on which thread runs it, so every split gives the same
 * bits (dsyr n = 5000 on 2 threads: 31 GB/s with one thread's loop, OpenBLAS 46).
 *
 * Both storages are handled by one body: `col` returns a pointer such that element (i, j) of
 * the referenced triangle is col[i] (full: a + j*lda; packed upper: ap + j(j+1)/2; packed
 * lower: ap + j(2n-j+1)/2 - j). */
#include "drivers/level2_updates.h"
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

static inline __attribute__((always_inline)) void syr_body(blas_int j0, blas_int j1, int upper, blas_int n,
                                                            sb_t alpha, const sb_t *x,
                                                            blas_int incx, sb_t *a, blas_int lda, int herm,
                                                            int cx, col_fn colp)
{
    const SB_NAME(axpy_fn) axpy = incx == 1 && !cx ? SB_NAME(axpy_kernel)() : NULL;
#define XV(i) sb_conj_if(cx, x[(ptrdiff_t)(i) * incx])
#define COL_UPDATE(temp)                                                                                      \
    do {                                                                                                      \
        if (axpy) {                                                                                           \
            if (i1 > i0) axpy(i1 - i0, temp, x + i0, col + i0);                                               \
        } else {                                                                                              \
            for (blas_int i = i0; i < i1; i++) col[i] += XV(i) * (temp);                                      \
        }                                                                                                     \
    } while (0)
    for (blas_int j = j0; j < j1; j++) {
        sb_t *col = colp(a, lda, upper, n, j);
        sb_t xj = XV(j);
        blas_int i0 = upper ? 0 : j + 1, i1 = upper ? j : n; /* off-diagonal rows [i0, i1) */
        if (!herm) {
            if (xj == 0) continue;
            sb_t temp = alpha * xj;
            col[j] += xj * temp;
            COL_UPDATE(temp);
        } else {
            if (xj != 0) {
                sb_t temp = alpha * sb_conj(xj);
                COL_UPDATE(temp);
                col[j] = sb_make(sb_creal(col[j]) + sb_creal(xj * temp), 0);
            } else {
                col[j] = sb_make(sb_creal(col[j]), 0);
            }
        }
    }
#undef COL_UPDATE
#undef XV
}

/* Specialise on (herm, conjx, incx == 1) so the common case has a unit-stride inner loop. */
#if SB_IS_COMPLEX
#define SYR_DISPATCH(COLP)                                                                    \
    do {                                                                                      \
        if (herm) {                                                                           \
            if (conjx) syr_body(j0, j1, upper, n, alpha, x, incx, a, lda, 1, 1, COLP);               \
            else if (incx == 1) syr_body(j0, j1, upper, n, alpha, x, 1, a, lda, 1, 0, COLP);         \
            else syr_body(j0, j1, upper, n, alpha, x, incx, a, lda, 1, 0, COLP);                     \
        } else if (conjx) {                                                                   \
            syr_body(j0, j1, upper, n, alpha, x, incx, a, lda, 0, 1, COLP);                          \
        } else if (incx == 1) {                                                               \
            syr_body(j0, j1, upper, n, alpha, x, 1, a, lda, 0, 0, COLP);                             \
        } else {                                                                              \
            syr_body(j0, j1, upper, n, alpha, x, incx, a, lda, 0, 0, COLP);                          \
        }                                                                                     \
    } while (0)
#else
#define SYR_DISPATCH(COLP)                                                                    \
    do {                                                                                      \
        if (incx == 1) syr_body(j0, j1, upper, n, alpha, x, 1, a, lda, 0, 0, COLP);                  \
        else syr_body(j0, j1, upper, n, alpha, x, incx, a, lda, 0, 0, COLP);                         \
    } while (0)
#endif

typedef struct {
    int upper, herm, conjx, packed;
    blas_int n, incx, lda;
    sb_t alpha;
    const sb_t *x;
    sb_t *a;
} syr_job;

static void syr_cols(const syr_job *g, blas_int j0, blas_int j1)
{
    const int upper = g->upper, herm = g->herm, conjx = g->conjx;
    const blas_int n = g->n, incx = g->incx, lda = g->lda;
    const sb_t alpha = g->alpha, *x = g->x;
    sb_t *a = g->a;
    (void)herm;
    (void)conjx;
    if (g->packed) SYR_DISPATCH(col_packed);
    else SYR_DISPATCH(col_full);
}

static void syr_part(void *v, int p, int np)
{
    const syr_job *g = v;
    syr_cols(g, sb_l2u_tri_part_start(g->upper, g->n, p, np), sb_l2u_tri_part_start(g->upper, g->n, p + 1, np));
}

/* Flop equivalents per flop for sb_threads_for(): syr2's (syr2.c), per stored element; the update
 * reads and writes the triangle once, as syr2's does (not measured apart). */
#ifndef SYR_W
#define SYR_W (SB_IS_COMPLEX ? 4.0 : 32.0)
#endif

static void syr_run(const syr_job *g)
{
    double elems = (double)g->n * (double)(g->n + 1) / 2;
    int np = elems < 4096 ? 1 : sb_threads_for(SYR_W * (SB_IS_COMPLEX ? 8.0 : 2.0) * elems);
    if (np > g->n) np = (int)g->n;
    if (np > 1) {
        long stored = g->packed ? (long)g->n * (g->n + 1) / 2 : (long)g->n;
        sb_parallel_run_writing(np, syr_part, (void *)g, g->a, sizeof(sb_t), stored, g->packed ? 1 : g->n,
                                g->packed ? stored : g->lda);
    } else {
        syr_cols(g, 0, g->n);
    }
}

void SB_NAME(syr)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *a, blas_int lda,
                  int herm, int conjx)
{
    x += sb_l2u_vstart(n, incx);
    syr_job g = {upper, herm, conjx, 0, n, incx, lda, alpha, x, a};
    syr_run(&g);
}

void SB_NAME(spr)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *ap, int herm,
                  int conjx)
{
    x += sb_l2u_vstart(n, incx);
    syr_job g = {upper, herm, conjx, 1, n, incx, 0, alpha, x, ap};
    syr_run(&g);
}

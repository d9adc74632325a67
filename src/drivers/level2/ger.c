/* A := alpha*op(x)*op(y)^T + A (ger, geru, gerc; conjy 1: conj(y), 2: conj(x)): one column at
 * a time, skipped when y(j) = 0 as in the reference; the inner loop is a unit-stride axpy down
 * the column when incx = 1 (the kernel table's, unless x is conjugated). */
#include "drivers/level2_updates.h"
#include "kernels/kernels.h"
#include "runtime/parallel.h"

static inline __attribute__((always_inline)) void ger_cols(blas_int m, blas_int n, sb_t alpha, const sb_t *x,
                                                            blas_int incx, const sb_t *y, blas_int incy,
                                                            sb_t *a, blas_int lda, int cj)
{
    /* unit-stride x, not conjugated: the kernel table's axpy loop, which rounds the product and
     * the sum separately (kernels.h) as this loop does, so it gives the same bits */
    SB_NAME(axpy_fn) axpy = incx == 1 && cj != 2 ? SB_NAME(axpy_kernel)() : NULL;
    for (blas_int j = 0; j < n; j++) {
        sb_t yj = y[(ptrdiff_t)j * incy];
        if (yj == 0) continue;
        sb_t temp = alpha * sb_conj_if(cj == 1, yj);
        sb_t *col = a + (ptrdiff_t)j * lda;
        if (axpy) axpy(m, temp, x, col);
        else for (blas_int i = 0; i < m; i++) col[i] += sb_conj_if(cj == 2, x[(ptrdiff_t)i * incx]) * temp;
    }
}

static void ger_serial(blas_int m, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                       blas_int incy, sb_t *a, blas_int lda, int conjy)
{
#if SB_IS_COMPLEX
    if (conjy == 1) {
        if (incx == 1) ger_cols(m, n, alpha, x, 1, y, incy, a, lda, 1);
        else ger_cols(m, n, alpha, x, incx, y, incy, a, lda, 1);
        return;
    }
    if (conjy == 2) {
        ger_cols(m, n, alpha, x, incx, y, incy, a, lda, 2);
        return;
    }
#endif
    if (incx == 1) ger_cols(m, n, alpha, x, 1, y, incy, a, lda, 0);
    else ger_cols(m, n, alpha, x, incx, y, incy, a, lda, 0);
}

/* Large updates are split by columns (each element is updated once, by the same expression,
 * whichever part owns its column). ger reads and writes A once: memory-bound, so the flop
 * count is weighted (GER_W) to place the default threshold (2e6) at m*n of about 250k (real;
 * complex 62k), where one thread needs about 50 us (measured on a 2-core Zen machine). */
#ifndef GER_W
#define GER_W 4.0
#endif

typedef struct {
    blas_int m, n, incx, incy, lda;
    int conjy;
    sb_t alpha;
    const sb_t *x, *y;
    sb_t *a;
} ger_job;

static void ger_part(void *v, int p, int np)
{
    const ger_job *g = v;
    blas_int c0 = (blas_int)((long long)g->n * p / np), c1 = (blas_int)((long long)g->n * (p + 1) / np);
    if (c1 <= c0) return;
    ger_serial(g->m, c1 - c0, g->alpha, g->x, g->incx, g->y + (ptrdiff_t)c0 * g->incy, g->incy,
               g->a + (ptrdiff_t)c0 * g->lda, g->lda, g->conjy);
}

void SB_NAME(ger)(blas_int m, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                  blas_int incy, sb_t *a, blas_int lda, int conjy)
{
    x += sb_l2u_vstart(m, incx);
    y += sb_l2u_vstart(n, incy);
    double mn = (double)m * (double)n;
    int np = mn < 4096 ? 1 : sb_threads_for(GER_W * (SB_IS_COMPLEX ? 8.0 : 2.0) * mn);
    if (np > n) np = (int)n;
    if (np > 1) {
        ger_job g = {m, n, incx, incy, lda, conjy, alpha, x, y, a};
        sb_parallel_run_writing(np, ger_part, &g, a, sizeof(sb_t), m, n, lda);
        return;
    }
    ger_serial(m, n, alpha, x, incx, y, incy, a, lda, conjy);
}

/* Dot products: sum x_i*y_i (sdot, ddot, ?dotu) or conj(x_i)*y_i (?dotc).
 * Chunked (see level1.h): each SB_L1_CHUNK piece is summed by dot_part, the partials are added
 * in chunk order. A unit-stride piece is summed by the kernel table's dot loop (kernels.h: several
 * running sums in a fixed order that depends only on the piece's length); a strided piece in
 * order. Large vectors compute the partials of their chunks in parallel (level1.h) and add them in
 * the same order. */
#include "drivers/level1.h"
#include "kernels/kernels.h"

sb_t SB_NAME(dot_part)(blas_int n, const sb_t *x, ptrdiff_t incx, const sb_t *y, ptrdiff_t incy, int conjx)
{
    if (incx == 1 && incy == 1) return SB_NAME(dot_kernel)()(n, x, y, conjx);
    sb_t s0 = 0;
    if (conjx)
        for (blas_int i = 0; i < n; i++) s0 += sb_conj(x[i * incx]) * y[i * incy];
    else
        for (blas_int i = 0; i < n; i++) s0 += x[i * incx] * y[i * incy];
    return s0;
}

typedef struct {
    const sb_t *x, *y;
    ptrdiff_t incx, incy;
    blas_int n;
    int conjx;
    sb_t *part;
} dot_job;

static void dot_chunk(void *v, blas_int c, int slot)
{
    const dot_job *j = v;
    ptrdiff_t i = (ptrdiff_t)c * SB_L1_CHUNK;
    blas_int len = (blas_int)SB_MIN((ptrdiff_t)SB_L1_CHUNK, j->n - i);
    j->part[slot] = SB_NAME(dot_part)(len, j->x + i * j->incx, j->incx, j->y + i * j->incy, j->incy, j->conjx);
}

static __attribute__((noinline)) sb_t dot_chunked(blas_int n, const sb_t *x, blas_int incx, const sb_t *y,
                                                   blas_int incy, int conjx)
{
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    sb_t sum = 0;
    int np = sb_l1_reduce_parts(n, SB_L1_W_DOT);
    if (np <= 1) {
        for (blas_int i = 0; i < n; i += SB_L1_CHUNK) {
            blas_int len = SB_MIN(SB_L1_CHUNK, n - i);
            sum += SB_NAME(dot_part)(len, x + (ptrdiff_t)i * incx, incx, y + (ptrdiff_t)i * incy, incy, conjx);
        }
        return sum;
    }
    /* the same partials, computed in parallel, added in the same order */
    sb_t part[SB_L1_BATCH];
    dot_job j = {x, y, incx, incy, n, conjx, part};
    blas_int nchunks = (blas_int)(((ptrdiff_t)n + SB_L1_CHUNK - 1) / SB_L1_CHUNK);
    for (blas_int c0 = 0; c0 < nchunks; c0 += SB_L1_BATCH) {
        int nb = (int)SB_MIN((blas_int)SB_L1_BATCH, nchunks - c0);
        sb_l1_run_batch(np, c0, nb, dot_chunk, &j);
        for (int s = 0; s < nb; s++) sum += part[s];
    }
    return sum;
}

sb_t SB_NAME(dot)(blas_int n, const sb_t *x, blas_int incx, const sb_t *y, blas_int incy, int conjx)
{
    /* one unit-stride chunk (LAPACK's usual call) without the chunked driver's frame: the
     * kernel's partial added to the same zero (0 + (-0) is +0, as the chunked sum gives) */
    if (n <= SB_L1_CHUNK && incx == 1 && incy == 1) return (sb_t)0 + SB_NAME(dot_kernel)()(n, x, y, conjx);
    return dot_chunked(n, x, incx, y, incy, conjx);
}

#if defined(SB_PREC_S)
/* Float vectors, products and sums in double (sdsdot, dsdot). */
double sb_s_dsdot_part(blas_int n, const float *x, ptrdiff_t incx, const float *y, ptrdiff_t incy)
{
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    blas_int i = 0;
    if (incx == 1 && incy == 1) {
        for (; i + 4 <= n; i += 4) {
            s0 += (double)x[i] * (double)y[i];
            s1 += (double)x[i + 1] * (double)y[i + 1];
            s2 += (double)x[i + 2] * (double)y[i + 2];
            s3 += (double)x[i + 3] * (double)y[i + 3];
        }
        for (; i < n; i++) s0 += (double)x[i] * (double)y[i];
        return (s0 + s1) + (s2 + s3);
    }
    for (; i < n; i++) s0 += (double)x[i * incx] * (double)y[i * incy];
    return s0;
}

typedef struct {
    const float *x, *y;
    ptrdiff_t incx, incy;
    blas_int n;
    double *part;
} dsdot_job;

static void dsdot_chunk(void *v, blas_int c, int slot)
{
    const dsdot_job *j = v;
    ptrdiff_t i = (ptrdiff_t)c * SB_L1_CHUNK;
    blas_int len = (blas_int)SB_MIN((ptrdiff_t)SB_L1_CHUNK, j->n - i);
    j->part[slot] = sb_s_dsdot_part(len, j->x + i * j->incx, j->incx, j->y + i * j->incy, j->incy);
}

double sb_s_dsdot(blas_int n, const float *x, blas_int incx, const float *y, blas_int incy, double init)
{
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    double sum = init;
    int np = sb_l1_reduce_parts(n, SB_L1_W_DOT);
    if (np <= 1) {
        for (blas_int i = 0; i < n; i += SB_L1_CHUNK) {
            blas_int len = SB_MIN(SB_L1_CHUNK, n - i);
            sum += sb_s_dsdot_part(len, x + (ptrdiff_t)i * incx, incx, y + (ptrdiff_t)i * incy, incy);
        }
        return sum;
    }
    double part[SB_L1_BATCH];
    dsdot_job j = {x, y, incx, incy, n, part};
    blas_int nchunks = (blas_int)(((ptrdiff_t)n + SB_L1_CHUNK - 1) / SB_L1_CHUNK);
    for (blas_int c0 = 0; c0 < nchunks; c0 += SB_L1_BATCH) {
        int nb = (int)SB_MIN((blas_int)SB_L1_BATCH, nchunks - c0);
        sb_l1_run_batch(np, c0, nb, dsdot_chunk, &j);
        for (int s = 0; s < nb; s++) sum += part[s];
    }
    return sum;
}
#endif

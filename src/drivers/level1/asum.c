/* sum |re(x_i)| + |im(x_i)| (sasum, dasum, scasum, dzasum), incx > 0. Chunked as dot; a
 * unit-stride chunk is summed by the kernel table's asum loop (the real precision's, on the 2n
 * reals for complex: a fixed order that depends only on the length). */
#include "drivers/level1.h"
#include "kernels/kernels.h"

sb_r SB_NAME(asum_part)(blas_int n, const sb_t *x, ptrdiff_t incx)
{
    const sb_r *v = (const sb_r *)x;
#if SB_IS_COMPLEX
    const ptrdiff_t m = 2 * (ptrdiff_t)n, step = 2 * incx;
#else
    const ptrdiff_t m = n, step = incx;
#endif
    /* unit stride: the real and imaginary parts are one contiguous array */
    if (incx == 1) return SB_REAL_KERNEL(asum)()((blas_int)m, v);
    sb_r s0 = 0;
    for (ptrdiff_t k = 0; k < n; k++) {
#if SB_IS_COMPLEX
        s0 += sb_rabs(v[k * step]) + sb_rabs(v[k * step + 1]);
#else
        s0 += sb_rabs(v[k * step]);
#endif
    }
    return s0;
}

typedef struct {
    const sb_t *x;
    ptrdiff_t incx;
    blas_int n;
    sb_r *part;
} asum_job;

static void asum_chunk(void *v, blas_int c, int slot)
{
    const asum_job *j = v;
    ptrdiff_t i = (ptrdiff_t)c * SB_L1_CHUNK;
    blas_int len = (blas_int)SB_MIN((ptrdiff_t)SB_L1_CHUNK, j->n - i);
    j->part[slot] = SB_NAME(asum_part)(len, j->x + i * j->incx, j->incx);
}

sb_r SB_NAME(asum)(blas_int n, const sb_t *x, blas_int incx)
{
    sb_r sum = 0;
    int np = sb_l1_reduce_parts(n, SB_L1_W_ASUM);
    if (np <= 1) {
        for (blas_int i = 0; i < n; i += SB_L1_CHUNK) {
            blas_int len = SB_MIN(SB_L1_CHUNK, n - i);
            sum += SB_NAME(asum_part)(len, x + (ptrdiff_t)i * incx, incx);
        }
        return sum;
    }
    /* the same partials, computed in parallel, added in the same order */
    sb_r part[SB_L1_BATCH];
    asum_job j = {x, incx, n, part};
    blas_int nchunks = (blas_int)(((ptrdiff_t)n + SB_L1_CHUNK - 1) / SB_L1_CHUNK);
    for (blas_int c0 = 0; c0 < nchunks; c0 += SB_L1_BATCH) {
        int nb = (int)SB_MIN((blas_int)SB_L1_BATCH, nchunks - c0);
        sb_l1_run_batch(np, c0, nb, asum_chunk, &j);
        for (int s = 0; s < nb; s++) sum += part[s];
    }
    return sum;
}

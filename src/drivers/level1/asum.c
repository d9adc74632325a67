/* sum |re(x_i)| + |im(x_i)| (sasum, dasum, scasum, dzasum), incx > 0. Chunked as dot; a
 * chunk is summed by the kernel table's asum loop (the real precision's, on the 2n reals for
 * complex: a fixed order that depends only on the length), a strided one gathered in blocks of
 * 256 elements whose sums are added in order. */
#include "drivers/level1.h"
#include "kernels/kernels.h"
#include "kernels/generic/level1_gather.h"

sb_r SB_NAME(asum_part)(blas_int n, const sb_t *x, ptrdiff_t incx)
{
    /* unit stride: the real and imaginary parts are one contiguous array */
    if (incx == 1) return SB_REAL_KERNEL(asum)()((1 + SB_IS_COMPLEX) * n, (const sb_r *)x);
    /* strided: gathered in blocks of 256 elements, the blocks' sums added in order */
    enum { BLOCK = 256 };
    sb_t buf[BLOCK];
    sb_r s = 0;
    for (blas_int i0 = 0; i0 < n; i0 += BLOCK) {
        blas_int cnt = SB_MIN(BLOCK, n - i0);
        sb_l1_gather(cnt, x + i0 * incx, incx, buf);
        s += SB_REAL_KERNEL(asum)()((1 + SB_IS_COMPLEX) * cnt, (const sb_r *)buf);
    }
    return s;
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

/* sum |re(x_i)| + |im(x_i)| (sasum, dasum, scasum, dzasum), incx > 0. Chunked as dot. */
#include "drivers/level1.h"

sb_r SB_NAME(asum_part)(blas_int n, const sb_t *x, ptrdiff_t incx)
{
    const sb_r *v = (const sb_r *)x;
#if SB_IS_COMPLEX
    const ptrdiff_t m = 2 * (ptrdiff_t)n, step = 2 * incx;
#else
    const ptrdiff_t m = n, step = incx;
#endif
    sb_r s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    ptrdiff_t i = 0;
    if (incx == 1) {
        /* unit stride: the real and imaginary parts are one contiguous array */
        for (; i + 4 <= m; i += 4) {
            s0 += sb_rabs(v[i]);
            s1 += sb_rabs(v[i + 1]);
            s2 += sb_rabs(v[i + 2]);
            s3 += sb_rabs(v[i + 3]);
        }
        for (; i < m; i++) s0 += sb_rabs(v[i]);
        return (s0 + s1) + (s2 + s3);
    }
    for (ptrdiff_t k = 0; k < n; k++) {
#if SB_IS_COMPLEX
        s0 += sb_rabs(v[k * step]) + sb_rabs(v[k * step + 1]);
#else
        s0 += sb_rabs(v[k * step]);
#endif
    }
    return s0;
}

sb_r SB_NAME(asum)(blas_int n, const sb_t *x, blas_int incx)
{
    sb_r sum = 0;
    for (blas_int i = 0; i < n; i += SB_L1_CHUNK) {
        blas_int len = SB_MIN(SB_L1_CHUNK, n - i);
        sum += SB_NAME(asum_part)(len, x + (ptrdiff_t)i * incx, incx);
    }
    return sum;
}

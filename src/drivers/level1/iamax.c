/* i?amax / i?amin: the 1-based index of the first element with the largest / smallest
 * |re| + |im| (|x| for real), incx > 0, n >= 1. As reference: the first element starts the
 * search and only a strictly larger (smaller) value replaces it, so a NaN first element is the
 * answer and a later NaN never is. */
#include "drivers/level1.h"
#include "kernels/kernels.h"
#include "kernels/generic/level1_gather.h"

blas_int SB_NAME(iamax)(blas_int n, const sb_t *x, blas_int incx)
{
    const ptrdiff_t ix = incx;
    blas_int best = 0;
    sb_r vmax = sb_abs1(x[0]);
    /* the kernel table's loop continues the same scan (kernels.h); a strided x gathered in
     * blocks, the scan carried from block to block */
    SB_NAME(iamax_fn) scan = SB_NAME(iamax_kernel)();
    if (incx == 1) {
        blas_int k = scan(n - 1, x + 1, &vmax);
        return k < 0 ? 1 : k + 2;
    }
    enum { BLOCK = 256 };
    sb_t buf[BLOCK];
    for (blas_int i0 = 1; i0 < n; i0 += BLOCK) {
        blas_int cnt = SB_MIN(BLOCK, n - i0);
        sb_l1_gather(cnt, x + i0 * ix, ix, buf);
        blas_int k = scan(cnt, buf, &vmax);
        if (k >= 0) best = i0 + k;
    }
    return best + 1;
}

blas_int SB_NAME(iamin)(blas_int n, const sb_t *x, blas_int incx)
{
    const ptrdiff_t ix = incx;
    blas_int best = 0;
    sb_r vmin = sb_abs1(x[0]);
    for (blas_int i = 1; i < n; i++) {
        sb_r v = sb_abs1(x[i * ix]);
        if (v < vmin) {
            best = i;
            vmin = v;
        }
    }
    return best + 1;
}

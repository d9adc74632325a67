/* Apply the modified Givens rotation H (param[0] = flag, then h11, h21, h12, h22) to (x, y):
 *   flag < 0: H = [h11 h12; h21 h22];  flag = 0: H = [1 h12; h21 1];  otherwise: H = [h11 1; -1 h22]
 * The caller has returned for n <= 0 and flag == -2. The flag tests are the reference's
 * (a NaN flag takes the last form). */
#include "drivers/level1.h"

#if !SB_IS_COMPLEX
void SB_NAME(rotm)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy, const sb_t *param)
{
    const sb_t flag = param[0];
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    const ptrdiff_t ix = incx, iy = incy;
    if (flag < 0) {
        const sb_t h11 = param[1], h21 = param[2], h12 = param[3], h22 = param[4];
        for (blas_int i = 0; i < n; i++) {
            sb_t w = x[i * ix], z = y[i * iy];
            x[i * ix] = w * h11 + z * h12;
            y[i * iy] = w * h21 + z * h22;
        }
    } else if (flag == 0) {
        const sb_t h21 = param[2], h12 = param[3];
        for (blas_int i = 0; i < n; i++) {
            sb_t w = x[i * ix], z = y[i * iy];
            x[i * ix] = w + z * h12;
            y[i * iy] = w * h21 + z;
        }
    } else {
        const sb_t h11 = param[1], h22 = param[4];
        for (blas_int i = 0; i < n; i++) {
            sb_t w = x[i * ix], z = y[i * iy];
            x[i * ix] = w * h11 + z;
            y[i * iy] = -w + h22 * z;
        }
    }
}
#endif

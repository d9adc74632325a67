/* Portable level-1 unit-stride loops (kernels.h): axpy and dot, in plain C for baseline x86-64.
 * axpy: y[i] += alpha * x[i], a multiply then an add for every element (real), C's complex
 *   product then an add (complex).
 * dot: four running sums over blocks of 4 (element i goes to sum i mod 4, so the compiler can
 *   keep them in one vector), the last n mod 4 elements added to s0 in order, then
 *   (s0 + s1) + (s2 + s3); the shape depends only on n. */
#include "kernels/kernels.h"

#include "common/precision.h"

void SB_NAME(axpy_generic)(blas_int n, sb_t alpha, const sb_t *x, sb_t *y)
{
    for (blas_int i = 0; i < n; i++) y[i] += alpha * x[i];
}

sb_t SB_NAME(dot_generic)(blas_int n, const sb_t *x, const sb_t *y, int conjx)
{
    sb_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    blas_int i = 0;
#if SB_IS_COMPLEX
    if (conjx) {
        for (; i + 4 <= n; i += 4) {
            s0 += sb_conj(x[i]) * y[i];
            s1 += sb_conj(x[i + 1]) * y[i + 1];
            s2 += sb_conj(x[i + 2]) * y[i + 2];
            s3 += sb_conj(x[i + 3]) * y[i + 3];
        }
        for (blas_int k = i; k < n; k++) s0 += sb_conj(x[k]) * y[k];
        return (s0 + s1) + (s2 + s3);
    }
#else
    (void)conjx;
#endif
    for (; i + 4 <= n; i += 4) {
        s0 += x[i] * y[i];
        s1 += x[i + 1] * y[i + 1];
        s2 += x[i + 2] * y[i + 2];
        s3 += x[i + 3] * y[i + 3];
    }
    for (blas_int k = i; k < n; k++) s0 += x[k] * y[k];
    return (s0 + s1) + (s2 + s3);
}

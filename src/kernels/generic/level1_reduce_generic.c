/* Portable level-1 reductions (kernels.h): iamax, asum, nrm2, in plain C for baseline x86-64,
 * the loops the drivers ran before they were kernels (same bits).
 * asum: four running sums over blocks of 4 (element i to sum i mod 4), the last n mod 4 added
 *   to s0 in order, then (s0 + s1) + (s2 + s3).
 * nrm2: the scalar scan of level1_nrm2_blue.h in order, on from the accumulators it is given. */
#include "kernels/kernels.h"

#include "common/precision.h"
#include "kernels/generic/level1_nrm2_blue.h"

blas_int SB_NAME(iamax_generic)(blas_int n, const sb_t *x, sb_r *best)
{
    sb_r vmax = *best;
    blas_int k = -1;
    for (blas_int i = 0; i < n; i++) {
        sb_r v = sb_abs1(x[i]);
        if (v > vmax) {
            k = i;
            vmax = v;
        }
    }
    *best = vmax;
    return k;
}

#if !SB_IS_COMPLEX

sb_r SB_NAME(asum_generic)(blas_int n, const sb_r *x)
{
    sb_r s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    blas_int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += sb_rabs(x[i]);
        s1 += sb_rabs(x[i + 1]);
        s2 += sb_rabs(x[i + 2]);
        s3 += sb_rabs(x[i + 3]);
    }
    for (; i < n; i++) s0 += sb_rabs(x[i]);
    return (s0 + s1) + (s2 + s3);
}

void SB_NAME(nrm2_generic)(blas_int n, const sb_r *x, double acc[3]) { sb_nrm2_blue_scan(n, x, 1, acc); }

#endif

/* Portable level-1 update loops (kernels.h): scal, swap, rot, in plain C for baseline x86-64
 * (no FMA), exactly the loops the drivers ran before they were kernels, so the generic set keeps
 * their bits and the vector sets are held to them. Complex products are C's (-fcx-fortran-rules). */
#include "kernels/kernels.h"

#include "common/precision.h"

void SB_NAME(scal_generic)(blas_int n, sb_t alpha, sb_t *x)
{
    for (blas_int i = 0; i < n; i++) x[i] = alpha * x[i];
}

void SB_NAME(swap_generic)(blas_int n, sb_t *x, sb_t *y)
{
    for (blas_int i = 0; i < n; i++) {
        sb_t t = x[i];
        x[i] = y[i];
        y[i] = t;
    }
}

void SB_NAME(rot_generic)(blas_int n, sb_t *x, sb_t *y, sb_t c, sb_t s)
{
    for (blas_int i = 0; i < n; i++) {
        sb_t xi = x[i], yi = y[i];
        sb_t t = c * xi + s * yi;
        y[i] = c * yi - s * xi;
        x[i] = t;
    }
}

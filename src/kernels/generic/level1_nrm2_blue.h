/* The scalar Euclidean-norm accumulation (kernels.h, nrm2), shared by the nrm2 kernels of every
 * set and by the driver's strided loop; include after common/precision.h.
 * Double: reference BLAS 3.11's dnrm2 (Blue's scaling, as revised by Anderson). Each |x| goes to
 * one of three accumulators, scaled so that no square overflows or underflows destructively:
 * acc[0] (asml) the squares of |x| < TSML times SSML^2, acc[2] (abig) those of |x| > TBIG times
 * SBIG^2, acc[1] (amed) the others unscaled (NaN lands there). The driver combines the three
 * as the reference does (drivers/level1/nrm2.c).
 * Single: the square of any float is an exact-range double, so acc[1] is the plain sum of the
 * squares in double. */
#ifndef SB_KERNELS_LEVEL1_NRM2_BLUE_H
#define SB_KERNELS_LEVEL1_NRM2_BLUE_H

#define SB_NRM2_TSML 0x1p-511
#define SB_NRM2_TBIG 0x1p+486
#define SB_NRM2_SSML 0x1p+537
#define SB_NRM2_SBIG 0x1p-538

/* the n reals x[0], x[inc], ... added in order onto acc */
static inline void sb_nrm2_blue_scan(blas_int n, const sb_r *x, ptrdiff_t inc, double acc[3])
{
#if SB_IS_DOUBLE
    double asml = acc[0], amed = acc[1], abig = acc[2];
    for (blas_int i = 0; i < n; i++) {
        double ax = fabs(x[i * inc]);
        if (ax > SB_NRM2_TBIG) {
            double t = ax * SB_NRM2_SBIG;
            abig += t * t;
        } else if (ax < SB_NRM2_TSML) {
            double t = ax * SB_NRM2_SSML;
            asml += t * t;
        } else {
            amed += ax * ax;
        }
    }
    acc[0] = asml;
    acc[1] = amed;
    acc[2] = abig;
#else
    double sum = acc[1];
    for (blas_int i = 0; i < n; i++) {
        double t = x[i * inc];
        sum += t * t;
    }
    acc[1] = sum;
#endif
}

#endif

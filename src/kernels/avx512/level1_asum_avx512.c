/* AVX-512 asum (kernels.h; real only, complex drivers pass the 2n reals): the avx2 set's order on
 * 512-bit vectors: four vector sums, acc_k over elements [i + kW, i + (k+1)W) of each block of
 * 4W, the remaining full vectors into acc0, (acc0 + acc1) + (acc2 + acc3) reduced by halves,
 * then the last n mod W added in order. The shape depends only on n (W = 8 doubles or 16 floats,
 * so the bits differ from the avx2 set's). The wider vectors pay while x is in L1/L2: 1 thread,
 * Xeon family 6 model 207, n = 2000: dasum 0.124 -> 0.094 us, dzasum 0.260 -> 0.198 us against
 * the avx2 loop. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx512/vec_avx512.h"
#if SB_IS_DOUBLE
#define V_ABS(a) _mm512_abs_pd(a)
#else
#define V_ABS(a) _mm512_abs_ps(a)
#endif

#define SB_ASUM_NAME SB_NAME(asum_avx512)
#include "kernels/generic/level1_asum_body.h"
#undef SB_ASUM_NAME

#else
typedef int sb_asum_avx512_complex_unused; /* complex: the real precision's on 2n reals */
#endif

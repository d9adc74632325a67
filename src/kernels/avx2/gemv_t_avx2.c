/* AVX2+FMA dot-form gemv kernel (op T, real, unit-stride x; the loops are in
 * generic/gemv_t_body.h), compiled with -mavx2 -mfma and used only when cpuid allows (kernels.h).
 * Four columns share each load of x; every column gets the
 * same arithmetic whatever it is grouped with:
 *   two vector accumulators per column, acc0 for rows [i, i+W) and acc1 for [i+W, i+2W) of
 *   each block of 2W rows (W = 4 doubles or 8 floats), products added with FMA; then at most one
 *   more full vector into acc0 and the last < W rows as a masked (zero-filled) vector into acc1;
 *   the sum is acc0 + acc1 reduced by halves (lanes l and l + W/2 first), and
 *   y(j) := fma(alpha, sum, y(j)).
 * The scheme depends only on m, so a split of the columns over threads (or the 4/1 column
 * grouping) never changes a bit. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx2/vec_avx2.h"

#define GEMV_T_KERNEL SB_NAME(gemv_t_avx2)
#include "kernels/generic/gemv_t_body.h"

#else
typedef int sb_gemv_t_avx2_complex_unused; /* complex gemv T stays in the driver */
#endif

/* AVX2+FMA axpy-form gemv kernel (op N, real, unit-stride y; the loops are in
 * generic/gemv_n_body.h), compiled with -mavx2 -mfma and used only when cpuid allows (kernels.h).
 * Every y element gets the same arithmetic wherever it sits:
 *   y(i) := fma(a(i,j), t(j), y(i)) for j = 0, 1, ..., n-1 in order, t(j) = alpha * x(j*incx),
 * one rounding per column, whether row i is in a full vector, a single vector or the masked
 * tail, and whatever the grouping of the columns (the intermediate y is exact in a register or
 * in memory alike). So any split of the rows over threads gives the same bits.
 * Blocking: rows in chunks of CH (y chunk stays in L1), columns in groups of 8 (then 4, then 1)
 * per pass over the chunk, rows in steps of 4 vectors with y held in registers across the
 * group's columns. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx2/vec_avx2.h"
/* rows per chunk: the y chunk stays in L1 */
#define CH (16384 / (int)sizeof(sb_t))

#define GEMV_N_KERNEL SB_NAME(gemv_n_avx2)
#include "kernels/generic/gemv_n_body.h"

#else
typedef int sb_gemv_n_avx2_complex_unused; /* complex gemv N stays in the driver */
#endif

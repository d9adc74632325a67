/* AVX2+FMA axpy-form gemv kernel (op N, real, unit-stride y; the loops are in
 * generic/gemv_n_body.h), compiled with -mavx2 -mfma and used only when cpuid allows (kernels.h).
 * Every y element gets the same arithmetic wherever it sits:
 *   y(i) := fma(a(i,j), t(j), y(i)) for j = 0, 1, ..., n-1 in order, t(j) = alpha * x(j*incx),
 * one rounding per column, whether row i is in a full vector, a single vector or the masked
 * tail, and whatever the grouping of the columns (the intermediate y is exact in a register or
 * in memory alike). So any split of the rows over threads gives the same bits.
 * Blocking: rows in chunks of CH, columns in groups of 8 (then 4, then 1) per pass over the
 * chunk, rows in steps of 4 vectors with y held in registers across the group's columns. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx2/vec_avx2.h"
/* rows per chunk: 128 KiB of y, which stays in L2. Each column is read in runs of CH rows, and
 * longer runs let the prefetchers stream A: with 16 KiB (y in L1) dgemv N n = 5000 ran 1.15x
 * slower on one thread and 1.12x on two (EPYC Zen 3, one process, interleaved), and no size
 * measured (1000-5000) was slower with 128 KiB. */
#define CH (131072 / (int)sizeof(sb_t))

#define GEMV_N_KERNEL SB_NAME(gemv_n_avx2)
#include "kernels/generic/gemv_n_body.h"

#else
typedef int sb_gemv_n_avx2_complex_unused; /* complex gemv N stays in the driver */
#endif

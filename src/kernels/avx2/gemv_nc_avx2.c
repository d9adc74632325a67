/* AVX2+FMA complex axpy-form gemv kernel (op N or conj, c and z, unit-stride y; the loops are in
 * generic/gemv_nc_body.h), compiled with -mavx2 -mfma and used only when cpuid allows
 * (kernels.h, "complex gemv axpy form"). Columns eight per pass over the y chunk, four vectors
 * of y per step (the sixteen multiplier vectors are read from L1 as FMA operands): eight
 * columns side by side stream A better than four (zgemv N n = 5000, one thread: 1.07-1.25x,
 * about even at n = 300-3000; EPYC Zen 3). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx2/complex_sse.h"
#include "kernels/avx2/vec_level1_avx2.h"
#define NC_MAX 8
#define RV_MAX 4
/* rows per chunk: 128 KiB of y, in L2, as the real kernel (gemv_n_avx2.c): with 16 KiB zgemv N
 * n = 5000 ran 1.2-1.3x slower on one thread and 1.34x on two */
#define CH (131072 / (int)sizeof(sb_t))

#define GEMV_NC_KERNEL SB_NAME(gemv_nc_avx2)
#include "kernels/generic/gemv_nc_body.h"

#else
typedef int sb_gemv_nc_avx2_real_unused; /* real gemv N: gemv_n_avx2.c */
#endif

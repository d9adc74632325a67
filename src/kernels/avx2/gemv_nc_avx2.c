/* AVX2+FMA complex axpy-form gemv kernel (op N or conj, c and z, unit-stride y; the loops are in
 * generic/gemv_nc_body.h), compiled with -mavx2 -mfma and used only when cpuid allows
 * (kernels.h, "complex gemv axpy form"). Columns four per pass over the y chunk, four vectors
 * of y per step (eight multiplier vectors, four of y and two of A fit the 16 registers). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx2/complex_sse.h"
#include "kernels/avx2/vec_level1_avx2.h"
#define NC_MAX 4
#define RV_MAX 4
/* rows per chunk: the y chunk stays in L1 */
#define CH (16384 / (int)sizeof(sb_t))

#define GEMV_NC_KERNEL SB_NAME(gemv_nc_avx2)
#include "kernels/generic/gemv_nc_body.h"

#else
typedef int sb_gemv_nc_avx2_real_unused; /* real gemv N: gemv_n_avx2.c */
#endif

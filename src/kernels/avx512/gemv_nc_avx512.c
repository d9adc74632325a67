/* AVX-512 complex axpy-form gemv kernel (op N or conj, c and z, unit-stride y): the loops of the
 * avx2 set's (generic/gemv_nc_body.h) on 512-bit vectors, the tail under an AVX-512 mask, eight
 * columns per pass and eight vectors of y per step (16 multipliers, 8 of y: 26 of the 32
 * registers; cgemv N n = 200, 1 thread, Xeon 6/207: 0.49x OpenBLAS with two vectors of y, 1.28x
 * with eight). The same FMAs per element in column order as the avx2 set, so both sets give the
 * same bits. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx2/complex_sse.h"
#include "kernels/avx512/vec_avx512.h"
#define NC_MAX 8
#define RV_MAX 8
/* rows per chunk: 128 KiB of y, in L2, as the real kernel (gemv_n_avx512.c) */
#define CH (131072 / (int)sizeof(sb_t))

#define GEMV_NC_KERNEL SB_NAME(gemv_nc_avx512)
#include "kernels/generic/gemv_nc_body.h"

#else
typedef int sb_gemv_nc_avx512_real_unused; /* real gemv N: gemv_n_avx512.c */
#endif

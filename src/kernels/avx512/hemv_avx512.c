/* AVX-512 complex hemv kernel (kernels.h, "hemv"; c, z): the shared body (generic/hemv_body.h) on
 * 512-bit vectors, every multiply-add an FMA, the last rows under an AVX-512 mask. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx512/vec_avx512.h"
#ifndef HEMV_GROUP
#define HEMV_GROUP 8 /* 32 registers: 16 accumulators, the broadcasts of x partly from memory */
#endif
#define HEMV_KERNEL SB_NAME(hemv_avx512)

#include "kernels/generic/hemv_body.h"

#else
typedef int sb_hemv_avx512_real_unused; /* real: symv_avx512.c */
#endif

/* AVX-512 complex hemv kernel (kernels.h, "hemv"; c, z): the shared body (generic/hemv_body.h) on
 * 512-bit vectors, every multiply-add an FMA, the last rows under an AVX-512 mask. Four columns per
 * pass as in the avx2 set: eight (16 accumulators, 16 broadcasts of x) were slower on the Xeon 6
 * model 207 (kernel alone, CPU time: z n = 500 56 -> 62 us, c n = 1000 166 -> 180 us). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx512/vec_avx512.h"
#define HEMV_KERNEL SB_NAME(hemv_avx512)

#include "kernels/generic/hemv_body.h"

#else
typedef int sb_hemv_avx512_real_unused; /* real: symv_avx512.c */
#endif

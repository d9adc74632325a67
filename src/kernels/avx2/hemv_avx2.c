/* AVX2+FMA complex hemv kernel (kernels.h, "hemv"; c, z), compiled with -mavx2 -mfma and used only
 * when cpuid allows: the shared body (generic/hemv_body.h) on 256-bit vectors, every multiply-add
 * an FMA (vector lanes and scalar code alike), four columns per pass (the 16 registers hold the
 * eight accumulators; the broadcasts of x come from memory). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx2/vec_level1_avx2.h"
#define HEMV_KERNEL SB_NAME(hemv_avx2)

#include "kernels/generic/hemv_body.h"

#else
typedef int sb_hemv_avx2_real_unused; /* real: symv_avx2.c */
#endif

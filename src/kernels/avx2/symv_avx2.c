/* AVX2+FMA symv kernel (kernels.h, "symv"; real only), compiled with -mavx2 -mfma and used only
 * when cpuid allows: the shared body (generic/symv_body.h) on 256-bit vectors, every multiply-add
 * an FMA (vector lanes and scalar code alike); lanes reduced by halves. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx2/vec_avx2.h"

#define SYMV_KERNEL SB_NAME(symv_avx2)

#include "kernels/generic/symv_body.h"

#else
typedef int sb_symv_avx2_complex_unused; /* complex hemv stays in the driver */
#endif

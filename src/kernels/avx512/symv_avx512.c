/* AVX-512 symv kernel (kernels.h, "symv"; real only): the shared body (generic/symv_body.h) on
 * 512-bit vectors, every multiply-add an FMA; lanes reduced by halves (_mm512_reduce_add). Wider
 * strips halve the loop's loads, stores and FMA instructions per element against AVX2, which
 * matters while the matrix is in L2 (LAPACK's tridiagonal reduction at n up to about 1000). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx512/vec_avx512.h"
#define SYMV_GROUP 8 /* 32 registers: 8 columns per pass */

#define SYMV_KERNEL SB_NAME(symv_avx512)

#include "kernels/generic/symv_body.h"

#else
typedef int sb_symv_avx512_complex_unused; /* complex hemv stays in the driver */
#endif

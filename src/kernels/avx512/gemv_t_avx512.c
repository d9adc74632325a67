/* AVX-512 dot-form gemv kernel (op T, real, unit-stride x): the loops of the avx2 set's
 * (generic/gemv_t_body.h) on 512-bit vectors, the tail under an AVX-512 mask, lanes reduced by
 * halves (_mm512_reduce_add). The scheme depends only on m; with twice the lanes of the avx2 set
 * its sums differ from that set's in the last bits (the set is fixed for the process). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx512/vec_avx512.h"

#define GEMV_T_KERNEL SB_NAME(gemv_t_avx512)
#include "kernels/generic/gemv_t_body.h"

#else
typedef int sb_gemv_t_avx512_complex_unused; /* complex gemv T stays in the driver */
#endif

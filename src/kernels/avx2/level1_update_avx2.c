/* AVX2 level-1 update loops (kernels.h: scal, swap, rot; the loops are in
 * generic/level1_update_body.h), compiled with -mavx2 -mfma and used only when cpuid allows.
 * The same bits as the generic set's. */
#include "kernels/kernels.h"

#include "common/precision.h"
#include "kernels/avx2/vec_level1_avx2.h"

#define SCAL_KERNEL SB_NAME(scal_avx2)
#define SWAP_KERNEL SB_NAME(swap_avx2)
#define ROT_KERNEL SB_NAME(rot_avx2)
#include "kernels/generic/level1_update_body.h"

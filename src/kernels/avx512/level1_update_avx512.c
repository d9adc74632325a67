/* AVX-512 level-1 update loops (kernels.h: scal, swap, rot; the loops of the avx2 set's,
 * generic/level1_update_body.h, on 512-bit vectors). The same bits as the generic and avx2 sets';
 * the wider vectors halve the instructions, which pays while the vectors are in L1/L2 (LAPACK's
 * lengths): at n = 2000, 1 thread, on the Xeon family 6 model 207, drot 0.44 -> 0.27 us, zscal
 * 0.58 -> 0.39 us, zdrot 1.95 -> 1.47 us against the avx2 loops. */
#include "kernels/kernels.h"

#include "common/precision.h"
#include "kernels/avx512/vec_level1_avx512.h"

#define SCAL_KERNEL SB_NAME(scal_avx512)
#define SWAP_KERNEL SB_NAME(swap_avx512)
#define ROT_KERNEL SB_NAME(rot_avx512)
#include "kernels/generic/level1_update_body.h"

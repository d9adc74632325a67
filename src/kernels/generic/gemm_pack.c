/* Portable gemm packing (format in kernels.h), all four precisions; body in gemm_pack_body.h. */
#define SB_PACK_A_NAME SB_NAME(gemm_pack_a_generic)
#define SB_PACK_B_NAME SB_NAME(gemm_pack_b_generic)
#include "kernels/generic/gemm_pack_body.h"

/* The portable kernel set, one part per precision (kernels.h): plain C for baseline x86-64. */
#include "kernels/kernels.h"

SB_KERNEL_PROTOTYPES(generic)

const SB_CAT3(sb_, SB_P, _kernel_set_t) SB_NAME(kernel_set_generic) = {
    .mr = SB_GENERIC_MR,
    .nr = SB_GENERIC_NR,
    .ukr = SB_NAME(gemm_ukr_generic),
    .pack_a = SB_NAME(gemm_pack_a_generic),
    .pack_b = SB_NAME(gemm_pack_b_generic),
    .trsm_ukr = SB_NAME(trsm_ukr_generic),
#if !SB_IS_COMPLEX
    .gemv_t = SB_NAME(gemv_t_generic),
    .gemv_n = SB_NAME(gemv_n_generic),
    .symv = SB_NAME(symv_generic),
#else
    .hemv = SB_NAME(hemv_generic),
#endif
    .axpy = SB_NAME(axpy_generic),
    .dot = SB_NAME(dot_generic),
    .scal = SB_NAME(scal_generic),
    .swap = SB_NAME(swap_generic),
    .rot = SB_NAME(rot_generic),
    .iamax = SB_NAME(iamax_generic),
#if !SB_IS_COMPLEX
    .asum = SB_NAME(asum_generic),
    .nrm2 = SB_NAME(nrm2_generic),
#endif
};

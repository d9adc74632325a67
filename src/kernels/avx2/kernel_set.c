/* The AVX2+FMA kernel set, one part per precision (kernels.h). */
#include "kernels/kernels.h"

SB_KERNEL_PROTOTYPES(avx2)

#define MR SB_SET_MR(AVX2)
#define NR SB_SET_NR(AVX2)

const SB_CAT3(sb_, SB_P, _kernel_set_t) SB_NAME(kernel_set_avx2) = {
    .mr = MR,
    .nr = NR,
    .ukr = SB_NAME(gemm_ukr_avx2),
    .pack_a = SB_NAME(gemm_pack_a_avx2),
    .pack_b = SB_NAME(gemm_pack_b_avx2),
    .trsm_ukr = SB_NAME(trsm_ukr_avx2),
    .small = SB_NAME(gemm_small_avx2),
    .small_t = SB_NAME(gemm_small_t_avx2),
#if !SB_IS_COMPLEX
    .gemv_t = SB_NAME(gemv_t_avx2),
    .gemv_n = SB_NAME(gemv_n_avx2),
    .symv = SB_NAME(symv_avx2),
#else
    .hemv = SB_NAME(hemv_avx2),
#endif
    .axpy = SB_NAME(axpy_avx2),
    .dot = SB_NAME(dot_avx2),
    .scal = SB_NAME(scal_avx2),
    .swap = SB_NAME(swap_avx2),
    .rot = SB_NAME(rot_avx2),
    .iamax = SB_NAME(iamax_avx2),
#if !SB_IS_COMPLEX
    .asum = SB_NAME(asum_avx2),
    .nrm2 = SB_NAME(nrm2_avx2),
#else
    .gemv_nc = SB_NAME(gemv_nc_avx2),
    .gemv_tc = SB_NAME(gemv_tc_avx2),
#endif
};

/* The AVX-512 kernel set (F/DQ/BW/VL), one part per precision (kernels.h). Its own: the gemm
 * microkernels with register blocks for 32 zmm registers, the trsm tile kernel on them, the
 * unpacked small gemm, and gemv and symv (LAPACK's reductions run them on matrices in L2/L3,
 * where the width of the vectors shows), the level-1 loops axpy, dot, scal, swap, rot and asum,
 * the complex gemv N, T and C, and the packing of op(A) transposed (zmm transposes). Taken from
 * the AVX2 set,
 * which every AVX-512 CPU runs: the rest of the packing (it serves
 * any register block) and the other level-1 loops. */
#include "kernels/kernels.h"

SB_KERNEL_PROTOTYPES(avx512)
SB_KERNEL_PROTOTYPES(avx2)

#define MR SB_SET_MR(AVX512)
#define NR SB_SET_NR(AVX512)

const SB_CAT3(sb_, SB_P, _kernel_set_t) SB_NAME(kernel_set_avx512) = {
    .mr = MR,
    .nr = NR,
    .ukr = SB_NAME(gemm_ukr_avx512),
    .pack_a = SB_NAME(gemm_pack_a_avx512),
    .pack_b = SB_NAME(gemm_pack_b_avx2),
    .trsm_ukr = SB_NAME(trsm_ukr_avx512),
    .small = SB_NAME(gemm_small_avx512),
    .small_t = SB_NAME(gemm_small_t_avx512),
    /* real d up to 152, s up to 208 on one thread: the small kernel ahead of packing (Xeon, one
     * thread, GFLOP/s small against packed, d: n = 104 72.7/67.1, 120 75.0/70.5, 136 74.8/70.8,
     * 152 74.7/72.1, 160 71.9/73.2; s: 104 140/105, 128 146/132, 160 152/137, 192 148/144,
     * 208 141/139, 224 146/145 and 143/147 (noise is +-3%), 256 147/147); the avx2 small kernel
     * falls behind there (d 128 20 against 36); raised where L2 is large (kernel_table.c) */
    .small_one_thread_max = SB_IS_COMPLEX ? 0 : SB_IS_DOUBLE ? 152 : 208,
#if !SB_IS_COMPLEX
    .gemv_t = SB_NAME(gemv_t_avx512),
    .gemv_n = SB_NAME(gemv_n_avx512),
    .symv = SB_NAME(symv_avx512),
#else
    .hemv = SB_NAME(hemv_avx512),
#endif
    .axpy = SB_NAME(axpy_avx512),
    .dot = SB_NAME(dot_avx512),
    .scal = SB_NAME(scal_avx512),
    .swap = SB_NAME(swap_avx512),
    .rot = SB_NAME(rot_avx512),
    .iamax = SB_NAME(iamax_avx2),
#if !SB_IS_COMPLEX
    .asum = SB_NAME(asum_avx512),
    .nrm2 = SB_NAME(nrm2_avx2),
#else
    .gemv_nc = SB_NAME(gemv_nc_avx512),
    .gemv_tc = SB_NAME(gemv_tc_avx512),
#endif
};

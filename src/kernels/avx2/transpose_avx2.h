/* In-register 4 x 4 transposes for the AVX2 set, used by the packing of op(A) transposed
 * (gemm_pack_avx2.c), by the small gemm on op(A) transposed (gemm_small_avx2.c) and by the
 * triangular-solve tile's copies of side 'L' (trsm_ukr_avx2.c). Compiled with the AVX2 flags. */
#ifndef SB_KERNELS_AVX2_TRANSPOSE_AVX2_H
#define SB_KERNELS_AVX2_TRANSPOSE_AVX2_H

#include <immintrin.h>

/* v[q] := element q of each of v[0..3] (64-bit units) */
static inline __attribute__((always_inline)) void transpose4_pd(__m256d v[4])
{
    const __m256d t0 = _mm256_unpacklo_pd(v[0], v[1]), t1 = _mm256_unpackhi_pd(v[0], v[1]);
    const __m256d t2 = _mm256_unpacklo_pd(v[2], v[3]), t3 = _mm256_unpackhi_pd(v[2], v[3]);
    v[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
    v[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
    v[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
    v[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
}

/* The same for floats within each 128-bit lane: two 4 x 4 tiles at once */
static inline __attribute__((always_inline)) void transpose4_ps_lanes(__m256 v[4])
{
    const __m256 t0 = _mm256_unpacklo_ps(v[0], v[1]), t1 = _mm256_unpackhi_ps(v[0], v[1]);
    const __m256 t2 = _mm256_unpacklo_ps(v[2], v[3]), t3 = _mm256_unpackhi_ps(v[2], v[3]);
    v[0] = _mm256_shuffle_ps(t0, t2, 0x44);
    v[1] = _mm256_shuffle_ps(t0, t2, 0xEE);
    v[2] = _mm256_shuffle_ps(t1, t3, 0x44);
    v[3] = _mm256_shuffle_ps(t1, t3, 0xEE);
}

#endif

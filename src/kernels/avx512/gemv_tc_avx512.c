/* AVX-512 complex dot-form gemv kernel (op T or C, c and z, unit-stride x; the loops are in
 * generic/gemv_tc_body.h): four columns share each load of x, two vector pairs of accumulators
 * per column (16 accumulators of the 32 registers), the tail under an AVX-512 mask. Its sums
 * differ from the avx2 set's in the last bits (wider vectors; the set is fixed for the process).
 * zgemv C n = 200, 1 thread, Xeon 6/207: 0.66x OpenBLAS 0.3.21 with one complex dot per column,
 * 1.6x with this kernel (cgemv 0.55x -> 1.4x; n = 1000: 0.77x -> 1.0x, memory-bound). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx2/complex_sse.h"
#include "kernels/avx512/vec_avx512.h"

#if SB_IS_DOUBLE
#define V_SUB(a, b) _mm512_sub_pd((a), (b))
#define V_BLEND_ODD(a, b) _mm512_mask_blend_pd((__mmask8)0xAA, (a), (b))
/* 4 complex lanes: 256-bit halves, then 128-bit halves */
static inline __m128d c_hsum(__m512d v)
{
    __m256d h = _mm256_add_pd(_mm512_castpd512_pd256(v), _mm512_extractf64x4_pd(v, 1));
    __m128d q = _mm_add_pd(_mm256_castpd256_pd128(h), _mm256_extractf128_pd(h, 1));
    return q;
}
#else
#define V_SUB(a, b) _mm512_sub_ps((a), (b))
#define V_BLEND_ODD(a, b) _mm512_mask_blend_ps((__mmask16)0xAAAA, (a), (b))
/* 8 complex lanes: 256-bit, 128-bit, then 64-bit halves */
static inline __m128 c_hsum(__m512 v)
{
    __m256 h = _mm256_add_ps(_mm512_castps512_ps256(v), _mm512_extractf32x8_ps(v, 1));
    __m128 q = _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
    q = _mm_add_ps(q, _mm_movehl_ps(q, q));
    return q;
}
#endif
#define C_HSUM(v) c_hsum(v)
#define U 2

#define GEMV_TC_KERNEL SB_NAME(gemv_tc_avx512)
#include "kernels/generic/gemv_tc_body.h"

#else
typedef int sb_gemv_tc_avx512_real_unused; /* real gemv T: gemv_t_avx512.c */
#endif

/* AVX2+FMA complex dot-form gemv kernel (op T or C, c and z, unit-stride x; the loops are in
 * generic/gemv_tc_body.h), compiled with -mavx2 -mfma and used only when cpuid allows: four
 * columns share each load of x, one vector pair of accumulators per column (8 accumulators, the
 * x vector and its swap fit the 16 registers), the tail masked. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/avx2/complex_sse.h"
#include "kernels/avx2/vec_level1_avx2.h"

#if SB_IS_DOUBLE
#define V_BLEND_ODD(a, b) _mm256_blend_pd((a), (b), 0xA)
/* 2 complex lanes: 128-bit halves */
static inline __m128d c_hsum(__m256d v)
{
    __m128d q = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return q;
}
#else
#define V_BLEND_ODD(a, b) _mm256_blend_ps((a), (b), 0xAA)
/* 4 complex lanes: 128-bit, then 64-bit halves */
static inline __m128 c_hsum(__m256 v)
{
    __m128 q = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    q = _mm_add_ps(q, _mm_movehl_ps(q, q));
    return q;
}
#endif
#define C_HSUM(v) c_hsum(v)
#define U 1

#define GEMV_TC_KERNEL SB_NAME(gemv_tc_avx2)
#include "kernels/generic/gemv_tc_body.h"

#else
typedef int sb_gemv_tc_avx2_real_unused; /* real gemv T: gemv_t_avx2.c */
#endif

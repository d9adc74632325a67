/* The AVX2+FMA vector operations the real gemv and symv kernels of this set are written with
 * (generic/gemv_n_body.h, gemv_t_body.h, symv_body.h), for the current real precision:
 * VT, W (elements per vector), V_ZERO, V_SET1, V_LOAD, V_STORE (unaligned), V_FMA(a, b, c) = a*b + c
 * fused, V_ADD, S_FMA (the scalar FMA), V_HSUM (lanes reduced by halves: lane l with l + W/2
 * first), and the first r < W lanes: MASK_T, V_MASK(r), V_MASKLOAD(p, k) (other lanes zero),
 * V_MASKSTORE(p, k, v). Included by .c files compiled with -mavx2 -mfma. */
#ifndef SB_KERNELS_AVX2_VEC_H
#define SB_KERNELS_AVX2_VEC_H

#include <immintrin.h>

#include "common/precision.h"

#if SB_IS_DOUBLE
#define VT __m256d
#define W 4
#define V_ZERO() _mm256_setzero_pd()
#define V_SET1(s) _mm256_set1_pd(s)
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define V_ADD(a, b) _mm256_add_pd((a), (b))
#define S_FMA(a, b, c) __builtin_fma((a), (b), (c))
__attribute__((unused)) static const long long sb_avx2_mask_tab[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
#define V_MASKLOAD(p, k) _mm256_maskload_pd((p), (k))
#define V_MASKSTORE(p, k, v) _mm256_maskstore_pd((p), (k), (v))
static inline double sb_avx2_hsum(__m256d v)
{
    __m128d h = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(h, _mm_unpackhi_pd(h, h)));
}
#else
#define VT __m256
#define W 8
#define V_ZERO() _mm256_setzero_ps()
#define V_SET1(s) _mm256_set1_ps(s)
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_storeu_ps((p), (v))
#define V_FMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
#define V_ADD(a, b) _mm256_add_ps((a), (b))
#define S_FMA(a, b, c) __builtin_fmaf((a), (b), (c))
__attribute__((unused)) static const int sb_avx2_mask_tab[16] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                                                 0,  0,  0,  0,  0,  0,  0,  0};
#define V_MASKLOAD(p, k) _mm256_maskload_ps((p), (k))
#define V_MASKSTORE(p, k, v) _mm256_maskstore_ps((p), (k), (v))
static inline float sb_avx2_hsum(__m256 v)
{
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    return _mm_cvtss_f32(_mm_add_ss(h, _mm_movehdup_ps(h)));
}
#endif
#define MASK_T __m256i
#define V_MASK(r) _mm256_loadu_si256((const __m256i *)(sb_avx2_mask_tab + W - (r)))
#define V_HSUM(v) sb_avx2_hsum(v)
/* a loaded vector stays in a register for all its uses (GCC would load it again for each) */
#define V_PIN(v) __asm__("" : "+v"(v))

#endif

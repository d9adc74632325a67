/* In-register transposes for the AVX-512 set (templated: the ones of the current precision's
 * unit), used by the packing of op(A) transposed and by the small gemm on op(A) transposed.
 * Compiled with the AVX-512 flags. */
#ifndef SB_KERNELS_AVX512_TRANSPOSE_AVX512_H
#define SB_KERNELS_AVX512_TRANSPOSE_AVX512_H

#include <immintrin.h>

#if defined(SB_PREC_D) || defined(SB_PREC_C)
/* v[q] := element q of each of v[0..7] (an 8x8 transpose of 64-bit units) */
static inline __attribute__((always_inline)) void transpose8(__m512d v[8])
{
    const __m512i lo = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13), hi = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
    __m512d a[8], b[8];
#pragma GCC unroll 16
    for (int i = 0; i < 4; i++) {
        a[2 * i] = _mm512_unpacklo_pd(v[2 * i], v[2 * i + 1]);     /* elements 0, 2, 4, 6 of rows 2i, 2i+1 */
        a[2 * i + 1] = _mm512_unpackhi_pd(v[2 * i], v[2 * i + 1]); /* 1, 3, 5, 7 */
    }
#pragma GCC unroll 16
    for (int h = 0; h < 2; h++) /* rows 4h..4h+3: elements (0, 4), (2, 6), (1, 5), (3, 7) */
#pragma GCC unroll 16
        for (int e = 0; e < 2; e++) {
            b[4 * h + e] = _mm512_permutex2var_pd(a[4 * h + e], lo, a[4 * h + e + 2]);
            b[4 * h + e + 2] = _mm512_permutex2var_pd(a[4 * h + e], hi, a[4 * h + e + 2]);
        }
    /* b[0]: element 0 | 4, b[1]: 1 | 5, b[2]: 2 | 6, b[3]: 3 | 7 (rows 0-3), b[4..7] rows 4-7 */
#pragma GCC unroll 16
    for (int q = 0; q < 4; q++) {
        v[q] = _mm512_shuffle_f64x2(b[q], b[q + 4], 0x44);
        v[q + 4] = _mm512_shuffle_f64x2(b[q], b[q + 4], 0xEE);
    }
}

#endif

#if defined(SB_PREC_S)
/* v[q] := element q of each of v[0..15] (a 16x16 transpose of 32-bit units) */
static inline __attribute__((always_inline)) void transpose16(__m512 v[16])
{
    __m512 t[16];
#pragma GCC unroll 16
    for (int i = 0; i < 8; i++) { /* rows 2i, 2i+1 interleaved: elements (0, 1), (4, 5), ... and (2, 3), ... */
        t[2 * i] = _mm512_unpacklo_ps(v[2 * i], v[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(v[2 * i], v[2 * i + 1]);
    }
#pragma GCC unroll 16
    for (int g = 0; g < 4; g++) { /* rows 4g..4g+3: one element of each in every 128-bit lane */
        v[4 * g] = _mm512_shuffle_ps(t[4 * g], t[4 * g + 2], 0x44);
        v[4 * g + 1] = _mm512_shuffle_ps(t[4 * g], t[4 * g + 2], 0xEE);
        v[4 * g + 2] = _mm512_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0x44);
        v[4 * g + 3] = _mm512_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0xEE);
    }
#pragma GCC unroll 16
    for (int h = 0; h < 2; h++) /* 128-bit lanes of rows 8h..8h+7 */
#pragma GCC unroll 16
        for (int e = 0; e < 4; e++) {
            t[8 * h + e] = _mm512_shuffle_f32x4(v[8 * h + e], v[8 * h + e + 4], 0x88);
            t[8 * h + e + 4] = _mm512_shuffle_f32x4(v[8 * h + e], v[8 * h + e + 4], 0xDD);
        }
#pragma GCC unroll 16
    for (int e = 0; e < 8; e++) {
        v[e] = _mm512_shuffle_f32x4(t[e], t[e + 8], 0x88);
        v[e + 8] = _mm512_shuffle_f32x4(t[e], t[e + 8], 0xDD);
    }
}
#endif

#if defined(SB_PREC_S)
/* v[q] := element q of rows 0..15 at x, x + ld, ... (a 16x16 transpose of floats, all of them
 * whole in memory): rows i and i + 8 of each half put side by side by their loads (an insert
 * from memory runs on port 0 or 5, a register shuffle only on 5), then 8x8 transposes within
 * the 256-bit halves: 48 shuffles instead of 64 (the copy of op(A) at n = 16 waits on port 5) */
static inline __attribute__((always_inline)) void load_transpose16(const float *x, blas_int ld, __m512 v[16])
{
    const __m512i lo = _mm512_setr_epi32(0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27),
                  hi = _mm512_setr_epi32(4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31);
#pragma GCC unroll 2
    for (int h = 0; h < 2; h++) { /* elements 8h..8h+7 */
        __m512 u[8], t[8];
#pragma GCC unroll 8
        for (int i = 0; i < 8; i++) /* 128-bit lanes: row i elements 0-3, 4-7, row i + 8 the same */
            u[i] = _mm512_insertf32x8(_mm512_castps256_ps512(_mm256_loadu_ps(x + i * ld + 8 * h)),
                                      _mm256_loadu_ps(x + (i + 8) * ld + 8 * h), 1);
#pragma GCC unroll 8
        for (int i = 0; i < 4; i++) { /* rows 2i, 2i+1 interleaved */
            t[2 * i] = _mm512_unpacklo_ps(u[2 * i], u[2 * i + 1]);
            t[2 * i + 1] = _mm512_unpackhi_ps(u[2 * i], u[2 * i + 1]);
        }
#pragma GCC unroll 8
        for (int g = 0; g < 2; g++) { /* rows 4g..4g+3 (and 8 more) of one element in each lane */
            u[4 * g] = _mm512_shuffle_ps(t[4 * g], t[4 * g + 2], 0x44);
            u[4 * g + 1] = _mm512_shuffle_ps(t[4 * g], t[4 * g + 2], 0xEE);
            u[4 * g + 2] = _mm512_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0x44);
            u[4 * g + 3] = _mm512_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0xEE);
        }
        /* u[e] lanes: rows 0-3 element e, rows 0-3 element 4 + e, rows 8-11 e, 8-11 4 + e; u[4 + e] rows 4-7, 12-15 */
#pragma GCC unroll 8
        for (int e = 0; e < 4; e++) {
            v[8 * h + e] = _mm512_permutex2var_ps(u[e], lo, u[4 + e]);
            v[8 * h + 4 + e] = _mm512_permutex2var_ps(u[e], hi, u[4 + e]);
        }
    }
}
#endif

#if defined(SB_PREC_D) || defined(SB_PREC_C)
/* v[q] := element q of each of v[0..3] (a 4x4 transpose of 64-bit units in ymm registers) */
static inline __attribute__((always_inline)) void transpose4_ymm(__m256d v[4])
{
    __m256d t0 = _mm256_unpacklo_pd(v[0], v[1]), t1 = _mm256_unpackhi_pd(v[0], v[1]); /* (0, 2), (1, 3) of rows 0, 1 */
    __m256d t2 = _mm256_unpacklo_pd(v[2], v[3]), t3 = _mm256_unpackhi_pd(v[2], v[3]);
    v[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
    v[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
    v[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
    v[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
}
#endif

#if defined(SB_PREC_S)
/* v[q] := element q of each of v[0..7] (an 8x8 transpose of floats in ymm registers) */
static inline __attribute__((always_inline)) void transpose8_ymm(__m256 v[8])
{
    __m256 t[8], u[8];
#pragma GCC unroll 8
    for (int i = 0; i < 4; i++) { /* rows 2i, 2i+1 interleaved */
        t[2 * i] = _mm256_unpacklo_ps(v[2 * i], v[2 * i + 1]);
        t[2 * i + 1] = _mm256_unpackhi_ps(v[2 * i], v[2 * i + 1]);
    }
#pragma GCC unroll 8
    for (int g = 0; g < 2; g++) { /* rows 4g..4g+3: one element of each in every 128-bit lane */
        u[4 * g] = _mm256_shuffle_ps(t[4 * g], t[4 * g + 2], 0x44);
        u[4 * g + 1] = _mm256_shuffle_ps(t[4 * g], t[4 * g + 2], 0xEE);
        u[4 * g + 2] = _mm256_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0x44);
        u[4 * g + 3] = _mm256_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0xEE);
    }
#pragma GCC unroll 8
    for (int e = 0; e < 4; e++) {
        v[e] = _mm256_permute2f128_ps(u[e], u[e + 4], 0x20);
        v[e + 4] = _mm256_permute2f128_ps(u[e], u[e + 4], 0x31);
    }
}
#endif

#if defined(SB_PREC_S)
/* v[q] := element q of each of v[0..3] (a 4x4 transpose of floats in xmm registers) */
static inline __attribute__((always_inline)) void transpose4_xmm(__m128 v[4])
{
    __m128 t0 = _mm_unpacklo_ps(v[0], v[1]), t1 = _mm_unpackhi_ps(v[0], v[1]); /* (0, 1), (2, 3) of rows 0, 1 */
    __m128 t2 = _mm_unpacklo_ps(v[2], v[3]), t3 = _mm_unpackhi_ps(v[2], v[3]);
    v[0] = _mm_movelh_ps(t0, t2);
    v[1] = _mm_movehl_ps(t2, t0);
    v[2] = _mm_movelh_ps(t1, t3);
    v[3] = _mm_movehl_ps(t3, t1);
}
#endif

#endif

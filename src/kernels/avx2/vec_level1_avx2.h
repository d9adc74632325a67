/* The level-1 loops' vector operations beside vec_avx2.h's, for the current real precision:
 * V_MUL, V_SUB, V_MAX(a, b) / V_MIN(a, b) (b when either is NaN), V_ABS, V_ALT(a) = (-a, a, -a,
 * a, ...), V_SWAP_PAIRS (lanes 2k and 2k+1 exchanged: re <-> im), V_PAIR(re, im) (re, im, re,
 * im, ...), V_HADD (pair sums, lanes in
 * the instruction's order), V_MOVEMASK (one bit per lane), V_EQ (lanes equal). */
#ifndef SB_KERNELS_AVX2_VEC_LEVEL1_H
#define SB_KERNELS_AVX2_VEC_LEVEL1_H

#include "kernels/avx2/vec_avx2.h"

#if SB_IS_DOUBLE
#define V_MUL(a, b) _mm256_mul_pd((a), (b))
#define V_SUB(a, b) _mm256_sub_pd((a), (b))
#define V_MAX(a, b) _mm256_max_pd((a), (b))
#define V_MIN(a, b) _mm256_min_pd((a), (b))
#define V_ABS(a) _mm256_andnot_pd(_mm256_set1_pd(-0.0), (a))
#define V_ALT(a) _mm256_setr_pd(-(a), (a), -(a), (a))
#define V_SWAP_PAIRS(v) _mm256_permute_pd((v), 0x5)
#define V_PAIR(re, im) _mm256_setr_pd((re), (im), (re), (im))
#define V_HADD(a, b) _mm256_hadd_pd((a), (b))
#define V_MOVEMASK(v) _mm256_movemask_pd(v)
#define V_EQ(a, b) _mm256_cmp_pd((a), (b), _CMP_EQ_OQ)
#else
#define V_MUL(a, b) _mm256_mul_ps((a), (b))
#define V_SUB(a, b) _mm256_sub_ps((a), (b))
#define V_MAX(a, b) _mm256_max_ps((a), (b))
#define V_MIN(a, b) _mm256_min_ps((a), (b))
#define V_ABS(a) _mm256_andnot_ps(_mm256_set1_ps(-0.0f), (a))
#define V_ALT(a) _mm256_setr_ps(-(a), (a), -(a), (a), -(a), (a), -(a), (a))
#define V_SWAP_PAIRS(v) _mm256_permute_ps((v), 0xB1)
#define V_PAIR(re, im) _mm256_setr_ps((re), (im), (re), (im), (re), (im), (re), (im))
#define V_HADD(a, b) _mm256_hadd_ps((a), (b))
#define V_MOVEMASK(v) _mm256_movemask_ps(v)
#define V_EQ(a, b) _mm256_cmp_ps((a), (b), _CMP_EQ_OQ)
#endif

/* a multiply and an add stay two rounded operations: GCC would contract them into an FMA under
 * -mfma (even written with _mm256_mul/_mm256_add) */
#define NO_CONTRACT __attribute__((optimize("fp-contract=off")))

#endif

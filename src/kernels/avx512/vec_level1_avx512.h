/* The level-1 loops' vector operations beside vec_avx512.h's, for the current real precision:
 * V_MUL, V_SUB, V_ALT(a) = (-a, a, -a, a, ...), V_TAIL_MASK(r) (the first min(r, W) lanes, r >= 0),
 * and NO_CONTRACT. */
#ifndef SB_KERNELS_AVX512_VEC_LEVEL1_H
#define SB_KERNELS_AVX512_VEC_LEVEL1_H

#include "kernels/avx512/vec_avx512.h"

#if SB_IS_DOUBLE
#define V_MUL(a, b) _mm512_mul_pd((a), (b))
#define V_SUB(a, b) _mm512_sub_pd((a), (b))
#define V_ALT(a) _mm512_setr_pd(-(a), (a), -(a), (a), -(a), (a), -(a), (a))
#else
#define V_MUL(a, b) _mm512_mul_ps((a), (b))
#define V_SUB(a, b) _mm512_sub_ps((a), (b))
#define V_ALT(a)                                                                                       \
    _mm512_setr_ps(-(a), (a), -(a), (a), -(a), (a), -(a), (a), -(a), (a), -(a), (a), -(a), (a), -(a), (a))
#endif
#define V_TAIL_MASK(r) V_MASK((r) < W ? (r) : W)

/* a multiply and an add stay two rounded operations: GCC would contract them into an FMA under
 * -mfma (even written with _mm512_mul/_mm512_add) */
#define NO_CONTRACT __attribute__((optimize("fp-contract=off")))

#endif

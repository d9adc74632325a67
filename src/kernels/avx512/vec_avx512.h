/* The AVX-512 vector operations the gemv, symv and hemv kernels of this set are written with
 * (generic/gemv_n_body.h, gemv_t_body.h, symv_body.h), for the current real precision; the same
 * names as avx2/vec_avx2.h: VT, W, V_ZERO, V_SET1, V_LOAD, V_STORE, V_FMA, V_ADD, S_FMA, V_HSUM
 * (_mm512_reduce_add: by halves), V_PAIR(re, im) (re, im, re, im, ...), V_SWAP_PAIRS (lanes 2k and
 * 2k+1 exchanged), MASK_T, V_MASK(r), V_MASKLOAD(p, k), V_MASKSTORE(p, k, v), V_PIN.
 * Included by .c files compiled with the set's flags. */
#ifndef SB_KERNELS_AVX512_VEC_H
#define SB_KERNELS_AVX512_VEC_H

#include <immintrin.h>

#include "common/precision.h"

#if SB_IS_DOUBLE
#define VT __m512d
#define W 8
#define V_ZERO() _mm512_setzero_pd()
#define V_SET1(s) _mm512_set1_pd(s)
#define V_LOAD(p) _mm512_loadu_pd(p)
#define V_STORE(p, v) _mm512_storeu_pd((p), (v))
#define V_FMA(a, b, c) _mm512_fmadd_pd((a), (b), (c))
#define V_ADD(a, b) _mm512_add_pd((a), (b))
#define V_HSUM(v) _mm512_reduce_add_pd(v)
#define S_FMA(a, b, c) __builtin_fma((a), (b), (c))
#define MASK_T __mmask8
#define V_PAIR(re, im) _mm512_setr_pd((re), (im), (re), (im), (re), (im), (re), (im))
#define V_SWAP_PAIRS(v) _mm512_permute_pd((v), 0x55)
#define V_MASKLOAD(p, k) _mm512_maskz_loadu_pd((k), (p))
#define V_MASKSTORE(p, k, v) _mm512_mask_storeu_pd((p), (k), (v))
#else
#define VT __m512
#define W 16
#define V_ZERO() _mm512_setzero_ps()
#define V_SET1(s) _mm512_set1_ps(s)
#define V_LOAD(p) _mm512_loadu_ps(p)
#define V_STORE(p, v) _mm512_storeu_ps((p), (v))
#define V_FMA(a, b, c) _mm512_fmadd_ps((a), (b), (c))
#define V_ADD(a, b) _mm512_add_ps((a), (b))
#define V_HSUM(v) _mm512_reduce_add_ps(v)
#define S_FMA(a, b, c) __builtin_fmaf((a), (b), (c))
#define MASK_T __mmask16
#define V_PAIR(re, im)                                                                                 \
    _mm512_setr_ps((re), (im), (re), (im), (re), (im), (re), (im), (re), (im), (re), (im), (re), (im), (re), (im))
#define V_SWAP_PAIRS(v) _mm512_permute_ps((v), 0xB1)
#define V_MASKLOAD(p, k) _mm512_maskz_loadu_ps((k), (p))
#define V_MASKSTORE(p, k, v) _mm512_mask_storeu_ps((p), (k), (v))
#endif
#define V_MASK(r) ((MASK_T)((1u << (r)) - 1u))
/* a loaded vector stays in a register for all its uses (GCC would load it again for each) */
#define V_PIN(v) __asm__("" : "+v"(v))

#endif

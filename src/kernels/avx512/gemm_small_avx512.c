/* AVX-512 gemm for small problems without packing (compiled with the AVX-512 flags; used only
 * when cpuid allows), op(A) = A, all four precisions. Contract (kernels.h): C := beta*C, then
 * for l = 0, 1, ..., k-1 in order C(i,j) := fma(A(i,l), t, C(i,j)) with t = alpha*op(B)(l,j)
 * rounded first, as the reference orders it; complex: the products with t's real parts so, those
 * with its imaginary parts summed apart and joined in. The loops are generic/gemm_small_body.h,
 * on 512-bit vectors; the last rows use opmask loads and stores (masked-off lanes are neither
 * read nor written). */
#include "kernels/kernels.h"

#include <immintrin.h>

SB_KERNEL_PROTOTYPES(avx512)

/* Only the FMAs written here: alpha*op(B) is a plain complex product, as the packed path's (GCC's
 * SLP and loop vectorizers make it an fmaddsub even with contraction off; the loop vectorizer did
 * once the t loop stood in a function of its own, small_scaled; off for real, the d kernel at
 * n = 64 ran at 55 GFLOP/s instead of 73 without SLP). */
#if SB_IS_COMPLEX
#pragma GCC optimize("fp-contract=off", "no-tree-slp-vectorize", "no-tree-loop-vectorize")
#else
#pragma GCC optimize("fp-contract=off")
#endif

#if SB_IS_DOUBLE
#define VT __m512d
#define VW 8
#define VM __mmask8
#define V_ZERO() _mm512_setzero_pd()
#define V_LOAD(p) _mm512_loadu_pd(p)
#define V_STORE(p, v) _mm512_storeu_pd((p), (v))
#define V_SET1(x) _mm512_set1_pd(x)
#define V_MUL(a, b) _mm512_mul_pd((a), (b))
#define V_FMA(a, b, c) _mm512_fmadd_pd((a), (b), (c))
#define V_FNMA(a, b, c) _mm512_fnmadd_pd((a), (b), (c))
#define V_MASKLOAD(p, k) _mm512_maskz_loadu_pd((k), (p))
#define V_MASKSTORE(p, k, v) _mm512_mask_storeu_pd((p), (k), (v))
#define V_SWAP(a) _mm512_permute_pd((a), 0x55)
#define V_FMADDSUB(a, b, c) _mm512_fmaddsub_pd((a), (b), (c))
#else
#define VT __m512
#define VW 16
#define VM __mmask16
#define V_ZERO() _mm512_setzero_ps()
#define V_LOAD(p) _mm512_loadu_ps(p)
#define V_STORE(p, v) _mm512_storeu_ps((p), (v))
#define V_SET1(x) _mm512_set1_ps(x)
#define V_MUL(a, b) _mm512_mul_ps((a), (b))
#define V_FMA(a, b, c) _mm512_fmadd_ps((a), (b), (c))
#define V_FNMA(a, b, c) _mm512_fnmadd_ps((a), (b), (c))
#define V_MASKLOAD(p, k) _mm512_maskz_loadu_ps((k), (p))
#define V_MASKSTORE(p, k, v) _mm512_mask_storeu_ps((p), (k), (v))
#define V_SWAP(a) _mm512_permute_ps((a), 0xB1)
#define V_FMADDSUB(a, b, c) _mm512_fmaddsub_ps((a), (b), (c))
#endif
/* AVX-512 has no addsub: r*1 -+ swap(i) rounds as addsub does (r*1 is exact) */
#define V_JOIN(r, i) V_FMADDSUB((r), V_SET1(1), V_SWAP(i))
/* the first r lanes */
#define V_MASK(r) ((VM)((1u << (r)) - 1u))

/* complex: where the microkernel joins the imaginary parts' sums besides its end: single
 * precision after every fourth round of four steps, counted from the end of its k4 = k/4 full
 * rounds (round i, 0-based, when k4 - i is a multiple of four); double precision never */
#if SB_IS_COMPLEX && !SB_IS_DOUBLE
#define SB_SMALL_JOIN_AFTER(l, k) (((l) & 3) == 3 && ((l) >> 2) < ((k) >> 2) && ((((k) >> 2) - ((l) >> 2)) & 3) == 0)
#else
#define SB_SMALL_JOIN_AFTER(l, k) 0
#endif
/* 32 registers: 16 accumulators (complex: 8 and their imaginary parts' sums) */
#define SB_SMALL_NC (SB_IS_COMPLEX ? 4 : 8)
/* narrower column blocks take up to 4 vectors of rows (16 accumulators at 4 columns) */
#define SB_SMALL_NV(nc) ((nc) >= SB_SMALL_NC ? 2 : 4)
/* each rows loop a function of its own (see gemm_small_body.h) */
#define SB_SMALL_ROWS_APART
#define SB_SMALL_NAME SB_NAME(gemm_small_avx512)
#include "kernels/generic/gemm_small_body.h"

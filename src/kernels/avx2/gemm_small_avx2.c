/* AVX2+FMA gemm for small problems without packing (compiled with -mavx2 -mfma; used only when
 * cpuid allows), op(A) = A, all four precisions. Contract (kernels.h): C := beta*C, then for
 * l = 0, 1, ..., k-1 in order C(i,j) := fma(A(i,l), t, C(i,j)) with t = alpha*op(B)(l,j) rounded
 * first, as the reference orders it (one rounding per product-and-add); complex: the products
 * with t's real parts so, those with its imaginary parts summed apart and joined in.
 * The loops are generic/gemm_small_body.h, on 256-bit vectors with masks in vectors. */
#include "kernels/kernels.h"

#include <immintrin.h>

/* Only the FMAs written here: alpha*op(B) is a plain complex product, as the packed path's (GCC's
 * SLP and loop vectorizers make it an fmaddsub even with contraction off, the loop vectorizer
 * once the t loop stood in a function of its own; off for real, the d kernel at n = 64 ran at 55
 * GFLOP/s instead of 73 without SLP). */
#if SB_IS_COMPLEX
#pragma GCC optimize("fp-contract=off", "no-tree-slp-vectorize", "no-tree-loop-vectorize")
#else
#pragma GCC optimize("fp-contract=off")
#endif

#if SB_IS_DOUBLE
#define VT __m256d
#define VW 4
#define V_ZERO() _mm256_setzero_pd()
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_SET1(x) _mm256_set1_pd(x)
#define V_MUL(a, b) _mm256_mul_pd((a), (b))
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define V_FNMA(a, b, c) _mm256_fnmadd_pd((a), (b), (c))
#define V_MASKLOAD(p, k) _mm256_maskload_pd((p), (k))
#define V_MASKSTORE(p, k, v) _mm256_maskstore_pd((p), (k), (v))
#define V_SWAP(a) _mm256_permute_pd((a), 0x5)
#define V_FMADDSUB(a, b, c) _mm256_fmaddsub_pd((a), (b), (c))
#define V_JOIN(r, i) _mm256_addsub_pd((r), V_SWAP(i))
static const long long mask_tab[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
#else
#define VT __m256
#define VW 8
#define V_ZERO() _mm256_setzero_ps()
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_storeu_ps((p), (v))
#define V_SET1(x) _mm256_set1_ps(x)
#define V_MUL(a, b) _mm256_mul_ps((a), (b))
#define V_FMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
#define V_FNMA(a, b, c) _mm256_fnmadd_ps((a), (b), (c))
#define V_MASKLOAD(p, k) _mm256_maskload_ps((p), (k))
#define V_MASKSTORE(p, k, v) _mm256_maskstore_ps((p), (k), (v))
#define V_SWAP(a) _mm256_permute_ps((a), 0xB1)
#define V_FMADDSUB(a, b, c) _mm256_fmaddsub_ps((a), (b), (c))
#define V_JOIN(r, i) _mm256_addsub_ps((r), V_SWAP(i))
static const int mask_tab[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
#endif
/* the first r lanes */
#define VM __m256i
#define V_MASK(r) _mm256_loadu_si256((const __m256i *)(mask_tab + VW - (r)))

/* complex: where the microkernel joins the imaginary parts' sums besides its end: single
 * precision after every fourth round of four steps, counted from the end of its k4 = k/4 full
 * rounds (round i, 0-based, when k4 - i is a multiple of four); double precision never */
#if SB_IS_COMPLEX && !SB_IS_DOUBLE
#define SB_SMALL_JOIN_AFTER(l, k) (((l) & 3) == 3 && ((l) >> 2) < ((k) >> 2) && ((((k) >> 2) - ((l) >> 2)) & 3) == 0)
#else
#define SB_SMALL_JOIN_AFTER(l, k) 0
#endif
/* 16 registers: 8 accumulators (complex: 4 and their imaginary parts' sums) */
#define SB_SMALL_NC (SB_IS_COMPLEX ? 2 : 4)
#define SB_SMALL_NAME SB_NAME(gemm_small_avx2)
/* d: each rows loop a function of its own, 3 vectors of rows at 4 columns (12 FMA chains, the
 * latency 4 x 2 FMAs a cycle of Zen 3 covered with room). Inlined into one function, GCC kept an
 * A vector of the d loop on the stack and reloaded it for every FMA: on an EPYC family 25 model 1
 * (Zen 3), one thread, d NN n = 64 ran 22-25 GFLOP/s (OpenBLAS 34-40); apart with 2 vectors
 * 29-40, with 3 vectors 42-43 (n = 16 unchanged, 100: 42). s keeps the inlined loop (no spill,
 * 93 GFLOP/s at n = 64; apart with 3 vectors 90-91). */
#if SB_IS_DOUBLE && !SB_IS_COMPLEX
#define SB_SMALL_NV(nc) ((nc) >= SB_SMALL_NC ? 3 : 4)
#define SB_SMALL_ROWS_APART
#endif
#include "kernels/generic/gemm_small_body.h"

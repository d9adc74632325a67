/* AVX2+FMA gemm for small problems without packing (compiled with -mavx2 -mfma; used only when
 * cpuid allows), op(A) = A, all four precisions (op(A) transposed: a copy first, at the end). Contract (kernels.h): C := beta*C, then for
 * l = 0, 1, ..., k-1 in order C(i,j) := fma(A(i,l), t, C(i,j)) with t = alpha*op(B)(l,j) rounded
 * first, as the reference orders it (one rounding per product-and-add); complex: the products
 * with t's real parts so, those with its imaginary parts summed apart and joined in.
 * The loops are generic/gemm_small_body.h, on 256-bit vectors with masks in vectors. */
#include "kernels/kernels.h"

#include <immintrin.h>

#include "kernels/avx2/transpose_avx2.h"

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

/* ---- op(A) transposed ('T', or 'C' for complex), m and k at most SB_SMALL_T_MAX ----
 * op(A) is copied onto the stack by 4 x 4 register transposes as the packing does (64-bit units
 * in ymm registers: a double, or a float complex conjugated by flipping the sign bit of its high
 * half; floats in xmm registers; a double complex one at a time), then the loops above run on the
 * copy: the bits of the driver's copy path (gemm.c's gemm_copied_a) without its calls and its
 * 8 KiB frame. A tile's rows past m repeat its first row and its columns past k are loaded under
 * a mask (nothing read, zeros): they land in the copy where the loops never read.
 * EPYC family 25 model 1 (Zen 3), one thread, the benchmark's small calls, millions of calls/s
 * through the copy path -> here: d TN n = 4 15.7 -> 25-27, 8 11.2 -> 13.6-14.2, 16 3.3 -> 3.7-3.9
 * (d NN 32-37, 15-18.5, 3.5-4.2); s TN 4 14.7 -> 20.4-21.4, 8 12.1 -> 18.7-19.9, 16 5.2 -> 7.3-7.5;
 * c CN 4 14.5 -> 23.1, 8 7.2 -> 10.4, 16 1.5 -> 1.8; z CN 4 15.5 -> 21.2. */
#if SB_IS_DOUBLE != SB_IS_COMPLEX
typedef double unit_t;
typedef __m256d tile_row;
#define T_LOAD(p) _mm256_loadu_pd(p)
#define T_MASKLOAD(p, mk) _mm256_maskload_pd((p), (mk))
#define T_STORE(p, v) _mm256_storeu_pd((p), (v))
#define T_XOR(a, b) _mm256_xor_pd((a), (b))
static const long long unit_mask[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
#define T_MASK(r) _mm256_loadu_si256((const __m256i *)(unit_mask + 4 - (r)))
#define T_TRANSPOSE(v) transpose4_pd(v)
#elif !SB_IS_COMPLEX
typedef float unit_t;
typedef __m128 tile_row;
#define T_LOAD(p) _mm_loadu_ps(p)
#define T_MASKLOAD(p, mk) _mm_maskload_ps((p), (mk))
#define T_STORE(p, v) _mm_storeu_ps((p), (v))
#define T_XOR(a, b) _mm_xor_ps((a), (b))
static const int unit_mask[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
#define T_MASK(r) _mm_loadu_si128((const __m128i *)(unit_mask + 4 - (r)))
#define T_TRANSPOSE(v) _MM_TRANSPOSE4_PS((v)[0], (v)[1], (v)[2], (v)[3])
#endif

#if SB_IS_DOUBLE && SB_IS_COMPLEX
/* double complex: a 128-bit unit at a time, leading dimension m */
static inline __attribute__((always_inline)) blas_int copy_op_a(char ta, blas_int m, blas_int k, const sb_t *a,
                                                                blas_int lda, sb_t *buf)
{
    const __m128d flip = ta == 'C' ? _mm_setr_pd(0.0, -0.0) : _mm_setzero_pd();
    const double *x = (const double *)a;
    double *d = (double *)buf;
    for (blas_int i = 0; i < m; i++)
        for (blas_int l = 0; l < k; l++)
            _mm_storeu_pd(d + 2 * (l * m + i), _mm_xor_pd(_mm_loadu_pd(x + 2 * (i * (size_t)lda + l)), flip));
    return m;
}
#else
/* The 4 x 4 tile of op(A) (m x k) at row i0, column l0 into d (leading dimension w), whole
 * columns of the tile stored */
static inline __attribute__((always_inline)) void copy_tile(const unit_t *x, size_t col, blas_int m, blas_int k,
                                                            blas_int i0, blas_int l0, unit_t *d, blas_int w,
                                                            tile_row flip)
{
    const unit_t *p[4];
    tile_row v[4];
    p[0] = x + i0 * col + l0;
#pragma GCC unroll 4
    for (int i = 1; i < 4; i++) p[i] = i0 + i < m ? p[0] + i * col : p[0];
    if (k - l0 >= 4) {
#pragma GCC unroll 4
        for (int i = 0; i < 4; i++) v[i] = T_LOAD(p[i]);
    } else {
        const __typeof__(T_MASK(0)) mk = T_MASK(k - l0);
#pragma GCC unroll 4
        for (int i = 0; i < 4; i++) v[i] = T_MASKLOAD(p[i], mk);
    }
    T_TRANSPOSE(v);
#pragma GCC unroll 4
    for (int q = 0; q < 4; q++) T_STORE(d + (l0 + q) * w + i0, T_XOR(v[q], flip));
}

static inline __attribute__((always_inline)) blas_int copy_tiles(blas_int m, blas_int k, const unit_t *x, size_t col,
                                                                 unit_t *d, tile_row flip)
{
    const blas_int w = (m + 3) / 4 * 4;
    for (blas_int i0 = 0; i0 < m; i0 += 4)
        for (blas_int l0 = 0; l0 < k; l0 += 4) copy_tile(x, col, m, k, i0, l0, d, w, flip);
    return w;
}

#if !SB_IS_DOUBLE && !SB_IS_COMPLEX
/* float, m a multiple of 8 and k of 4: two 4 x 4 tiles at once, rows i0.. and i0 + 4.. in the two
 * 128-bit lanes of a ymm register (a load and a load into the high lane), so a store writes 8
 * rows of a column of op(A): half the shuffles and stores of the xmm tiles (sgemm TN n = 16:
 * 77% of NN's calls/s with xmm tiles) */
static inline __attribute__((always_inline)) blas_int copy_pairs(blas_int m, blas_int k, const float *x, size_t col,
                                                                 float *d)
{
    for (blas_int i0 = 0; i0 < m; i0 += 8)
        for (blas_int l0 = 0; l0 < k; l0 += 4) {
            __m256 v[4];
            const float *p = x + i0 * col + l0;
#pragma GCC unroll 4
            for (int i = 0; i < 4; i++)
                v[i] = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_loadu_ps(p + i * col)),
                                            _mm_loadu_ps(p + (i + 4) * col), 1);
            transpose4_ps_lanes(v);
#pragma GCC unroll 4
            for (int q = 0; q < 4; q++) _mm256_storeu_ps(d + (l0 + q) * m + i0, v[q]);
        }
    return m;
}
#endif

/* op(A) (m x k) into buf; returns its leading dimension (m rounded up to 4). Square n = 4, 8, 16
 * with the sizes known: straight lines, no loop counters or masks. */
static inline __attribute__((always_inline)) blas_int copy_op_a(char ta, blas_int m, blas_int k, const sb_t *a,
                                                                blas_int lda, sb_t *buf)
{
    const unit_t *x = (const unit_t *)a;
    unit_t *d = (unit_t *)buf;
    tile_row flip;
#if SB_IS_COMPLEX
    flip = ta == 'C' ? _mm256_castsi256_pd(_mm256_set1_epi64x((long long)(1ULL << 63))) : _mm256_setzero_pd();
#elif SB_IS_DOUBLE
    (void)ta;
    flip = _mm256_setzero_pd();
#else
    (void)ta;
    flip = _mm_setzero_ps();
#endif
    const size_t col = (size_t)lda; /* units from one column of A to the next */
#if !SB_IS_DOUBLE && !SB_IS_COMPLEX
    if (m == 8 && k == 8) return copy_pairs(8, 8, x, col, d);
    if (m == 16 && k == 16) return copy_pairs(16, 16, x, col, d);
#endif
    if (m == 4 && k == 4) return copy_tiles(4, 4, x, col, d, flip);
    if (m == 8 && k == 8) return copy_tiles(8, 8, x, col, d, flip);
    if (m == 16 && k == 16) return copy_tiles(16, 16, x, col, d, flip);
    return copy_tiles(m, k, x, col, d, flip);
}
#endif

void SB_NAME(gemm_small_t_avx2)(char ta, blas_int m, blas_int n, blas_int k, const sb_t *alpha, const sb_t *a,
                                blas_int lda, char tb, const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c,
                                blas_int ldc)
{
    /* whole 4 x 4 tiles: up to SB_SMALL_T_MAX rounded up to 4 on each side */
    _Alignas(32) sb_t buf[(SB_SMALL_T_MAX + 3) / 4 * 4 * ((SB_SMALL_T_MAX + 3) / 4 * 4)];
    const blas_int ld = copy_op_a(SB_IS_COMPLEX ? ta : 'T', m, k, a, lda, buf);
    small_entry(m, n, k, alpha, buf, ld, tb, b, ldb, beta, c, ldc);
}

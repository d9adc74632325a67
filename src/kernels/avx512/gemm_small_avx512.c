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

/* ---- op(A) transposed ('T', or 'C' for complex), m and k at most SB_SMALL_T_MAX ----
 * op(A) is copied onto the stack by register transposes (a 64-byte or 32-byte row of A's column
 * per load, a column of op(A) per store), then the loops above run on the copy: the bits of the
 * driver's copy path (gemm.c's gemm_copied_a), without its calls, its 8 KiB frame and its
 * general packer. */
#include "kernels/avx512/transpose_avx512.h"

#if SB_IS_COMPLEX && SB_IS_DOUBLE
/* double complex: an element is a 128-bit unit; each column of op(A) is built four rows to a zmm
 * register by inserting loads (rows past m repeat row m - 1, where nothing reads them) and
 * stored whole, so the kernel's 64-byte loads of the copy are forwarded from one store each
 * (conjugated: the sign of each imaginary part flipped) */
static inline __attribute__((always_inline)) void copy_columns(blas_int m, blas_int k, const double *x, size_t col,
                                                               double *d, blas_int w, __m512d flip)
{
    for (blas_int i0 = 0; i0 < m; i0 += 4) {
        /* rows by pointer steps (no multiplies before the first loads); past m, row m - 1 again */
        const double *p0 = x + i0 * col, *p1, *p2, *p3;
        if (i0 + 4 <= m) {
            p1 = p0 + col;
            p2 = p1 + col;
            p3 = p2 + col;
        } else {
            p1 = x + SB_MIN(i0 + 1, m - 1) * col;
            p2 = x + SB_MIN(i0 + 2, m - 1) * col;
            p3 = x + SB_MIN(i0 + 3, m - 1) * col;
        }
#pragma GCC unroll 8
        for (blas_int l = 0; l < k; l++) {
            /* two 256-bit halves, each a load and an insert from memory (any port), then one
             * 256-bit insert: a shorter chain than three 128-bit inserts in turn */
            const __m256d lo = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(p0 + 2 * l)),
                                                    _mm_loadu_pd(p1 + 2 * l), 1);
            const __m256d hi = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(p2 + 2 * l)),
                                                    _mm_loadu_pd(p3 + 2 * l), 1);
            const __m512d v = _mm512_insertf64x4(_mm512_castpd256_pd512(lo), hi, 1);
            _mm512_storeu_pd(d + 2 * (l * w + i0), _mm512_xor_pd(v, flip));
        }
    }
}

static inline __attribute__((always_inline)) void copy_op_a(char ta, blas_int m, blas_int k, const sb_t *a,
                                                            blas_int lda, sb_t *buf, blas_int *ld)
{
    const __m512d flip = ta == 'C' ? _mm512_set_pd(-0.0, 0.0, -0.0, 0.0, -0.0, 0.0, -0.0, 0.0) : _mm512_setzero_pd();
    const double *x = (const double *)a;
    double *d = (double *)buf;
    const blas_int w = (m + 3) / 4 * 4;
    *ld = w;
    const size_t col = 2 * (size_t)lda; /* doubles from one column of A to the next */
    /* square n = 4, 8, 16 with the sizes known: straight lines, no loop counters (zgemm CN, share
     * of NN's calls/s: n = 4 81.6% -> 85.1%, 8 81.8% -> 86.9-88.2%, 16 89.5% -> 91.3%) */
    if (m == 4 && k == 4) copy_columns(4, 4, x, col, d, 4, flip);
    else if (m == 8 && k == 8) copy_columns(8, 8, x, col, d, 8, flip);
    else if (m == 16 && k == 16) copy_columns(16, 16, x, col, d, 16, flip);
    else copy_columns(m, k, x, col, d, w, flip);
}
#else
/* the unit transposed: a real element, or a float complex as one 64-bit unit (conjugated: the
 * sign bit of its high half, the imaginary part, flipped); UW units to a zmm register, HW to a
 * ymm. Rows past m and columns past k of a tile are loaded with an empty mask (nothing read,
 * zeros), from a row that exists: columns past k land in the copy where nothing reads them. */
#if SB_IS_DOUBLE || SB_IS_COMPLEX
#define UW 8
#define HW 4
typedef double unit_t;
typedef __m512d zvec;
typedef __m256d yvec;
typedef __mmask8 umask;
#define Y_MASKLOAD(p, mk) _mm256_maskz_loadu_pd((mk), (p))
#define Z_STORE(p, v) _mm512_storeu_pd((p), (v))
#define Y_STORE(p, v) _mm256_storeu_pd((p), (v))
#define Z_XOR _mm512_xor_pd
#define Y_XOR _mm256_xor_pd
#define Z_ZERO _mm512_setzero_pd
#define Y_ZERO _mm256_setzero_pd
#define Y_TRANSPOSE transpose4_ymm
#define Z_MASKLOAD(p, mk) _mm512_maskz_loadu_pd((mk), (p))
#define Z_WIDEN _mm512_castpd256_pd512
#define Z_TRANSPOSE transpose8
#else
#define UW 16
#define HW 8
typedef float unit_t;
typedef __m512 zvec;
typedef __m256 yvec;
typedef __mmask16 umask;
#define Y_MASKLOAD(p, mk) _mm256_maskz_loadu_ps((__mmask8)(mk), (p))
#define Z_STORE(p, v) _mm512_storeu_ps((p), (v))
#define Y_STORE(p, v) _mm256_storeu_ps((p), (v))
#define Z_XOR _mm512_xor_ps
#define Y_XOR _mm256_xor_ps
#define Z_ZERO _mm512_setzero_ps
#define Y_ZERO _mm256_setzero_ps
#define Y_TRANSPOSE transpose8_ymm
#define Z_MASKLOAD(p, mk) _mm512_maskz_loadu_ps((mk), (p))
#define Z_WIDEN _mm512_castps256_ps512
#define Z_TRANSPOSE transpose16
#endif

/* v[q] := column q of the UW x UW tile (rows r[i] at x + r[i]*lda, columns by mask mk[i]). (Its
 * first step done by merging loads of half rows, 16 shuffles instead of 24 for double, ran no
 * faster: dgemm TN n = 8 24.9 against 25.6 million calls/s, n = 16 6.47 against 6.31.) */
static inline __attribute__((always_inline)) void load_tile(const unit_t *x, blas_int lda, const blas_int r[UW],
                                                            const umask mk[UW], zvec v[UW])
{
#pragma GCC unroll 16
    for (int i = 0; i < UW; i++) v[i] = Z_MASKLOAD(x + r[i] * lda, mk[i]);
    Z_TRANSPOSE(v);
}

/* The UW x UW tile of op(A) (m x k) at row i0, column l0 into the copy d (leading dimension w):
 * whole columns of the tile are stored (rows past m zero) */
static inline __attribute__((always_inline)) void copy_tile(const unit_t *x, blas_int lda, blas_int m, blas_int k,
                                                            blas_int i0, blas_int l0, unit_t *d, blas_int w,
                                                            zvec flip)
{
    const umask km = (umask)(k - l0 >= UW ? (1u << UW) - 1u : (1u << (k - l0)) - 1u);
    blas_int r[UW];
    umask mk[UW];
    zvec v[UW];
#pragma GCC unroll 16
    for (int i = 0; i < UW; i++) {
        r[i] = i0 + i < m ? i0 + i : i0;
        mk[i] = i0 + i < m ? km : 0;
    }
    load_tile(x + l0, lda, r, mk, v);
#pragma GCC unroll 16
    for (int q = 0; q < UW; q++) Z_STORE(d + (l0 + q) * w + i0, Z_XOR(v[q], flip));
}

/* op(A) (m x k) by UW x UW tiles into d; returns the leading dimension */
static inline __attribute__((always_inline)) blas_int copy_tiles(const unit_t *x, blas_int lda, blas_int m,
                                                                 blas_int k, unit_t *d, zvec flip)
{
    _Static_assert(SB_SMALL_T_MAX <= 2 * UW, "op(A) in at most 2 x 2 tiles");
    const int two_m = SB_SMALL_T_MAX > UW && m > UW, two_k = SB_SMALL_T_MAX > UW && k > UW;
    const blas_int w = two_m ? 2 * UW : UW;
    copy_tile(x, lda, m, k, 0, 0, d, w, flip);
    if (two_k) copy_tile(x, lda, m, k, 0, UW, d, w, flip);
    if (two_m) {
        copy_tile(x, lda, m, k, UW, 0, d, w, flip);
        if (two_k) copy_tile(x, lda, m, k, UW, UW, d, w, flip);
    }
    return w;
}

#if !SB_IS_DOUBLE && !SB_IS_COMPLEX
/* float, m and k up to 4: one xmm tile into d (leading dimension UW) */
static inline __attribute__((always_inline)) void copy_xmm_tile(blas_int m, blas_int k, const float *x, blas_int lda,
                                                                float *d)
{
    __m128 v[4];
    const __mmask8 km = (__mmask8)((1u << k) - 1u);
#pragma GCC unroll 4
    for (int i = 0; i < 4; i++) v[i] = _mm_maskz_loadu_ps(i < m ? km : 0, x + (i < m ? i : 0) * lda);
    transpose4_xmm(v);
#pragma GCC unroll 4
    for (int q = 0; q < 4; q++) Z_STORE(d + q * UW, _mm512_castps128_ps512(v[q]));
}
#endif

/* m and k up to HW: one ymm tile into d (leading dimension UW) */
static inline __attribute__((always_inline)) void copy_ymm_tile(char ta, blas_int m, blas_int k, const unit_t *x,
                                                                blas_int lda, unit_t *d)
{
    yvec v[HW], flip = Y_ZERO();
#if SB_IS_COMPLEX
    if (ta == 'C') flip = _mm256_castsi256_pd(_mm256_set1_epi64x((long long)(1ULL << 63)));
#else
    (void)ta;
#endif
    const umask km = (umask)((1u << k) - 1u);
#pragma GCC unroll 8
    for (int i = 0; i < HW; i++) v[i] = Y_MASKLOAD(x + (i < m ? i : 0) * lda, i < m ? km : 0);
    Y_TRANSPOSE(v);
#pragma GCC unroll 8
    for (int q = 0; q < HW; q++) Z_STORE(d + q * UW, Z_WIDEN(Y_XOR(v[q], flip)));
}

/* op(A) (m x k) into buf with leading dimension *ld, a multiple of the tile's height: m and k up
 * to HW in one ymm tile, else up to 2 x 2 zmm tiles of UW x UW (whole tiles stored: buf holds
 * 2 UW x 2 UW units). A whole small tile is copied with its size known (masks and rows folded). */
static inline __attribute__((always_inline)) void copy_op_a(char ta, blas_int m, blas_int k, const sb_t *a,
                                                            blas_int lda, sb_t *buf, blas_int *ld)
{
    const unit_t *x = (const unit_t *)a;
    unit_t *d = (unit_t *)buf;
#if !SB_IS_DOUBLE && !SB_IS_COMPLEX
    if (m <= 4 && k <= 4) { /* float, n = 4: one xmm tile */
        *ld = UW;
        if (m == 4 && k == 4) copy_xmm_tile(4, 4, x, lda, d);
        else copy_xmm_tile(m, k, x, lda, d);
        return;
    }
#endif
    if (m <= HW && k <= HW) {
        *ld = UW;
        if (m == HW && k == HW) copy_ymm_tile(ta, HW, HW, x, lda, d);
        else copy_ymm_tile(ta, m, k, x, lda, d);
        return;
    }
    zvec flip = Z_ZERO();
#if SB_IS_COMPLEX
    if (ta == 'C') flip = _mm512_castsi512_pd(_mm512_set1_epi64((long long)(1ULL << 63)));
#endif
    /* whole tiles (n = 8, 16) with their masks and rows known here */
#if !SB_IS_DOUBLE && !SB_IS_COMPLEX
    if (m == UW && k == UW) { /* float, n = 16: no masks, a quarter of the shuffles done by loads */
        zvec v[UW];
        load_transpose16(x, lda, v);
#pragma GCC unroll 16
        for (int q = 0; q < UW; q++) Z_STORE(d + q * UW, v[q]);
        *ld = UW;
        return;
    }
#endif
    if (m == UW && k == UW) *ld = copy_tiles(x, lda, UW, UW, d, flip);
    else if (SB_SMALL_T_MAX >= 2 * UW && m == 2 * UW && k == 2 * UW) *ld = copy_tiles(x, lda, 2 * UW, 2 * UW, d, flip);
    else *ld = copy_tiles(x, lda, m, k, d, flip);
}
#endif

void SB_NAME(gemm_small_t_avx512)(char ta, blas_int m, blas_int n, blas_int k, const sb_t *alpha, const sb_t *a,
                                  blas_int lda, char tb, const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c,
                                  blas_int ldc)
{
    _Alignas(64) sb_t buf[SB_SMALL_T_MAX * SB_SMALL_T_MAX];
    blas_int ld;
    copy_op_a(SB_IS_COMPLEX ? ta : 'T', m, k, a, lda, buf, &ld);
    small_entry(m, n, k, alpha, buf, ld, tb, b, ldb, beta, c, ldc);
}

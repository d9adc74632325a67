/* AVX2+FMA dot-form gemv kernel (op T, real, unit-stride x), compiled with -mavx2 -mfma and used
 * only when cpuid allows (kernels.h). Four columns share each load of x; every column gets the
 * same arithmetic whatever it is grouped with:
 *   two vector accumulators per column, acc0 for rows [i, i+W) and acc1 for [i+W, i+2W) of
 *   each block of 2W rows (W = 4 doubles or 8 floats), products added with FMA; then at most one
 *   more full vector into acc0 and the last < W rows as a masked (zero-filled) vector into acc1;
 *   the sum is acc0 + acc1 reduced by halves (lanes l and l + W/2 first), and
 *   y(j) := fma(alpha, sum, y(j)).
 * The scheme depends only on m, so a split of the columns over threads (or the 4/1 column
 * grouping) never changes a bit. */
#include "kernels/kernels.h"

#include <immintrin.h>

#include "common/precision.h"

#if !SB_IS_COMPLEX

#if SB_IS_DOUBLE
#define VT __m256d
#define W 4
#define V_ZERO() _mm256_setzero_pd()
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define V_ADD(a, b) _mm256_add_pd((a), (b))
static const long long mask_tab[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
#define V_MASKLOAD(p, r) _mm256_maskload_pd((p), _mm256_loadu_si256((const __m256i *)(mask_tab + 4 - (r))))
static inline double hsum(__m256d v)
{
    __m128d h = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(h, _mm_unpackhi_pd(h, h)));
}
#define S_FMA(a, b, c) __builtin_fma((a), (b), (c))
#else
#define VT __m256
#define W 8
#define V_ZERO() _mm256_setzero_ps()
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_FMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
#define V_ADD(a, b) _mm256_add_ps((a), (b))
static const int mask_tab[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
#define V_MASKLOAD(p, r) _mm256_maskload_ps((p), _mm256_loadu_si256((const __m256i *)(mask_tab + 8 - (r))))
static inline float hsum(__m256 v)
{
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    return _mm_cvtss_f32(_mm_add_ss(h, _mm_movehdup_ps(h)));
}
#define S_FMA(a, b, c) __builtin_fmaf((a), (b), (c))
#endif

/* NC (1 or 4) columns from a, lda apart */
static inline __attribute__((always_inline)) void cols(const int NC, blas_int m, sb_t alpha, const sb_t *a,
                                                        blas_int lda, const sb_t *x, sb_t *y, blas_int incy)
{
    VT acc0[4], acc1[4];
    const sb_t *col[4];
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        acc0[c] = V_ZERO();
        acc1[c] = V_ZERO();
        col[c] = a + (ptrdiff_t)c * lda;
    }
    blas_int i = 0;
    for (; i + 2 * W <= m; i += 2 * W) {
        VT x0 = V_LOAD(x + i), x1 = V_LOAD(x + i + W);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) {
            acc0[c] = V_FMA(V_LOAD(col[c] + i), x0, acc0[c]);
            acc1[c] = V_FMA(V_LOAD(col[c] + i + W), x1, acc1[c]);
        }
    }
    if (i + W <= m) {
        VT x0 = V_LOAD(x + i);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) acc0[c] = V_FMA(V_LOAD(col[c] + i), x0, acc0[c]);
        i += W;
    }
    if (i < m) {
        int r = (int)(m - i);
        VT x1 = V_MASKLOAD(x + i, r);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) acc1[c] = V_FMA(V_MASKLOAD(col[c] + i, r), x1, acc1[c]);
    }
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        sb_t s = hsum(V_ADD(acc0[c], acc1[c]));
        sb_t *yc = y + (ptrdiff_t)c * incy;
        *yc = S_FMA(alpha, s, *yc);
    }
}

void SB_NAME(gemv_t_avx2)(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x, sb_t *y,
                          blas_int incy)
{
    blas_int j = 0;
    for (; j + 4 <= n; j += 4) cols(4, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
    for (; j < n; j++) cols(1, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
}

#else
typedef int sb_gemv_t_avx2_complex_unused; /* complex gemv T stays in the driver */
#endif

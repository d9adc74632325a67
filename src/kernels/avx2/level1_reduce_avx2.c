/* AVX2 level-1 reductions (kernels.h): iamax, asum, nrm2 on unit-stride vectors, compiled with
 * -mavx2 -mfma and used only when cpuid allows. Unaligned loads, no peeling: every order below
 * depends only on n (and for nrm2 on the class of the values), never on the addresses.
 * iamax: a pass for the largest non-NaN |x| (|re| + |im|: pair sums of the absolute reals, the
 *   same single rounded add as the scalar), then a pass for the first element equal to it; the
 *   answer is the scalar scan's (kernels.h).
 * asum: four vector sums, acc_k over elements [i + kW, i + (k+1)W) of each block of 4W, the
 *   remaining full vectors into acc0, (acc0 + acc1) + (acc2 + acc3) reduced by halves, then the
 *   last n mod W added in order.
 * nrm2, double: one pass sums the squares with FMA in four vector sums (as asum's) while it
 *   tracks the smallest nonzero and the largest |x|; if every value is zero or in [TSML, TBIG]
 *   and the sum is not NaN, the sum is added to amed and asml, abig stay, which is what the
 *   reference's three accumulators get from such values (up to the order of the sums).
 *   Otherwise the values are added again by the generic scalar scan (level1_nrm2_blue.h).
 * nrm2, single: the floats widened to double, squares summed with FMA in four double vector sums
 *   as above, the last n mod 4 in order, the sum added to acc[1]. */
#include "kernels/kernels.h"

#include "common/precision.h"
#include "kernels/avx2/vec_level1_avx2.h"
#include "kernels/generic/level1_nrm2_blue.h"

/* abs1 of the W elements x[0 .. W) in one vector, lanes in any order */
static inline VT abs1_vec(const sb_t *x)
{
    const sb_r *r = (const sb_r *)x;
#if SB_IS_COMPLEX
    return V_HADD(V_ABS(V_LOAD(r)), V_ABS(V_LOAD(r + W)));
#else
    return V_ABS(V_LOAD(r));
#endif
}

static inline sb_r hmax(VT v)
{
    sb_r t[W];
    V_STORE(t, v);
    sb_r m = t[0];
    for (int l = 1; l < W; l++) m = t[l] > m ? t[l] : m;
    return m;
}

__attribute__((unused)) static inline sb_r hmin(VT v)
{
    sb_r t[W];
    V_STORE(t, v);
    sb_r m = t[0];
    for (int l = 1; l < W; l++) m = t[l] < m ? t[l] : m;
    return m;
}

blas_int SB_NAME(iamax_avx2)(blas_int n, const sb_t *x, sb_r *best)
{
    const sb_r b = *best;
    if (b != b) return -1; /* nothing is larger than a NaN */
    /* V_MAX(new, acc) keeps acc when new is NaN, so the maxima never hold a NaN */
    VT m0 = V_SET1(b), m1 = m0, m2 = m0, m3 = m0;
    blas_int i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        m0 = V_MAX(abs1_vec(x + i), m0);
        m1 = V_MAX(abs1_vec(x + i + W), m1);
        m2 = V_MAX(abs1_vec(x + i + 2 * W), m2);
        m3 = V_MAX(abs1_vec(x + i + 3 * W), m3);
    }
    for (; i + W <= n; i += W) m0 = V_MAX(abs1_vec(x + i), m0);
    sb_r m = hmax(V_MAX(V_MAX(m0, m1), V_MAX(m2, m3)));
    for (; i < n; i++) {
        sb_r v = sb_abs1(x[i]);
        if (v > m) m = v;
    }
    if (!(m > b)) return -1;
    /* the first element equal to m: the first vector holding one, then in it */
    const VT mv = V_SET1(m);
    i = 0;
    for (; i + 2 * W <= n; i += 2 * W)
        if (V_MOVEMASK(V_EQ(abs1_vec(x + i), mv)) | V_MOVEMASK(V_EQ(abs1_vec(x + i + W), mv))) break;
    while (sb_abs1(x[i]) != m) i++;
    *best = m;
    return i;
}

#if !SB_IS_COMPLEX

#define SB_ASUM_NAME SB_NAME(asum_avx2)
#include "kernels/generic/level1_asum_body.h"
#undef SB_ASUM_NAME

#if SB_IS_DOUBLE

/* the fallback scan with the generic set's bits (no contraction into FMA) */
__attribute__((optimize("fp-contract=off"), noinline)) static void nrm2_scan(blas_int n, const sb_r *x,
                                                                               double acc[3])
{
    sb_nrm2_blue_scan(n, x, 1, acc);
}

/* The element just below |x| as a double (bits - 1): zero becomes a NaN, which V_MIN(new, acc)
 * passes over, so the running minimum is that of the nonzero values (one step down, which keeps
 * the comparison with TSML exact). */
static inline VT below(VT ax) { return _mm256_castsi256_pd(_mm256_sub_epi64(_mm256_castpd_si256(ax), _mm256_set1_epi64x(1))); }

void SB_NAME(nrm2_avx2)(blas_int n, const sb_r *x, double acc[3])
{
    VT s0 = V_ZERO(), s1 = V_ZERO(), s2 = V_ZERO(), s3 = V_ZERO();
    VT lo0 = V_SET1(INFINITY), lo1 = lo0, lo2 = lo0, lo3 = lo0, hi = V_ZERO();
    blas_int i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        VT a0 = V_ABS(V_LOAD(x + i)), a1 = V_ABS(V_LOAD(x + i + W));
        VT a2 = V_ABS(V_LOAD(x + i + 2 * W)), a3 = V_ABS(V_LOAD(x + i + 3 * W));
        s0 = V_FMA(a0, a0, s0);
        s1 = V_FMA(a1, a1, s1);
        s2 = V_FMA(a2, a2, s2);
        s3 = V_FMA(a3, a3, s3);
        lo0 = V_MIN(below(a0), lo0);
        lo1 = V_MIN(below(a1), lo1);
        lo2 = V_MIN(below(a2), lo2);
        lo3 = V_MIN(below(a3), lo3);
        hi = V_MAX(V_MAX(V_MAX(a0, a1), V_MAX(a2, a3)), hi); /* a NaN may be dropped: the sum keeps it */
    }
    for (; i + W <= n; i += W) {
        VT a0 = V_ABS(V_LOAD(x + i));
        s0 = V_FMA(a0, a0, s0);
        lo0 = V_MIN(below(a0), lo0);
        hi = V_MAX(a0, hi);
    }
    double sum = V_HSUM(V_ADD(V_ADD(s0, s1), V_ADD(s2, s3)));
    /* below(TSML) = TSML - 2^-564 */
    int fast = hmax(hi) <= SB_NRM2_TBIG && hmin(V_MIN(V_MIN(lo0, lo1), V_MIN(lo2, lo3))) >= SB_NRM2_TSML - 0x1p-564;
    for (; i < n; i++) {
        double ax = fabs(x[i]);
        fast &= ax == 0 || (ax >= SB_NRM2_TSML && ax <= SB_NRM2_TBIG);
        sum = __builtin_fma(ax, ax, sum);
    }
    if (fast && sum == sum) {
        acc[1] += sum;
        return;
    }
    nrm2_scan(n, x, acc);
}

#else

void SB_NAME(nrm2_avx2)(blas_int n, const sb_r *x, double acc[3])
{
    __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
    blas_int i = 0;
#define SQ_ADD(s, off)                                                                                 \
    do {                                                                                               \
        __m256d t = _mm256_cvtps_pd(_mm_loadu_ps(x + i + (off)));                                      \
        s = _mm256_fmadd_pd(t, t, s);                                                                  \
    } while (0)
    for (; i + 16 <= n; i += 16) {
        SQ_ADD(s0, 0);
        SQ_ADD(s1, 4);
        SQ_ADD(s2, 8);
        SQ_ADD(s3, 12);
    }
    for (; i + 4 <= n; i += 4) SQ_ADD(s0, 0);
#undef SQ_ADD
    __m256d s = _mm256_add_pd(_mm256_add_pd(s0, s1), _mm256_add_pd(s2, s3));
    __m128d h = _mm_add_pd(_mm256_castpd256_pd128(s), _mm256_extractf128_pd(s, 1));
    double sum = _mm_cvtsd_f64(_mm_add_sd(h, _mm_unpackhi_pd(h, h)));
    for (; i < n; i++) sum = __builtin_fma((double)x[i], (double)x[i], sum);
    acc[1] += sum;
}

#endif
#endif

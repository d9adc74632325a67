/* AVX2+FMA level-1 unit-stride loops (kernels.h), compiled with -mavx2 -mfma and used only when
 * cpuid allows. Unaligned loads and stores throughout, no peeling for alignment, so nothing
 * depends on the addresses.
 * axpy: every element is y + alpha*x as a multiply then an add, two roundings, never an FMA
 *   (real); complex: t = (ar*xr - ai*xi, ar*xi + ai*xr), each product rounded, then y + t, as
 *   the generic C does. So the two kernel sets give the same bits, and the vector body and the
 *   scalar remainder agree, whatever the position of an element. GCC would contract a
 *   multiply-add into an FMA under -mfma (even one written with _mm256_mul/_mm256_add), so the
 *   axpy functions are compiled with fp-contract=off (NO_CONTRACT).
 * dot (real; complex below): four vector accumulators, acc_k for elements [i + kW, i + (k+1)W) of each block of
 *   4W (W = 4 doubles or 8 floats), products added with FMA; then the remaining full vectors
 *   into acc0; the sum is (acc0 + acc1) + (acc2 + acc3) reduced by halves (lanes l and l + W/2
 *   first), then the last n mod W elements added in order with scalar FMA. The shape depends
 *   only on n. */
#include "kernels/kernels.h"

#include "common/precision.h"
#include "kernels/avx2/vec_level1_avx2.h"

#if !SB_IS_COMPLEX

NO_CONTRACT void SB_NAME(axpy_avx2)(blas_int n, sb_t alpha, const sb_t *x, sb_t *y)
{
    const VT a = V_SET1(alpha);
    blas_int i = 0;
#define RSTEP(off) V_STORE(y + i + (off), V_ADD(V_LOAD(y + i + (off)), V_MUL(a, V_LOAD(x + i + (off)))))
    for (; i + 4 * W <= n; i += 4 * W) {
        RSTEP(0);
        RSTEP(W);
        RSTEP(2 * W);
        RSTEP(3 * W);
    }
    for (; i + W <= n; i += W) RSTEP(0);
#undef RSTEP
    for (; i < n; i++) y[i] = y[i] + alpha * x[i];
}

sb_t SB_NAME(dot_avx2)(blas_int n, const sb_t *x, const sb_t *y, int conjx)
{
    (void)conjx;
    VT acc0 = V_ZERO(), acc1 = V_ZERO(), acc2 = V_ZERO(), acc3 = V_ZERO();
    blas_int i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        acc0 = V_FMA(V_LOAD(x + i), V_LOAD(y + i), acc0);
        acc1 = V_FMA(V_LOAD(x + i + W), V_LOAD(y + i + W), acc1);
        acc2 = V_FMA(V_LOAD(x + i + 2 * W), V_LOAD(y + i + 2 * W), acc2);
        acc3 = V_FMA(V_LOAD(x + i + 3 * W), V_LOAD(y + i + 3 * W), acc3);
    }
    for (; i + W <= n; i += W) acc0 = V_FMA(V_LOAD(x + i), V_LOAD(y + i), acc0);
    sb_t s = V_HSUM(V_ADD(V_ADD(acc0, acc1), V_ADD(acc2, acc3)));
    for (; i < n; i++) s = S_FMA(x[i], y[i], s);
    return s;
}

#else

/* complex y += alpha*x on the interleaved (re, im) reals: W/2 elements per vector */
NO_CONTRACT void SB_NAME(axpy_avx2)(blas_int n, sb_t alpha, const sb_t *x, sb_t *y)
{
    const sb_r ar = sb_creal(alpha), ai = sb_cimag(alpha);
    const sb_r *xr = (const sb_r *)x;
    sb_r *yr = (sb_r *)y;
    const sb_r nai = -ai;
    const VT a_re = V_SET1(ar), a_im = V_ALT(ai); /* (-ai, ai, ...) */
    ptrdiff_t m = 2 * (ptrdiff_t)n, i = 0; /* reals */
    /* (ar*xr, ar*xi) + (-ai*xi, ai*xr) = (ar*xr - ai*xi, ar*xi + ai*xr) exactly (a - b is a + (-b)),
     * then + y; written without addsub, which GCC would fuse with the multiply into fmaddsub */
#define CSTEP(off)                                                                                     \
    do {                                                                                               \
        VT xv = V_LOAD(xr + i + (off));                                                                \
        VT t = V_ADD(V_MUL(a_re, xv), V_MUL(a_im, V_SWAP_PAIRS(xv)));                                  \
        V_STORE(yr + i + (off), V_ADD(V_LOAD(yr + i + (off)), t));                                     \
    } while (0)
    for (; i + 4 * W <= m; i += 4 * W) {
        CSTEP(0);
        CSTEP(W);
        CSTEP(2 * W);
        CSTEP(3 * W);
    }
    for (; i + W <= m; i += W) CSTEP(0);
#undef CSTEP
    for (; i < m; i += 2) {
        sb_r re = ar * xr[i] + nai * xr[i + 1];
        sb_r im = ar * xr[i + 1] + ai * xr[i];
        yr[i] = yr[i] + re;
        yr[i + 1] = yr[i + 1] + im;
    }
}

/* the even-lane and odd-lane sums of v, halves first (lanes l and l + W/2, then pairs) */
static inline void hsum2(VT v, sb_r *even, sb_r *odd)
{
#if SB_IS_DOUBLE
    __m128d h = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    *even = _mm_cvtsd_f64(h);
    *odd = _mm_cvtsd_f64(_mm_unpackhi_pd(h, h));
#else
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    *even = _mm_cvtss_f32(h);
    *odd = _mm_cvtss_f32(_mm_movehdup_ps(h));
#endif
}

/* complex dot on the interleaved reals: p accumulates (xr*yr, xi*yi) and q (xr*yi, xi*yr) with
 * FMA, two of each over blocks of W complex elements (the second pair for the upper half), then
 * remaining full vectors into the first pair; pairs added, each reduced to its even and odd lane
 * sums rr, ii, ri, ir; the last elements added to those in order with scalar FMA; finally
 * dotu = (rr - ii, ri + ir), dotc = (rr + ii, ri - ir). The shape depends only on n. */
sb_t SB_NAME(dot_avx2)(blas_int n, const sb_t *x, const sb_t *y, int conjx)
{
    const sb_r *xr = (const sb_r *)x, *yr = (const sb_r *)y;
    VT p0 = V_ZERO(), q0 = V_ZERO(), p1 = V_ZERO(), q1 = V_ZERO();
    ptrdiff_t m = 2 * (ptrdiff_t)n, i = 0; /* reals */
    for (; i + 2 * W <= m; i += 2 * W) {
        VT x0 = V_LOAD(xr + i), y0 = V_LOAD(yr + i), x1 = V_LOAD(xr + i + W), y1 = V_LOAD(yr + i + W);
        p0 = V_FMA(x0, y0, p0);
        q0 = V_FMA(x0, V_SWAP_PAIRS(y0), q0);
        p1 = V_FMA(x1, y1, p1);
        q1 = V_FMA(x1, V_SWAP_PAIRS(y1), q1);
    }
    for (; i + W <= m; i += W) {
        VT x0 = V_LOAD(xr + i), y0 = V_LOAD(yr + i);
        p0 = V_FMA(x0, y0, p0);
        q0 = V_FMA(x0, V_SWAP_PAIRS(y0), q0);
    }
    sb_r rr, ii, ri, ir;
    hsum2(V_ADD(p0, p1), &rr, &ii);
    hsum2(V_ADD(q0, q1), &ri, &ir);
    for (; i < m; i += 2) {
        rr = S_FMA(xr[i], yr[i], rr);
        ii = S_FMA(xr[i + 1], yr[i + 1], ii);
        ri = S_FMA(xr[i], yr[i + 1], ri);
        ir = S_FMA(xr[i + 1], yr[i], ir);
    }
    return conjx ? sb_make(rr + ii, ri - ir) : sb_make(rr - ii, ri + ir);
}

#endif

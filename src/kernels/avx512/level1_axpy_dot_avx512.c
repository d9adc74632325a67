/* AVX-512 axpy and dot (kernels.h, "level-1 unit-stride loops"): the avx2 set's loops on 512-bit
 * vectors, with the elements that do not fill a vector done by masked loads and stores instead of
 * a scalar loop. Masked-off lanes are neither read nor written (no fault, nothing outside the
 * vectors).
 * axpy: every element is y + alpha*x as a multiply then an add, two roundings, never an FMA
 *   (real); complex: t = (ar*xr - ai*xi, ar*xi + ai*xr), each product rounded, then y + t. The
 *   same bits as the generic and avx2 sets, whatever the position of an element (NO_CONTRACT:
 *   GCC would fuse the multiply and the add under -mfma). A masked head runs y up to a 64-byte
 *   boundary first (complex: when that is a whole number of elements): a zmm store that splits a
 *   cache line costs about as much as two, and the elementwise arithmetic does not care where
 *   the vectors start.
 * dot (real): four vector accumulators; element i goes to lane i mod W of acc_k, k = (i / W) mod 4
 *   (W = 8 doubles or 16 floats), added with FMA in increasing i; the last partial block is read
 *   with masks (zero lanes add nothing: the accumulators start at +0 and never hold -0); the sum
 *   is (acc0 + acc1) + (acc2 + acc3) reduced by halves (lanes l and l + W/2 first). Unaligned
 *   loads, no peeling: the shape depends only on n, never on the addresses; it differs from the
 *   avx2 set's (no scalar tail), so may the last bits. (Eight accumulators ran no faster in L1
 *   and 7% slower from L2: ddot n = 4096, 480 against 447 ns.)
 * dot (complex): on the interleaved reals, as the avx2 set's (below) with four pairs of
 *   accumulators and masked loads for the last partial block. */
#include "kernels/kernels.h"

#include "common/precision.h"
#include "kernels/avx512/vec_level1_avx512.h"

#if !SB_IS_COMPLEX

NO_CONTRACT void SB_NAME(axpy_avx512)(blas_int n, sb_t alpha, const sb_t *x, sb_t *y)
{
    const VT a = V_SET1(alpha);
#define RSTEP(p) V_STORE(y + (p), V_ADD(V_LOAD(y + (p)), V_MUL(a, V_LOAD(x + (p)))))
#define RSTEP_MASKED(p, k) V_MASKSTORE(y + (p), (k), V_ADD(V_MASKLOAD(y + (p), (k)), V_MUL(a, V_MASKLOAD(x + (p), (k)))))
    blas_int i = 0;
    /* a masked head up to the first 64-byte boundary of y, so that no store splits a cache line */
    const blas_int head = (blas_int)((-(uintptr_t)y & 63) / sizeof(sb_t));
    if (head > 0 && n > head) {
        RSTEP_MASKED(0, V_MASK(head));
        i = head;
    }
    for (; i + 8 * W <= n; i += 8 * W)
#pragma GCC unroll 8
        for (int k = 0; k < 8; k++) RSTEP(i + k * W);
    for (; i + W <= n; i += W) RSTEP(i);
    if (i < n) RSTEP_MASKED(i, V_MASK(n - i));
#undef RSTEP
#undef RSTEP_MASKED
}

sb_t SB_NAME(dot_avx512)(blas_int n, const sb_t *x, const sb_t *y, int conjx)
{
    (void)conjx;
    VT acc0 = V_ZERO(), acc1 = V_ZERO(), acc2 = V_ZERO(), acc3 = V_ZERO();
    blas_int i = 0;
#define DSTEP(k) acc##k = V_FMA(V_LOAD(x + i + (k) * W), V_LOAD(y + i + (k) * W), acc##k)
    for (; i + 4 * W <= n; i += 4 * W) {
        DSTEP(0);
        DSTEP(1);
        DSTEP(2);
        DSTEP(3);
    }
#undef DSTEP
    /* the last partial block, r < 4W elements: vector k into acc_k, the last one masked */
    const blas_int r = n - i;
#define DTAIL(k)                                                                                       \
    if (r > (k) * W) {                                                                                 \
        const MASK_T m = V_TAIL_MASK(r - (k) * W);                                                    \
        acc##k = V_FMA(V_MASKLOAD(x + i + (k) * W, m), V_MASKLOAD(y + i + (k) * W, m), acc##k);        \
    }
    DTAIL(0)
    DTAIL(1)
    DTAIL(2)
    DTAIL(3)
#undef DTAIL
    return V_HSUM(V_ADD(V_ADD(acc0, acc1), V_ADD(acc2, acc3)));
}

#else

/* complex y += alpha*x on the interleaved (re, im) reals: W/2 elements per vector.
 * (ar*xr, ar*xi) + (-ai*xi, ai*xr) = (ar*xr - ai*xi, ar*xi + ai*xr) exactly (a - b is a + (-b)),
 * then + y; written without addsub, which GCC would fuse with the multiply into fmaddsub */
NO_CONTRACT void SB_NAME(axpy_avx512)(blas_int n, sb_t alpha, const sb_t *x, sb_t *y)
{
    const VT a_re = V_SET1(sb_creal(alpha)), a_im = V_ALT(sb_cimag(alpha)); /* (-ai, ai, ...) */
    const sb_r *xr = (const sb_r *)x;
    sb_r *yr = (sb_r *)y;
#define CSTEP(load, store, p)                                                                          \
    do {                                                                                               \
        VT xv = load(xr + (p));                                                                        \
        V_PIN(xv);                                                                                     \
        VT t = V_ADD(V_MUL(a_re, xv), V_MUL(a_im, V_SWAP_PAIRS(xv)));                                  \
        store(yr + (p), V_ADD(load(yr + (p)), t));                                                     \
    } while (0)
#define MLOAD(q) V_MASKLOAD((q), k)
#define MSTORE(q, v) V_MASKSTORE((q), k, (v))
    const ptrdiff_t m = 2 * (ptrdiff_t)n; /* reals */
    ptrdiff_t i = 0;
    /* a masked head up to the first 64-byte boundary of y, when that is a whole number of
     * elements, so that no store splits a cache line */
    const ptrdiff_t head = (ptrdiff_t)((-(uintptr_t)y & 63) / sizeof(sb_r));
    if (head > 0 && head % 2 == 0 && m > head) {
        const MASK_T k = V_MASK(head);
        CSTEP(MLOAD, MSTORE, 0);
        i = head;
    }
    for (; i + 4 * W <= m; i += 4 * W)
#pragma GCC unroll 4
        for (int j = 0; j < 4; j++) CSTEP(V_LOAD, V_STORE, i + j * W);
    for (; i + W <= m; i += W) CSTEP(V_LOAD, V_STORE, i);
    if (i < m) {
        const MASK_T k = V_MASK(m - i);
        CSTEP(MLOAD, MSTORE, i);
    }
#undef CSTEP
#undef MLOAD
#undef MSTORE
}

/* the even-lane and odd-lane sums of v, by halves (lanes l and l + W/2, then l and l + W/4, ...) */
static inline void hsum2(VT v, sb_r *even, sb_r *odd)
{
#if SB_IS_DOUBLE
    __m256d h4 = _mm256_add_pd(_mm512_castpd512_pd256(v), _mm512_extractf64x4_pd(v, 1));
    __m128d h = _mm_add_pd(_mm256_castpd256_pd128(h4), _mm256_extractf128_pd(h4, 1));
    *even = _mm_cvtsd_f64(h);
    *odd = _mm_cvtsd_f64(_mm_unpackhi_pd(h, h));
#else
    __m256 h8 = _mm256_add_ps(_mm512_castps512_ps256(v), _mm512_extractf32x8_ps(v, 1));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(h8), _mm256_extractf128_ps(h8, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    *even = _mm_cvtss_f32(h);
    *odd = _mm_cvtss_f32(_mm_movehdup_ps(h));
#endif
}

/* complex dot on the interleaved reals: real i goes to lane i mod W of p_k and q_k, k = (i / W) mod 4,
 * p_k accumulating (xr*yr, xi*yi) and q_k (xr*yi, xi*yr) with FMA in increasing i, the last partial
 * block read with masks; p = (p0 + p1) + (p2 + p3) and q likewise, each reduced to its even and odd
 * lane sums rr, ii and ri, ir; dotu = (rr - ii, ri + ir), dotc = (rr + ii, ri - ir). The shape
 * depends only on n. */
sb_t SB_NAME(dot_avx512)(blas_int n, const sb_t *x, const sb_t *y, int conjx)
{
    const sb_r *xr = (const sb_r *)x, *yr = (const sb_r *)y;
    VT p0 = V_ZERO(), q0 = V_ZERO(), p1 = V_ZERO(), q1 = V_ZERO();
    VT p2 = V_ZERO(), q2 = V_ZERO(), p3 = V_ZERO(), q3 = V_ZERO();
    const ptrdiff_t m = 2 * (ptrdiff_t)n; /* reals */
    ptrdiff_t i = 0;
#define ZSTEP(k)                                                                                       \
    do {                                                                                               \
        VT xv = V_LOAD(xr + i + (k) * W), yv = V_LOAD(yr + i + (k) * W);                               \
        V_PIN(xv);                                                                                     \
        V_PIN(yv);                                                                                     \
        p##k = V_FMA(xv, yv, p##k);                                                                    \
        q##k = V_FMA(xv, V_SWAP_PAIRS(yv), q##k);                                                      \
    } while (0)
    for (; i + 4 * W <= m; i += 4 * W) {
        ZSTEP(0);
        ZSTEP(1);
        ZSTEP(2);
        ZSTEP(3);
    }
#undef ZSTEP
    const ptrdiff_t r = m - i;
#define ZTAIL(k)                                                                                       \
    if (r > (k) * W) {                                                                                 \
        const MASK_T msk = V_TAIL_MASK(r - (k) * W);                                                  \
        VT xv = V_MASKLOAD(xr + i + (k) * W, msk), yv = V_MASKLOAD(yr + i + (k) * W, msk);             \
        p##k = V_FMA(xv, yv, p##k);                                                                    \
        q##k = V_FMA(xv, V_SWAP_PAIRS(yv), q##k);                                                      \
    }
    ZTAIL(0)
    ZTAIL(1)
    ZTAIL(2)
    ZTAIL(3)
#undef ZTAIL
    sb_r rr, ii, ri, ir;
    hsum2(V_ADD(V_ADD(p0, p1), V_ADD(p2, p3)), &rr, &ii);
    hsum2(V_ADD(V_ADD(q0, q1), V_ADD(q2, q3)), &ri, &ir);
    return conjx ? sb_make(rr + ii, ri - ir) : sb_make(rr - ii, ri + ir);
}

#endif

/* The unpacked small real gemm (contract in kernels.h) as a body included by a templated source
 * that defines its vector type and operations first: avx2/gemm_small_avx2.c (ymm, masks in
 * vectors) and avx512/gemm_small_avx512.c (zmm, opmask registers). The including file defines
 *   VT, VW (scalars per vector), VM (a lane mask), V_ZERO, V_LOAD, V_STORE, V_SET1, V_MUL,
 *   V_FMA, V_FNMA, V_MASKLOAD(p, mask), V_MASKSTORE(p, mask, v), V_MASK(r) (the first r lanes)
 *   SB_SMALL_NC (the most columns of C in registers at once: 4 for 16 vector registers, 8 for 32)
 *   and SB_SMALL_NAME (the function's name).
 *
 * C is done SB_SMALL_NC (then 4, 2, 1) columns at a time: the rows go by in blocks of 2 vectors,
 * 1 vector and a masked vector for the last m mod VW rows, each block's SB_SMALL_NC x 2
 * accumulators held in registers across l (8 or 16 independent FMA chains keep both FMA units
 * busy). t is op(B) itself when alpha is
 * +-1; otherwise it is computed once per (l, j) into a small buffer, KB values of l at a time, and
 * between those chunks the running values rest in C, which is exact. So every element gets
 * exactly the operations of the contract whichever block or lane holds it. */
#define INLINE static inline __attribute__((always_inline))
#define KB 256 /* values of l per chunk of t */

/* A block of nv vectors of rows (1 or 2; masked: 1 vector, lanes by mk) by nc columns (1, 2, 4, 8),
 * l = 0..k-1 of a chunk. sign +1: t(l, q) = t[l*tl + q*tq] is alpha*op(B) (or op(B), alpha = 1);
 * sign -1: t is op(B) and alpha = -1, and a*(-b) is added as a*b subtracted (the same bits). The
 * first chunk starts from beta*C (C not read if beta is 0), later ones from C. */
INLINE void block(const int nv, const int nc, const int masked, const int sign, VM mk, blas_int k,
                  const sb_t *t, blas_int tl, blas_int tq, const sb_t *a, blas_int lda, sb_t beta, sb_t *c,
                  blas_int ldc)
{
    VT acc[SB_SMALL_NC][2];
#pragma GCC unroll 8
    for (int q = 0; q < nc; q++)
#pragma GCC unroll 2
        for (int v = 0; v < nv; v++) {
            const sb_t *p = c + (size_t)q * ldc + v * VW;
            VT x = beta == 0 ? V_ZERO() : masked ? V_MASKLOAD(p, mk) : V_LOAD(p);
            acc[q][v] = beta == 0 || beta == 1 ? x : V_MUL(V_SET1(beta), x);
        }
    for (blas_int l = 0; l < k; l++) {
        const sb_t *al = a + (size_t)l * lda, *tlp = t + (size_t)l * tl;
        VT a0 = masked ? V_MASKLOAD(al, mk) : V_LOAD(al), a1 = nv > 1 ? V_LOAD(al + VW) : a0;
#pragma GCC unroll 8
        for (int q = 0; q < nc; q++) {
            VT tv = V_SET1(tlp[(size_t)q * tq]);
            if (sign < 0) {
                acc[q][0] = V_FNMA(a0, tv, acc[q][0]);
                if (nv > 1) acc[q][1] = V_FNMA(a1, tv, acc[q][1]);
            } else {
                acc[q][0] = V_FMA(a0, tv, acc[q][0]);
                if (nv > 1) acc[q][1] = V_FMA(a1, tv, acc[q][1]);
            }
        }
    }
#pragma GCC unroll 8
    for (int q = 0; q < nc; q++)
#pragma GCC unroll 2
        for (int v = 0; v < nv; v++) {
            sb_t *p = c + (size_t)q * ldc + v * VW;
            if (masked) V_MASKSTORE(p, mk, acc[q][v]);
            else V_STORE(p, acc[q][v]);
        }
}

/* All row blocks of columns 0..nc-1 for one chunk of l. */
INLINE void rows(const int nc, const int sign, blas_int m, blas_int k, const sb_t *t, blas_int tl, blas_int tq,
                 const sb_t *a, blas_int lda, sb_t beta, sb_t *c, blas_int ldc)
{
    const VM all = V_MASK(VW), tail = V_MASK(m % VW);
    blas_int i = 0;
    for (; i + 2 * VW <= m; i += 2 * VW) block(2, nc, 0, sign, all, k, t, tl, tq, a + i, lda, beta, c + i, ldc);
    if (i + VW <= m) block(1, nc, 0, sign, all, k, t, tl, tq, a + i, lda, beta, c + i, ldc), i += VW;
    if (i < m) block(1, nc, 1, sign, tail, k, t, tl, tq, a + i, lda, beta, c + i, ldc);
}

/* Columns 0..nc-1 of C (nc constant); op(B)(l, q) = b[l*sl + q*sq]. */
INLINE void cols(const int nc, blas_int m, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b,
                 blas_int sl, blas_int sq, sb_t beta, sb_t *c, blas_int ldc)
{
    /* alpha = +-1: t is op(B) itself, read where it is */
    if (alpha == 1) {
        rows(nc, 1, m, k, b, sl, sq, a, lda, beta, c, ldc);
        return;
    }
    if (alpha == -1) {
        rows(nc, -1, m, k, b, sl, sq, a, lda, beta, c, ldc);
        return;
    }
    /* else alpha*op(B) once per (l, q), KB values of l at a time */
    sb_t t[KB * SB_SMALL_NC];
    for (blas_int l0 = 0; l0 < k; l0 += KB) {
        blas_int kb = k - l0 < KB ? k - l0 : KB;
        for (blas_int l = 0; l < kb; l++)
#pragma GCC unroll 8
            for (int q = 0; q < nc; q++) t[l * SB_SMALL_NC + q] = alpha * b[(size_t)(l0 + l) * sl + (size_t)q * sq];
        rows(nc, 1, m, kb, t, SB_SMALL_NC, 1, a + (size_t)l0 * lda, lda, l0 == 0 ? beta : 1, c, ldc); /* later chunks go on from C */
    }
}

void SB_SMALL_NAME(blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, char tb,
                              const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    int bcols = tb == 'N' || tb == 'R';
    blas_int sl = bcols ? 1 : ldb, sq = bcols ? ldb : 1; /* op(B)(l, j) = b[l*sl + j*sq] */
    blas_int j = 0;
    for (; j + SB_SMALL_NC <= n; j += SB_SMALL_NC)
        cols(SB_SMALL_NC, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc);
#if SB_SMALL_NC > 4
    if (j + 4 <= n) cols(4, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc), j += 4;
#endif
    if (j + 2 <= n) cols(2, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc), j += 2;
    if (j < n) cols(1, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc);
}


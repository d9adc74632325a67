/* The unpacked small gemm, real and complex (contracts in kernels.h), as a body included by a
 * templated source that defines its vector type and operations first: avx2/gemm_small_avx2.c
 * (ymm, masks in vectors) and avx512/gemm_small_avx512.c (zmm, opmask registers). The including
 * file defines, on the real type sb_r,
 *   VT, VW (scalars per vector), VM (a lane mask), V_ZERO, V_LOAD, V_STORE, V_SET1, V_MUL,
 *   V_FMA, V_FNMA, V_MASKLOAD(p, mask), V_MASKSTORE(p, mask, v), V_MASK(r) (the first r lanes),
 *   for complex also V_SWAP(x) ((re, im) -> (im, re) in each complex), V_FMADDSUB(x, y, z)
 *   (x*y - z in the real lanes, x*y + z in the imaginary ones, one rounding) and V_JOIN(r, i)
 *   (r - swap(i) in the real lanes, r + swap(i) in the imaginary ones, one rounding),
 *   SB_SMALL_JOIN_AFTER(l, k) (complex: whether the set's microkernel, on k steps, joins the
 *   imaginary parts' sums into the running values after step l, l + 1 < k),
 *   SB_SMALL_NC (the most columns of C in registers at once) and SB_SMALL_NAME (the function's name).
 *
 * C is done SB_SMALL_NC (then 4, 2, 1) columns at a time: the rows go by in blocks of
 * SB_SMALL_NV(nc) vectors (optional, else 2), then one block of the vectors left whose last one is
 * masked when the rows end inside it, each block's accumulators held in registers across l
 * (real: nc x (vectors) independent FMA chains; complex twice as many: for each
 * column the products with op(B)'s real parts, added to the running values of C, and those with
 * its imaginary parts, summed from zero and joined into the running values where the set's
 * microkernel joins them and at the end). t is op(B) itself when alpha is +-1 (read where it is;
 * a conjugated op(B) flips the sign of the imaginary parts' products, which is exact);
 * otherwise it is computed once per (l, j) into a small buffer, KB values of l at a time, and
 * between those chunks the running values rest in C (exact; complex: each chunk as a call of
 * its own). So every element gets exactly the operations of the contract whichever block or
 * lane holds it, and the bits of the packed path, which packs alpha*op(B) and runs the
 * microkernel in order (real: for any k; complex: for k up to KB and to one KC step). */
#define INLINE static inline __attribute__((always_inline))
#define KB 256 /* values of l per chunk of t */
#define EW (SB_IS_COMPLEX ? 2 : 1) /* scalars per element */
#define VE (VW / EW)               /* elements per vector */
/* acc + x*t (sign +1) or acc - x*t (sign -1; the bits of acc + x*(-t)), one rounding */
#define ADD_PRODUCT(sign, x, t, acc) ((sign) < 0 ? V_FNMA((x), (t), (acc)) : V_FMA((x), (t), (acc)))

/* The most vectors of rows in a block of nc columns (set by the including file, else 2): narrow
 * blocks take more rows, so that the column tails still have enough independent FMA chains. */
#ifndef SB_SMALL_NV
#define SB_SMALL_NV(nc) 2
#define NV_MAX 2 /* the accumulator arrays no larger than the blocks use */
#else
#define NV_MAX 4
#endif

/* A block of nv vectors of rows (1..NV_MAX; masked: the last vector's lanes by mk) by nc columns
 * (1, 2, 4, 8), l = 0..k-1 of a chunk. t(l, q) = t[l*tl + q*tq] is alpha*op(B) (sr = si = +1) or
 * op(B) read in place with alpha = +-1: sr -1 adds a*(-b) as a*b subtracted (the same bits);
 * complex si, the sign of the imaginary parts' products, also flips for a conjugated op(B). The
 * first chunk starts from beta*C (C not read if beta is 0), later ones from C. */
INLINE void block(const int nv, const int nc, const int masked, const int sr, const int si, VM mk, blas_int k,
                  const sb_t *t, blas_int tl, blas_int tq, const sb_t *a, blas_int lda, sb_t beta, sb_t *c,
                  blas_int ldc)
{
    VT acc[SB_SMALL_NC][NV_MAX];
#if SB_IS_COMPLEX
    VT acci[SB_SMALL_NC][NV_MAX];
    const VT vbr = V_SET1(sb_creal(beta)), vbi = V_SET1(sb_cimag(beta));
#endif
#pragma GCC unroll 8
    for (int q = 0; q < nc; q++)
#pragma GCC unroll 4
        for (int v = 0; v < nv; v++) {
            const sb_r *p = (const sb_r *)(c + (size_t)q * ldc) + v * VW;
            VT x = beta == 0 ? V_ZERO() : masked && v == nv - 1 ? V_MASKLOAD(p, mk) : V_LOAD(p);
#if SB_IS_COMPLEX
            acc[q][v] = beta == 0 || beta == 1 ? x : V_FMADDSUB(x, vbr, V_MUL(V_SWAP(x), vbi));
            acci[q][v] = V_ZERO();
#else
            acc[q][v] = beta == 0 || beta == 1 ? x : V_MUL(V_SET1(beta), x);
#endif
        }
    /* t's columns q and q + 4 from two pointers and three offsets (tq, 2 tq, 3 tq), all moved by
     * pointer steps: few enough registers that nothing of the l loop rests on the stack */
    const sb_t *t0 = t, *t4 = t + (nc > 4 ? 4 * (size_t)tq : 0), *al = a;
    const size_t tq1 = (size_t)tq, tq2 = 2 * (size_t)tq, tq3 = 3 * (size_t)tq;
    for (blas_int l = 0; l < k; l++, al += lda, t0 += tl, t4 += tl) {
        /* the block's A vectors (unused ones copies of the first) */
        const sb_r *ap = (const sb_r *)al;
#define SB_SMALL_AV(v) (masked && (v) == nv - 1 ? V_MASKLOAD(ap + (v) * VW, mk) : V_LOAD(ap + (v) * VW))
        const VT av0 = SB_SMALL_AV(0), av1 = nv > 1 ? SB_SMALL_AV(1) : av0, av2 = nv > 2 ? SB_SMALL_AV(2) : av0,
                 av3 = nv > 3 ? SB_SMALL_AV(3) : av0;
#undef SB_SMALL_AV
#pragma GCC unroll 8
        for (int q = 0; q < nc; q++) {
            const int r = q & 3;
            const sb_r *tv = (const sb_r *)((q < 4 ? t0 : t4) + (r == 0 ? 0 : r == 1 ? tq1 : r == 2 ? tq2 : tq3));
            VT tr = V_SET1(tv[0]);
            acc[q][0] = ADD_PRODUCT(sr, av0, tr, acc[q][0]);
            if (nv > 1) acc[q][1] = ADD_PRODUCT(sr, av1, tr, acc[q][1]);
            if (nv > 2) acc[q][2] = ADD_PRODUCT(sr, av2, tr, acc[q][2]);
            if (nv > 3) acc[q][3] = ADD_PRODUCT(sr, av3, tr, acc[q][3]);
#if SB_IS_COMPLEX
            VT ti = V_SET1(tv[1]);
            acci[q][0] = ADD_PRODUCT(si, av0, ti, acci[q][0]);
            if (nv > 1) acci[q][1] = ADD_PRODUCT(si, av1, ti, acci[q][1]);
            if (nv > 2) acci[q][2] = ADD_PRODUCT(si, av2, ti, acci[q][2]);
            if (nv > 3) acci[q][3] = ADD_PRODUCT(si, av3, ti, acci[q][3]);
#endif
        }
#if SB_IS_COMPLEX
        if (SB_SMALL_JOIN_AFTER(l, k) || l + 1 == k)
#pragma GCC unroll 8
            for (int q = 0; q < nc; q++)
#pragma GCC unroll 4
                for (int v = 0; v < nv; v++) {
                    acc[q][v] = V_JOIN(acc[q][v], acci[q][v]);
                    acci[q][v] = V_ZERO();
                }
#endif
    }
#pragma GCC unroll 8
    for (int q = 0; q < nc; q++)
#pragma GCC unroll 4
        for (int v = 0; v < nv; v++) {
            sb_r *p = (sb_r *)(c + (size_t)q * ldc) + v * VW;
            if (masked && v == nv - 1) V_MASKSTORE(p, mk, acc[q][v]);
            else V_STORE(p, acc[q][v]);
        }
}

/* All row blocks of columns 0..nc-1 for one chunk of l: blocks of SB_SMALL_NV(nc) vectors, then
 * one block of the vectors left, its last one masked when the rows do not fill it (m = 25, 8
 * columns: 16 rows, then 8 + 1 in one block instead of two). */
INLINE void rows(const int nc, const int sr, const int si, blas_int m, blas_int k, const sb_t *t, blas_int tl,
                 blas_int tq, const sb_t *a, blas_int lda, sb_t beta, sb_t *c, blas_int ldc)
{
    const int nvb = SB_SMALL_NV(nc) < NV_MAX ? SB_SMALL_NV(nc) : NV_MAX;
    const VM all = V_MASK(VW), tail = V_MASK(EW * (m % VE));
    blas_int i = 0;
    for (; i + nvb * VE <= m; i += nvb * VE) {
        /* blocks of 3 (avx2 real): 3 + 1 vectors left go as 2 + 2, whose chains are even */
        if (nvb == 3 && m - i > 3 * VE && m - i <= 4 * VE) {
            block(2, nc, 0, sr, si, all, k, t, tl, tq, a + i, lda, beta, c + i, ldc);
            i += 2 * VE;
            break;
        }
        block(nvb, nc, 0, sr, si, all, k, t, tl, tq, a + i, lda, beta, c + i, ldc);
    }
    if (i == m) return;
    const int nv = (int)((m - i + VE - 1) / VE), masked = (m - i) % VE != 0;
    a += i, c += i;
#define SB_SMALL_LAST(n)                                                                               if (nv == (n)) {                                                                                       if (masked) block((n), nc, 1, sr, si, tail, k, t, tl, tq, a, lda, beta, c, ldc);                  else block((n), nc, 0, sr, si, all, k, t, tl, tq, a, lda, beta, c, ldc);                         return;                                                                                        }
    SB_SMALL_LAST(1)
    if (nvb > 1) SB_SMALL_LAST(2)
    if (nvb > 2) SB_SMALL_LAST(3)
    if (nvb > 3) SB_SMALL_LAST(4)
#undef SB_SMALL_LAST
}

#ifdef SB_SMALL_ROWS_APART
/* GEN(nc, s1, s2, sr, si) for every column count (1, 2, 4, SB_SMALL_NC) and pair of signs (p: +1, m:
 * -1), and the picker of the function NAME_<nc><s1><s2> so made, all of type rows_fn */
#if SB_SMALL_NC >= 4
#define SB_SMALL_IF_NC4(x) x
#else
#define SB_SMALL_IF_NC4(x)
#endif
#if SB_SMALL_NC >= 8
#define SB_SMALL_IF_NC8(x) x
#else
#define SB_SMALL_IF_NC8(x)
#endif
#define SB_SMALL_SIGNS(GEN, nc) GEN(nc, p, p, 1, 1) GEN(nc, m, m, -1, -1) GEN(nc, p, m, 1, -1) GEN(nc, m, p, -1, 1)
#define SB_SMALL_EVERY(GEN)                                                                        \
    SB_SMALL_SIGNS(GEN, 1) SB_SMALL_SIGNS(GEN, 2) SB_SMALL_IF_NC4(SB_SMALL_SIGNS(GEN, 4))          \
    SB_SMALL_IF_NC8(SB_SMALL_SIGNS(GEN, 8))
typedef void rows_fn(blas_int m, blas_int k, const sb_t *t, blas_int tl, blas_int tq, const sb_t *a, blas_int lda,
                     sb_t beta, sb_t *c, blas_int ldc);
#define SB_SMALL_PICK(name, n)                                                                     \
    if (nc == (n))                                                                                 \
        return sr > 0 ? (si > 0 ? name##_##n##pp : name##_##n##pm) : (si > 0 ? name##_##n##mp : name##_##n##mm);
#define SB_SMALL_PICKER(name)                                                                      \
    INLINE rows_fn *name##_for(const int nc, const int sr, const int si)                          \
    {                                                                                              \
        SB_SMALL_PICK(name, 1)                                                                     \
        SB_SMALL_PICK(name, 2)                                                                     \
        SB_SMALL_IF_NC4(SB_SMALL_PICK(name, 4))                                                    \
        SB_SMALL_IF_NC8(SB_SMALL_PICK(name, 8))                                                    \
        return 0;                                                                                  \
    }

/* Each (nc, signs) of rows as a function of its own where the including file asks for it
 * (SB_SMALL_ROWS_APART): avx512, whose l loops, inlined into one big function, lost registers to
 * the other blocks' loop invariants and kept their offsets and counters on the stack (d 112^3:
 * 57 against 72 GFLOP/s); apart (or called through a pointer), avx2's complex loop kept an A
 * vector on the stack instead (z n = 64: 56 -> 81 us), so there rows stay inlined. sr and si as
 * p (+1) or m (-1). */
#define SB_SMALL_ROWS_FN(nc, s1, s2, sr, si)                                                       \
    static __attribute__((noinline)) void rows_##nc##s1##s2(blas_int m, blas_int k, const sb_t *t, blas_int tl,     \
                                                          blas_int tq, const sb_t *a, blas_int lda, sb_t beta, \
                                                          sb_t *c, blas_int ldc)                   \
    {                                                                                              \
        rows(nc, sr, si, m, k, t, tl, tq, a, lda, beta, c, ldc);                                   \
    }
SB_SMALL_EVERY(SB_SMALL_ROWS_FN)
#undef SB_SMALL_ROWS_FN
/* rows_for(nc, sr, si): the rows function for nc columns and signs sr, si */
SB_SMALL_PICKER(rows)
#if NV_MAX >= 3
/* Blocks of two vectors (avx512's real 8 columns, complex 4) that would leave 2 + 1 vectors at the
 * end take the last three as one block instead (24 accumulators): a block of one vector is bound
 * by its broadcasts and its few FMA chains, not by the FMA ports (one thread, Xeon 6/207: sgemm
 * n = 40 and 48 +14%, n = 80 +7%, dgemm n = 24 +7%, zgemm n = 12-28 +3-5%). That block is a
 * function of its own per (nc, signs), called apart from rows (rows_ending_in_3): inside rows
 * its call grew the frame of every rows function, and calls of n = 8, which never reach it, took
 * 39 instead of 34.5 ns. */
#define SB_SMALL_BLOCK3_FN(nc, s1, s2, sr, si)                                                      \
    static __attribute__((noinline)) void block3_##nc##s1##s2(blas_int m, blas_int k, const sb_t *t, blas_int tl,   \
                                                            blas_int tq, const sb_t *a, blas_int lda, sb_t beta, \
                                                            sb_t *c, blas_int ldc)                 \
    {                                                                                              \
        const blas_int m0 = ((m + VE - 1) / VE - 3) * VE; /* blocks of two up to the last three vectors */ \
        if (m0 > 0) rows(nc, sr, si, m0, k, t, tl, tq, a, lda, beta, c, ldc);                     \
        if (m % VE) block(3, nc, 1, sr, si, V_MASK(EW * (m % VE)), k, t, tl, tq, a + m0, lda, beta, c + m0, ldc); \
        else block(3, nc, 0, sr, si, V_MASK(VW), k, t, tl, tq, a + m0, lda, beta, c + m0, ldc);  \
    }
SB_SMALL_EVERY(SB_SMALL_BLOCK3_FN)
#undef SB_SMALL_BLOCK3_FN
SB_SMALL_PICKER(block3)
#define SB_SMALL_BLOCK3_APART 1
#endif
#define RUN_ROWS(nc, sr, si, ...) rows_for(nc, sr, si)(__VA_ARGS__)
#else
#define RUN_ROWS(nc, sr, si, ...) rows(nc, sr, si, __VA_ARGS__)
#endif

/* rows, with the last three vectors of rows as one block where blocks of two would leave 2 + 1
 * (see block3_for): blocks of two on the rows before them, then that block */
#ifndef SB_SMALL_BLOCK3_APART
#define SB_SMALL_BLOCK3_APART 0
#endif
#if SB_SMALL_BLOCK3_APART
INLINE void rows_ending_in_3(const int nc, const int sr, const int si, blas_int m, blas_int k, const sb_t *t,
                             blas_int tl, blas_int tq, const sb_t *a, blas_int lda, sb_t beta, sb_t *c, blas_int ldc)
{
    const blas_int nv = (m + VE - 1) / VE;
    if (SB_SMALL_NV(nc) == 2 && nv >= 3 && (nv & 1)) block3_for(nc, sr, si)(m, k, t, tl, tq, a, lda, beta, c, ldc);
    else RUN_ROWS(nc, sr, si, m, k, t, tl, tq, a, lda, beta, c, ldc);
}
#define RUN_ROWS_ALL(nc, sr, si, ...) rows_ending_in_3(nc, sr, si, __VA_ARGS__)
#else
#define RUN_ROWS_ALL(nc, sr, si, ...) RUN_ROWS(nc, sr, si, __VA_ARGS__)
#endif

/* Columns 0..nc-1 of C (nc constant); op(B)(l, q) = b[l*sl + q*sq], conjugated if conjb (complex). */
INLINE void cols(const int nc, blas_int m, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b,
                 blas_int sl, blas_int sq, int conjb, sb_t beta, sb_t *c, blas_int ldc)
{
    /* alpha = +-1: t is op(B) itself, read where it is */
    if (alpha == 1 || alpha == -1) {
        const int sr = alpha == 1 ? 1 : -1;
        if (conjb) RUN_ROWS_ALL(nc, sr, -sr, m, k, b, sl, sq, a, lda, beta, c, ldc);
        else RUN_ROWS_ALL(nc, sr, sr, m, k, b, sl, sq, a, lda, beta, c, ldc);
        return;
    }
    /* else alpha*op(B) once per (l, q), KB values of l at a time */
    sb_t t[KB * SB_SMALL_NC];
    for (blas_int l0 = 0; l0 < k; l0 += KB) {
        blas_int kb = k - l0 < KB ? k - l0 : KB;
        for (blas_int l = 0; l < kb; l++)
#pragma GCC unroll 8
            for (int q = 0; q < nc; q++) {
                sb_t x = b[(size_t)(l0 + l) * sl + (size_t)q * sq];
                t[l * SB_SMALL_NC + q] = alpha * (conjb ? sb_conj(x) : x);
            }
        /* later chunks go on from C */
        RUN_ROWS_ALL(nc, 1, 1, m, kb, t, SB_SMALL_NC, 1, a + (size_t)l0 * lda, lda, l0 == 0 ? beta : 1, c, ldc);
    }
}

/* alpha other than +-1: the column blocks with t = alpha*op(B) made in a buffer (cols); a function
 * of its own, so that the calls with alpha = +-1 (the common ones) do not set up its 16 KiB frame */
static __attribute__((noinline)) void small_scaled(blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                                                   blas_int lda, const sb_t *b, blas_int sl, blas_int sq, int conjb,
                                                   sb_t beta, sb_t *c, blas_int ldc)
{
    blas_int j = 0;
    for (; j + SB_SMALL_NC <= n; j += SB_SMALL_NC)
        cols(SB_SMALL_NC, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, conjb, beta, c + (size_t)j * ldc, ldc);
#if SB_SMALL_NC > 4
    if (j + 4 <= n)
        cols(4, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, conjb, beta, c + (size_t)j * ldc, ldc), j += 4;
#endif
#if SB_SMALL_NC > 2
    if (j + 2 <= n)
        cols(2, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, conjb, beta, c + (size_t)j * ldc, ldc), j += 2;
#endif
    if (j < n) cols(1, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, conjb, beta, c + (size_t)j * ldc, ldc);
}

/* alpha = +-1: op(B) read where it is, signs sr (and si) fixed (see cols) */
INLINE void small_unscaled(const int sr, const int si, blas_int m, blas_int n, blas_int k, const sb_t *a, blas_int lda,
                           const sb_t *b, blas_int sl, blas_int sq, sb_t beta, sb_t *c, blas_int ldc)
{
    blas_int j = 0;
    for (; j + SB_SMALL_NC <= n; j += SB_SMALL_NC)
        RUN_ROWS_ALL(SB_SMALL_NC, sr, si, m, k, b + (size_t)j * sq, sl, sq, a, lda, beta, c + (size_t)j * ldc, ldc);
#if SB_SMALL_NC > 4
    if (j + 4 <= n)
        RUN_ROWS_ALL(4, sr, si, m, k, b + (size_t)j * sq, sl, sq, a, lda, beta, c + (size_t)j * ldc, ldc), j += 4;
#endif
#if SB_SMALL_NC > 2
    if (j + 2 <= n)
        RUN_ROWS_ALL(2, sr, si, m, k, b + (size_t)j * sq, sl, sq, a, lda, beta, c + (size_t)j * ldc, ldc), j += 2;
#endif
    if (j < n) RUN_ROWS_ALL(1, sr, si, m, k, b + (size_t)j * sq, sl, sq, a, lda, beta, c + (size_t)j * ldc, ldc);
}

/* the kernel's body, inlined into SB_SMALL_NAME (and into a set's other entries, as avx512's
 * small_t on its copy of op(A): one call fewer) */
INLINE void small_entry(blas_int m, blas_int n, blas_int k, const sb_t *alphap, const sb_t *a, blas_int lda, char tb,
                        const sb_t *b, blas_int ldb, const sb_t *betap, sb_t *c, blas_int ldc)
{
    const sb_t alpha = *alphap, beta = *betap;
    int bcols = tb == 'N' || tb == 'R', conjb = SB_IS_COMPLEX && (tb == 'C' || tb == 'R');
    blas_int sl = bcols ? 1 : ldb, sq = bcols ? ldb : 1; /* op(B)(l, j) = b[l*sl + j*sq] */
    if (alpha == 1) {
        if (conjb) small_unscaled(1, -1, m, n, k, a, lda, b, sl, sq, beta, c, ldc);
        else small_unscaled(1, 1, m, n, k, a, lda, b, sl, sq, beta, c, ldc);
    } else if (alpha == -1) {
        if (conjb) small_unscaled(-1, 1, m, n, k, a, lda, b, sl, sq, beta, c, ldc);
        else small_unscaled(-1, -1, m, n, k, a, lda, b, sl, sq, beta, c, ldc);
    } else
        small_scaled(m, n, k, alpha, a, lda, b, sl, sq, conjb, beta, c, ldc);
}

void SB_SMALL_NAME(blas_int m, blas_int n, blas_int k, const sb_t *alphap, const sb_t *a, blas_int lda, char tb,
                   const sb_t *b, blas_int ldb, const sb_t *betap, sb_t *c, blas_int ldc)
{
    small_entry(m, n, k, alphap, a, lda, tb, b, ldb, betap, c, ldc);
}

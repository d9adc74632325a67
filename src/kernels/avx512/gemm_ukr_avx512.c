/* AVX-512 gemm microkernels (compiled with the AVX-512 F/DQ/BW/VL flags; used only when cpuid and
 * XCR0 allow). Register blocks for 32 zmm registers:
 *   d: 24 x 8  (three 8-double vectors per column of C, 24 accumulators)
 *   s: 48 x 8  (three 16-float vectors per column of C, 24 accumulators)
 *   z: 12 x 4  (three vectors of 4 complex per column of C, separate real/imag accumulators)
 *   c: 24 x 4  (three vectors of 8 complex per column of C, separate real/imag accumulators)
 * The same design as the AVX2 kernels, twice as wide and with three vectors of A: each k step
 * loads the 192-byte packed A column into zmm0-2, broadcasts the eight scalars of the packed B
 * row (real: 8 elements; complex: re/im of 4 elements) into zmm3-6 in turn and does 24 FMAs into
 * zmm8-31. Complex: the accumulators of B's real parts hold (ar*br, ai*br) pairs and those of its
 * imaginary parts (ar*bi, ai*bi); the epilogue swaps the latter and combines them as
 * (ar*br - ai*bi, ai*br + ar*bi) with fmaddsub(r, 1, swap(i)) (AVX-512 has no addsub; r*1 is
 * exact, so it rounds as addsub does). Conjugation is done by the packers. Two orders of summation
 * (contract in kernels.h):
 *   alpha = +-1: the accumulators start from beta*C and each k step adds (subtracts) its
 *     products in turn, as the reference gemm does, so a product split along k rounds as the
 *     whole; beta = 0 or 1 go straight from C (or zeros) to C;
 *   any other alpha: the sum from zero, then alpha*sum + beta*C.
 * A partial tile runs the very same vector code on a copy of the tile in a local buffer, so
 * every element gets the same arithmetic (the frame in generic/gemm_ukr_frame.h). */
#include "kernels/kernels.h"

#include <immintrin.h>

/* Only the FMAs written here (see the AVX2 kernel: implicit fusing would make an element's bits
 * depend on where its tile sits). */
#pragma GCC optimize("fp-contract=off")

#if SB_IS_DOUBLE
#define VT __m512d
#define VW 8 /* scalars per vector */
#define V_ZERO() _mm512_setzero_pd()
#define V_LOAD(p) _mm512_loadu_pd(p)
#define V_STORE(p, v) _mm512_storeu_pd((p), (v))
#define V_SET1(x) _mm512_set1_pd(x)
#define V_FMA(a, b, c) _mm512_fmadd_pd((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm512_fmaddsub_pd((a), (b), (c))
#define V_SWAP(a) _mm512_permute_pd((a), 0x55) /* (re, im) -> (im, re) in each complex */
#define V_MUL(a, b) _mm512_mul_pd((a), (b))
#define V_ADD(a, b) _mm512_add_pd((a), (b))
#define VLD "vmovupd "
#define VST "vmovupd "
#define VBC "vbroadcastsd "
#define VFMA "vfmadd231pd "
#define VFNMA "vfnmadd231pd "
#define VXOR "vpxorq "
#define VSWAP "vpermilpd $0x55, "
#define VFMADDSUB213 "vfmaddsub213pd "
#else
#define VT __m512
#define VW 16
#define V_ZERO() _mm512_setzero_ps()
#define V_LOAD(p) _mm512_loadu_ps(p)
#define V_STORE(p, v) _mm512_storeu_ps((p), (v))
#define V_SET1(x) _mm512_set1_ps(x)
#define V_FMA(a, b, c) _mm512_fmadd_ps((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm512_fmaddsub_ps((a), (b), (c))
#define V_SWAP(a) _mm512_permute_ps((a), 0xB1)
#define V_MUL(a, b) _mm512_mul_ps((a), (b))
#define V_ADD(a, b) _mm512_add_ps((a), (b))
#define VLD "vmovups "
#define VST "vmovups "
#define VBC "vbroadcastss "
#define VFMA "vfmadd231ps "
#define VFNMA "vfnmadd231ps "
#define VXOR "vpxord "
#define VSWAP "vpermilps $0xB1, "
#define VFMADDSUB213 "vfmaddsub213ps "
#endif
#define A_STEP 192                  /* one packed column of A: three zmm in all four precisions */
/* one packed row of B: eight scalars of SZ_LIT bytes */
#if SB_IS_DOUBLE
#define B_STEP_LIT 64
#define SZ_LIT 8
#else
#define B_STEP_LIT 32
#define SZ_LIT 4
#endif

#define MR SB_SET_MR(AVX512)
#define NR SB_SET_NR(AVX512)

/* scalars per element */
#define EW (SB_IS_COMPLEX ? 2 : 1)
_Static_assert(MR * EW == 3 * VW && NR * EW == 8, "kernel shape");
_Static_assert(MR * sizeof(sb_t) == A_STEP && NR * sizeof(sb_t) == B_STEP_LIT, "packed steps");

#define SB_STR_(x) #x
#define SB_STR(x) SB_STR_(x)

/* Every loop below comes in three widths N = 1, 2, 3: the first N vectors of each tile column
 * (a partial tile of at most 8 or 16 rows, real d, needs only one or two of them; each element's
 * arithmetic is the same in every width). PICK(N, x, y, z) keeps the first N of three strings. */
#define PICK(N, x, y, z) PICK_##N(x, y, z)
#define PICK_1(x, y, z) x
#define PICK_2(x, y, z) x y
#define PICK_3(x, y, z) x y z

/* Accumulators: scalar j (0..7) of the packed B row goes with zmm(8+3j), zmm(9+3j), zmm(10+3j)
 * (the three vectors of A rows). One k step at byte offsets ao (A) and bo (B): zmm0-2 = A column,
 * zmm3-6 = broadcasts in turn. */
#define FMA_ONE(op, bq, v, r) op "%%zmm" #v ", %%zmm" #bq ", %%zmm" #r "\n\t"
#define ASM_BJ(N, op, bo, j, bq, r0, r1, r2)                                                      \
    VBC SB_STR(bo) "+" #j "*" SB_STR(SZ_LIT) "(%[b]), %%zmm" #bq "\n\t"                             \
    PICK(N, FMA_ONE(op, bq, 0, r0), FMA_ONE(op, bq, 1, r1), FMA_ONE(op, bq, 2, r2))
#define ASM_STEP(N, op, ao, bo)                                                                    \
    PICK(N, VLD SB_STR(ao) "(%[a]), %%zmm0\n\t", VLD SB_STR(ao) "+64(%[a]), %%zmm1\n\t",           \
         VLD SB_STR(ao) "+128(%[a]), %%zmm2\n\t")                                                  \
    ASM_BJ(N, op, bo, 0, 3, 8, 9, 10) ASM_BJ(N, op, bo, 1, 4, 11, 12, 13)                          \
    ASM_BJ(N, op, bo, 2, 5, 14, 15, 16) ASM_BJ(N, op, bo, 3, 6, 17, 18, 19)                        \
    ASM_BJ(N, op, bo, 4, 3, 20, 21, 22) ASM_BJ(N, op, bo, 5, 4, 23, 24, 25)                        \
    ASM_BJ(N, op, bo, 6, 5, 26, 27, 28) ASM_BJ(N, op, bo, 7, 6, 29, 30, 31)

/* Where the accumulators start from and where they go (strings spliced into the asm):
 *   Z_IN   zeros                      A_IN / A_OUT  the buffer acc (zmm8+x <-> acc + x*VW)
 *   C_IN   the C tile itself (real: column j in zmm8+3j..10+3j; complex: column j in
 *          zmm8+6j..10+6j, with the imaginary parts' accumulators zmm11+6j..13+6j zeroed)
 *   C_OUT  the C tile itself (complex: the two sets of accumulators combined as in the epilogue)
 * C is walked with %[p] (in) and %[q] (out), ldcb bytes per column. */
#define ZR(r) VXOR "%%zmm" #r ", %%zmm" #r ", %%zmm" #r "\n\t"
#define ZERO3(N, r0, r1, r2) PICK(N, ZR(r0), ZR(r1), ZR(r2))
#define Z_IN(N)                                                                                    \
    ZERO3(N, 8, 9, 10) ZERO3(N, 11, 12, 13) ZERO3(N, 14, 15, 16) ZERO3(N, 17, 18, 19)              \
    ZERO3(N, 20, 21, 22) ZERO3(N, 23, 24, 25) ZERO3(N, 26, 27, 28) ZERO3(N, 29, 30, 31)
#define AI(r, off) VLD #off "(%[acc]), %%zmm" #r "\n\t"
#define AO(r, off) VST "%%zmm" #r ", " #off "(%[acc])\n\t"
#define ACC_ALL(N, X)                                                                              \
    PICK(N, X(8, 0), X(9, 64), X(10, 128)) PICK(N, X(11, 192), X(12, 256), X(13, 320))             \
    PICK(N, X(14, 384), X(15, 448), X(16, 512)) PICK(N, X(17, 576), X(18, 640), X(19, 704))        \
    PICK(N, X(20, 768), X(21, 832), X(22, 896)) PICK(N, X(23, 960), X(24, 1024), X(25, 1088))      \
    PICK(N, X(26, 1152), X(27, 1216), X(28, 1280)) PICK(N, X(29, 1344), X(30, 1408), X(31, 1472))
#define A_IN(N) ACC_ALL(N, AI)
#define A_OUT(N) ACC_ALL(N, AO)
#define C_COL_IN(N, r0, r1, r2)                                                                    \
    PICK(N, VLD "(%[p]), %%zmm" #r0 "\n\t", VLD "64(%[p]), %%zmm" #r1 "\n\t", VLD "128(%[p]), %%zmm" #r2 "\n\t") \
    "add %[ldcb], %[p]\n\t"
#define C_COL_OUT(N, r0, r1, r2)                                                                   \
    PICK(N, VST "%%zmm" #r0 ", (%[q])\n\t", VST "%%zmm" #r1 ", 64(%[q])\n\t", VST "%%zmm" #r2 ", 128(%[q])\n\t") \
    "add %[ldcb], %[q]\n\t"
/* complex: column j = (r0..r2) + i*(i0..i2) accumulators: r -+ swap(i), even lanes minus, odd
 * plus, as fmaddsub(r, ones, swap(i)); zmm3 holds the ones */
#define CPLX_ONE(r, i) VSWAP "%%zmm" #i ", %%zmm" #i "\n\t" VFMADDSUB213 "%%zmm" #i ", %%zmm3, %%zmm" #r "\n\t"
#define CPLX_COL_OUT(N, r0, r1, r2, i0, i1, i2)                                                    \
    PICK(N, CPLX_ONE(r0, i0), CPLX_ONE(r1, i1), CPLX_ONE(r2, i2)) C_COL_OUT(N, r0, r1, r2)
#if !SB_IS_COMPLEX
#define C_IN(N)                                                                                    \
    C_COL_IN(N, 8, 9, 10) C_COL_IN(N, 11, 12, 13) C_COL_IN(N, 14, 15, 16) C_COL_IN(N, 17, 18, 19)  \
    C_COL_IN(N, 20, 21, 22) C_COL_IN(N, 23, 24, 25) C_COL_IN(N, 26, 27, 28) C_COL_IN(N, 29, 30, 31)
#define C_OUT(N)                                                                                   \
    C_COL_OUT(N, 8, 9, 10) C_COL_OUT(N, 11, 12, 13) C_COL_OUT(N, 14, 15, 16) C_COL_OUT(N, 17, 18, 19) \
    C_COL_OUT(N, 20, 21, 22) C_COL_OUT(N, 23, 24, 25) C_COL_OUT(N, 26, 27, 28) C_COL_OUT(N, 29, 30, 31)
#else
#define C_IN(N)                                                                                    \
    C_COL_IN(N, 8, 9, 10) ZERO3(N, 11, 12, 13) C_COL_IN(N, 14, 15, 16) ZERO3(N, 17, 18, 19)        \
    C_COL_IN(N, 20, 21, 22) ZERO3(N, 23, 24, 25) C_COL_IN(N, 26, 27, 28) ZERO3(N, 29, 30, 31)
#define C_OUT(N)                                                                                   \
    VBC "%[one], %%zmm3\n\t"                                                                       \
    CPLX_COL_OUT(N, 8, 9, 10, 11, 12, 13) CPLX_COL_OUT(N, 14, 15, 16, 17, 18, 19)                  \
    CPLX_COL_OUT(N, 20, 21, 22, 23, 24, 25) CPLX_COL_OUT(N, 26, 27, 28, 29, 30, 31)
#endif

/* The k loop of width N: the accumulators start from IN, then each k step adds (op VFMA) or
 * subtracts (VFNMA) the products of the packed A column and B row, one step after the other; they
 * end in OUT. Four steps per iteration, with the A column 768 bytes ahead prefetched (the packed
 * A sliver streams from L2; the B sliver stays in L1); FLUSH runs after the fourth. */
#define KLOOP(name, N, op, IN, FLUSH, OUT)                                                         \
    static inline __attribute__((always_inline)) void name##_##N(blas_int k, const sb_t *a, const sb_t *b, \
                                                                 sb_r *acc, sb_t *c, blas_int ldc) \
    {                                                                                              \
        long k4 = k > 0 ? k / 4 : 0, kr = k > 0 ? k % 4 : 0;                                       \
        long ldcb = (long)ldc * (long)sizeof(sb_t);                                                \
        sb_t *p = c, *q = c;                                                                       \
        static const sb_r one = 1;                                                                 \
        __asm__ volatile(                                                                          \
            IN                                                                                     \
            "test %[n], %[n]\n\t"                                                                  \
            "jz 2f\n\t"                                                                            \
            ".p2align 5\n"                                                                         \
            "1:\n\t"                                                                               \
            "prefetcht0 768(%[a])\n\t"                                                             \
            ASM_STEP(N, op, 0, 0)                                                                  \
            "prefetcht0 832(%[a])\n\t"                                                             \
            ASM_STEP(N, op, 192, B_STEP_LIT)                                                       \
            "prefetcht0 896(%[a])\n\t"                                                             \
            ASM_STEP(N, op, 384, 2*B_STEP_LIT)                                                     \
            ASM_STEP(N, op, 576, 3*B_STEP_LIT)                                                     \
            FLUSH                                                                                  \
            "add $768, %[a]\n\t"                                                                   \
            "add $4*" SB_STR(B_STEP_LIT) ", %[b]\n\t"                                              \
            "dec %[n]\n\t"                                                                         \
            "jnz 1b\n"                                                                             \
            "2:\n\t"                                                                               \
            "test %[r], %[r]\n\t"                                                                  \
            "jz 4f\n"                                                                              \
            "3:\n\t"                                                                               \
            ASM_STEP(N, op, 0, 0)                                                                  \
            "add $" SB_STR(A_STEP) ", %[a]\n\t"                                                    \
            "add $" SB_STR(B_STEP_LIT) ", %[b]\n\t"                                                \
            "dec %[r]\n\t"                                                                         \
            "jnz 3b\n"                                                                             \
            "4:\n\t"                                                                               \
            OUT                                                                                    \
            : [a] "+r"(a), [b] "+r"(b), [n] "+r"(k4), [r] "+r"(kr), [p] "+r"(p), [q] "+r"(q)       \
            : [acc] "r"(acc), [ldcb] "r"(ldcb), [one] "m"(one)                                     \
            : "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
              "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17",      \
              "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23", "xmm24", "xmm25", "xmm26",     \
              "xmm27", "xmm28", "xmm29", "xmm30", "xmm31");                                        \
    }
#if defined(SB_PREC_C)
/* In order, single complex: every sixteen k steps (after every fourth iteration: %[n] a multiple
 * of four) the sums of the products with B's imaginary parts join the running values (swap,
 * fmaddsub with ones) and start again from zero. How far those sums run apart decides how close
 * a product split along k comes to the whole, which LAPACK's RFP tests see: CTFSM (solve by
 * halves against one trsm, threshold 30) gives a worst ratio of 33.4 with no joins here, 31.0
 * with joins every 32 steps, 28.4 every 16 and 29.2 every 8 (the reference BLAS: 29.6). Every
 * join costs the FMA ports 24 instructions, so every 16 steps runs cgemm 7% faster than every
 * 8 (Xeon 6/207, n = 1024, one thread). In double precision the sums stay far closer (ZTFSM
 * 6e-4 with no joins), so z keeps the loop without them. */
#define FL(r, i)                                                                                   \
    VSWAP "%%zmm" #i ", %%zmm" #i "\n\t" VFMADDSUB213 "%%zmm" #i ", %%zmm7, %%zmm" #r "\n\t" ZR(i)
#define FL3(N, r0, r1, r2, i0, i1, i2) PICK(N, FL(r0, i0), FL(r1, i1), FL(r2, i2))
#define IN_ORDER_FLUSH(N)                                                                             \
    "test $3, %[n]\n\t"                                                                            \
    "jnz 5f\n\t"                                                                                   \
    VBC "%[one], %%zmm7\n\t"                                                                       \
    FL3(N, 8, 9, 10, 11, 12, 13) FL3(N, 14, 15, 16, 17, 18, 19) FL3(N, 20, 21, 22, 23, 24, 25)          \
    FL3(N, 26, 27, 28, 29, 30, 31) \
    "5:\n\t"
#else
#define IN_ORDER_FLUSH(N) ""
#endif
/* the seven loops in the three widths */
#define KLOOPS(N)                                                                                  \
    KLOOP(kloop_sum, N, VFMA, Z_IN(N), "", A_OUT(N))  /* from zero: alpha applied afterwards */    \
    KLOOP(kloop_add_ac, N, VFMA, A_IN(N), IN_ORDER_FLUSH(N), C_OUT(N)) /* in order, from beta*C in acc */ \
    KLOOP(kloop_sub_ac, N, VFNMA, A_IN(N), IN_ORDER_FLUSH(N), C_OUT(N))                            \
    KLOOP(kloop_add_cc, N, VFMA, C_IN(N), IN_ORDER_FLUSH(N), C_OUT(N)) /* in order, beta = 1 */     \
    KLOOP(kloop_sub_cc, N, VFNMA, C_IN(N), IN_ORDER_FLUSH(N), C_OUT(N))                            \
    KLOOP(kloop_add_zc, N, VFMA, Z_IN(N), IN_ORDER_FLUSH(N), C_OUT(N)) /* in order, beta = 0 */     \
    KLOOP(kloop_sub_zc, N, VFNMA, Z_IN(N), IN_ORDER_FLUSH(N), C_OUT(N))
KLOOPS(1)
KLOOPS(2)
KLOOPS(3)

#if !SB_IS_COMPLEX
/* Column j of the tile: t := alpha*acc (+ C), written to cp (ld elements apart). */
#define OUTV(q, j, v)                                                                              \
    do {                                                                                           \
        VT t = V_MUL(va, V_LOAD(acc + (3 * (j) + (v)) * VW));                                      \
        if (mode == 1) t = V_ADD(t, V_LOAD(q + (v) * VW));                                         \
        else if (mode == 2) t = V_FMA(vb, V_LOAD(q + (v) * VW), t);                                \
        V_STORE(q + (v) * VW, t);                                                                  \
    } while (0)
#define OUT(cp, ld, j, nv)                                                                         \
    do {                                                                                           \
        sb_t *q_ = (cp) + (size_t)(j) * (ld);                                                      \
        OUTV(q_, j, 0);                                                                            \
        if ((nv) > 1) OUTV(q_, j, 1);                                                              \
        if ((nv) > 2) OUTV(q_, j, 2);                                                              \
    } while (0)
#define SCALARS()                                                                                  \
    VT va = V_SET1(alpha), vb = V_SET1(beta);                                                      \
    (void)vb
#else
/* Vector v (0..2) of column j: s = sum (complex), t := alpha*s (+ C or + beta*C). The complex
 * products x*y use fmaddsub(x, re(y), swap(x)*im(y)). */
#define OUTH(cp, ld, j, v)                                                                         \
    do {                                                                                           \
        sb_r *q = (sb_r *)((cp) + (size_t)(j) * (ld)) + (v) * VW;                                  \
        VT r = V_LOAD(acc + (6 * (j) + (v)) * VW), im = V_LOAD(acc + (6 * (j) + 3 + (v)) * VW);   \
        VT s = V_FMADDSUB(r, ones, V_SWAP(im));                                                    \
        VT t = V_FMADDSUB(s, var, V_MUL(V_SWAP(s), vai));                                          \
        if (mode == 1) t = V_ADD(t, V_LOAD(q));                                                    \
        else if (mode == 2) {                                                                      \
            VT x = V_LOAD(q);                                                                      \
            t = V_ADD(t, V_FMADDSUB(x, vbr, V_MUL(V_SWAP(x), vbi)));                               \
        }                                                                                          \
        V_STORE(q, t);                                                                             \
    } while (0)
#define OUT(cp, ld, j, nv)                                                                         \
    do {                                                                                           \
        OUTH(cp, ld, j, 0);                                                                        \
        if ((nv) > 1) OUTH(cp, ld, j, 1);                                                          \
        if ((nv) > 2) OUTH(cp, ld, j, 2);                                                          \
    } while (0)
#define SCALARS()                                                                                  \
    VT var = V_SET1(sb_creal(alpha)), vai = V_SET1(sb_cimag(alpha));                               \
    VT vbr = V_SET1(sb_creal(beta)), vbi = V_SET1(sb_cimag(beta)), ones = V_SET1(1);               \
    (void)vbr, (void)vbi
#endif

/* the next tile down (the caller's next tile, usually): C is read first when alpha is +-1, so the
 * next call's C had better be on its way during this one (a prefetch never faults) */
#define SB_UKR_PREFETCH_C(c, ldc)                                                                  \
    for (int j = 0; j < NR; j++) {                                                                 \
        const char *cj = (const char *)(c + MR + (size_t)j * ldc);                                 \
        _mm_prefetch(cj, _MM_HINT_T0);                                                             \
        _mm_prefetch(cj + 64, _MM_HINT_T0);                                                        \
        _mm_prefetch(cj + 128, _MM_HINT_T0);                                                       \
        _mm_prefetch(cj + 191, _MM_HINT_T0);                                                       \
    }
#define NV 3
/* a partial tile of m rows runs the loops of the width its rows need (d: 1..8 rows one vector,
 * 9..16 two; the edge sliver of sgemm n = 256 has 16 of 48 rows) */
#define SB_UKR_VECTORS_FOR(m) ((int)(((m) * EW + VW - 1) / VW))
#define SB_UKR_RUN(loop, nv, args)                                                                 \
    do {                                                                                           \
        if ((nv) == 1) kloop_##loop##_1 args;                                                      \
        else if ((nv) == 2) kloop_##loop##_2 args;                                                 \
        else kloop_##loop##_3 args;                                                                \
    } while (0)
#define SB_UKR_NAME SB_NAME(gemm_ukr_avx512)
#include "kernels/generic/gemm_ukr_frame.h"

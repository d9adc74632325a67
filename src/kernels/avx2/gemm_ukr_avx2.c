/* AVX2+FMA gemm microkernels (compiled with -mavx2 -mfma; used only when cpuid allows).
 *   d: 8 x 6  (two 4-double vectors per column of C, 12 accumulators)
 *   s: 16 x 6 (two 8-float vectors per column of C, 12 accumulators)
 *   z: 4 x 3  (two vectors of 2 complex per column of C, separate real/imag accumulators)
 *   c: 8 x 3  (two vectors of 4 complex per column of C, separate real/imag accumulators)
 * The k loop is one assembly body for all four: each k step loads 64 bytes of the packed A
 * column into two vectors, broadcasts the six scalars of the packed B row (real: 6 elements;
 * complex: re/im of 3 elements) and does 12 FMAs. For complex, the accumulators of B's real
 * parts hold (ar*br, ai*br) pairs and those of B's imaginary parts (ar*bi, ai*bi); the epilogue
 * swaps the latter and combines with addsub: (ar*br - ai*bi, ai*br + ar*bi). Conjugation is
 * done by the packers. Two orders of summation (contract in kernels.h):
 *   alpha = +-1: the accumulators start from beta*C and each k step adds (subtracts) its
 *     products in turn, as the reference gemm does, so a product split along k rounds as the
 *     whole (trsm by halves = one trsm); beta = 0 or 1 go straight from C (or zeros) to C;
 *   any other alpha: the sum from zero, then alpha*sum + beta*C.
 * A partial tile runs the very same vector code on a copy of the tile in a local buffer, so
 * every element gets the same arithmetic (the frame in generic/gemm_ukr_frame.h). */
#include "kernels/kernels.h"

#include <immintrin.h>

/* Only the FMAs written here: GCC would otherwise fuse a multiply and an add of intrinsics where
 * its scheduling allows, differently in the full-tile and partial-tile paths, and an element's
 * bits would depend on where its tile sits. */
#pragma GCC optimize("fp-contract=off")

#if SB_IS_DOUBLE
#define VT __m256d
#define VW 4 /* scalars per vector */
#define V_ZERO() _mm256_setzero_pd()
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_SET1(x) _mm256_set1_pd(x)
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm256_fmaddsub_pd((a), (b), (c))
#define V_ADDSUB(a, b) _mm256_addsub_pd((a), (b))
#define V_SWAP(a) _mm256_permute_pd((a), 0x5) /* (re, im) -> (im, re) in each complex */
#define V_MUL(a, b) _mm256_mul_pd((a), (b))
#define V_ADD(a, b) _mm256_add_pd((a), (b))
#define B_STEP 48
#define VLD "vmovupd "
#define VST "vmovupd "
#define VBC "vbroadcastsd "
#define VFMA "vfmadd231pd "
#define VFNMA "vfnmadd231pd "
#define VXOR "vxorpd "
#define VSWAP "vpermilpd $0x5, "
#define VADDSUB "vaddsubpd "
#else
#define VT __m256
#define VW 8
#define V_ZERO() _mm256_setzero_ps()
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_storeu_ps((p), (v))
#define V_SET1(x) _mm256_set1_ps(x)
#define V_FMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm256_fmaddsub_ps((a), (b), (c))
#define V_ADDSUB(a, b) _mm256_addsub_ps((a), (b))
#define V_SWAP(a) _mm256_permute_ps((a), 0xB1)
#define V_MUL(a, b) _mm256_mul_ps((a), (b))
#define V_ADD(a, b) _mm256_add_ps((a), (b))
#define B_STEP 24
#define VLD "vmovups "
#define VST "vmovups "
#define VBC "vbroadcastss "
#define VFMA "vfmadd231ps "
#define VFNMA "vfnmadd231ps "
#define VXOR "vxorps "
#define VSWAP "vpermilps $0xB1, "
#define VADDSUB "vaddsubps "
#endif
#define A_STEP 64 /* one packed column of A: 64 bytes in all four precisions */

#define MR SB_SET_MR(AVX2)
#define NR SB_SET_NR(AVX2)

/* scalars per element */
#define EW (SB_IS_COMPLEX ? 2 : 1)
_Static_assert(MR * EW == 2 * VW && NR * EW == 6, "kernel shape");
_Static_assert(MR * sizeof(sb_t) == A_STEP && NR * sizeof(sb_t) == B_STEP, "packed steps");

#define SB_STR_(x) #x
#define SB_STR(x) SB_STR_(x)

/* Accumulators: scalar j (0..5) of the packed B row goes with ymm(4+2j) (A rows of the first
 * vector) and ymm(5+2j) (second vector). One k step at byte offsets ao (A) and bo (B):
 * ymm0/ymm1 = A column, ymm2/ymm3 = broadcasts. */
#define ASM_BJ(op, bo, j, bq, r0, r1)                                                               \
    VBC SB_STR(bo) "+" SB_STR(j) "*(" SB_STR(B_STEP) "/6)(%[b]), %%ymm" #bq "\n\t"                \
    op "%%ymm0, %%ymm" #bq ", %%ymm" #r0 "\n\t"                                                    \
    op "%%ymm1, %%ymm" #bq ", %%ymm" #r1 "\n\t"
#define ASM_STEP(op, ao, bo)                                                                       \
    VLD SB_STR(ao) "(%[a]), %%ymm0\n\t"                                                            \
    VLD SB_STR(ao) "+32(%[a]), %%ymm1\n\t"                                                         \
    ASM_BJ(op, bo, 0, 2, 4, 5) ASM_BJ(op, bo, 1, 3, 6, 7) ASM_BJ(op, bo, 2, 2, 8, 9)              \
    ASM_BJ(op, bo, 3, 3, 10, 11) ASM_BJ(op, bo, 4, 2, 12, 13) ASM_BJ(op, bo, 5, 3, 14, 15)

/* Where the 12 accumulators start from and where they go (strings spliced into the asm):
 *   Z_IN   zeros                      A_IN / A_OUT  the buffer acc (ymm4+x <-> acc + x*VW)
 *   C_IN   the C tile itself (real: column j in ymm4+2j, ymm5+2j; complex: column j in ymm4+4j,
 *          ymm5+4j, with the imaginary parts' accumulators ymm6+4j, ymm7+4j zeroed)
 *   C_OUT  the C tile itself (complex: the two sets of accumulators combined as in the epilogue)
 * C is walked with %[p] (in) and %[q] (out), ldcb bytes per column. */
#define Z_IN                                                                                       \
    VXOR "%%ymm4, %%ymm4, %%ymm4\n\t" VXOR "%%ymm5, %%ymm5, %%ymm5\n\t"                            \
    VXOR "%%ymm6, %%ymm6, %%ymm6\n\t" VXOR "%%ymm7, %%ymm7, %%ymm7\n\t"                            \
    VXOR "%%ymm8, %%ymm8, %%ymm8\n\t" VXOR "%%ymm9, %%ymm9, %%ymm9\n\t"                            \
    VXOR "%%ymm10, %%ymm10, %%ymm10\n\t" VXOR "%%ymm11, %%ymm11, %%ymm11\n\t"                      \
    VXOR "%%ymm12, %%ymm12, %%ymm12\n\t" VXOR "%%ymm13, %%ymm13, %%ymm13\n\t"                      \
    VXOR "%%ymm14, %%ymm14, %%ymm14\n\t" VXOR "%%ymm15, %%ymm15, %%ymm15\n\t"
#define A_IN                                                                                       \
    VLD "0(%[acc]), %%ymm4\n\t" VLD "32(%[acc]), %%ymm5\n\t"                                       \
    VLD "64(%[acc]), %%ymm6\n\t" VLD "96(%[acc]), %%ymm7\n\t"                                      \
    VLD "128(%[acc]), %%ymm8\n\t" VLD "160(%[acc]), %%ymm9\n\t"                                    \
    VLD "192(%[acc]), %%ymm10\n\t" VLD "224(%[acc]), %%ymm11\n\t"                                  \
    VLD "256(%[acc]), %%ymm12\n\t" VLD "288(%[acc]), %%ymm13\n\t"                                  \
    VLD "320(%[acc]), %%ymm14\n\t" VLD "352(%[acc]), %%ymm15\n\t"
#define A_OUT                                                                                      \
    VST "%%ymm4, 0(%[acc])\n\t" VST "%%ymm5, 32(%[acc])\n\t"                                       \
    VST "%%ymm6, 64(%[acc])\n\t" VST "%%ymm7, 96(%[acc])\n\t"                                      \
    VST "%%ymm8, 128(%[acc])\n\t" VST "%%ymm9, 160(%[acc])\n\t"                                    \
    VST "%%ymm10, 192(%[acc])\n\t" VST "%%ymm11, 224(%[acc])\n\t"                                  \
    VST "%%ymm12, 256(%[acc])\n\t" VST "%%ymm13, 288(%[acc])\n\t"                                  \
    VST "%%ymm14, 320(%[acc])\n\t" VST "%%ymm15, 352(%[acc])\n\t"
#define C_COL_IN(r0, r1) VLD "(%[p]), %%ymm" #r0 "\n\t" VLD "32(%[p]), %%ymm" #r1 "\n\tadd %[ldcb], %[p]\n\t"
#define C_COL_OUT(r0, r1) VST "%%ymm" #r0 ", (%[q])\n\t" VST "%%ymm" #r1 ", 32(%[q])\n\tadd %[ldcb], %[q]\n\t"
#define ZERO2(r0, r1) VXOR "%%ymm" #r0 ", %%ymm" #r0 ", %%ymm" #r0 "\n\t" VXOR "%%ymm" #r1 ", %%ymm" #r1 ", %%ymm" #r1 "\n\t"
/* complex: column j = (r0, r1) + i*(i0, i1) accumulators: (r - swap(i)[even], r + swap(i)[odd]) */
#define CPLX_COL_OUT(r0, r1, i0, i1)                                                               \
    VSWAP "%%ymm" #i0 ", %%ymm" #i0 "\n\t" VSWAP "%%ymm" #i1 ", %%ymm" #i1 "\n\t"                   \
    VADDSUB "%%ymm" #i0 ", %%ymm" #r0 ", %%ymm" #r0 "\n\t"                                           \
    VADDSUB "%%ymm" #i1 ", %%ymm" #r1 ", %%ymm" #r1 "\n\t" C_COL_OUT(r0, r1)
#if !SB_IS_COMPLEX
#define C_IN C_COL_IN(4, 5) C_COL_IN(6, 7) C_COL_IN(8, 9) C_COL_IN(10, 11) C_COL_IN(12, 13) C_COL_IN(14, 15)
#define C_OUT C_COL_OUT(4, 5) C_COL_OUT(6, 7) C_COL_OUT(8, 9) C_COL_OUT(10, 11) C_COL_OUT(12, 13) C_COL_OUT(14, 15)
#else
#define C_IN C_COL_IN(4, 5) ZERO2(6, 7) C_COL_IN(8, 9) ZERO2(10, 11) C_COL_IN(12, 13) ZERO2(14, 15)
#define C_OUT CPLX_COL_OUT(4, 5, 6, 7) CPLX_COL_OUT(8, 9, 10, 11) CPLX_COL_OUT(12, 13, 14, 15)
#endif

/* The k loop: the accumulators start from IN, then each k step adds (op VFMA) or subtracts
 * (VFNMA) the products of the packed A column and B row, one step after the other; they end in
 * OUT. In assembly: GCC spills accumulators when it schedules intrinsics itself. */
#define KLOOP(name, op, IN, FLUSH, OUT)                                                            \
    static inline __attribute__((always_inline)) void name(blas_int k, const sb_t *a, const sb_t *b, sb_r *acc, \
                                                           sb_t *c, blas_int ldc)                  \
    {                                                                                              \
        long k4 = k > 0 ? k / 4 : 0, kr = k > 0 ? k % 4 : 0;                                       \
        long ldcb = (long)ldc * (long)sizeof(sb_t);                                                \
        sb_t *p = c, *q = c;                                                                       \
        __asm__ volatile(                                                                          \
            IN                                                                                     \
            "test %[n], %[n]\n\t"                                                                  \
            "jz 2f\n\t"                                                                            \
            ".p2align 5\n"                                                                         \
            "1:\n\t"                                                                               \
            "prefetcht0 512(%[a])\n\t"                                                             \
            ASM_STEP(op, 0, 0)                                                                     \
            ASM_STEP(op, 64, B_STEP)                                                               \
            "prefetcht0 576(%[a])\n\t"                                                             \
            ASM_STEP(op, 128, 2*B_STEP)                                                            \
            ASM_STEP(op, 192, 3*B_STEP)                                                            \
            FLUSH                                                                                  \
            "add $256, %[a]\n\t"                                                                   \
            "add $4*" SB_STR(B_STEP) ", %[b]\n\t"                                                  \
            "dec %[n]\n\t"                                                                         \
            "jnz 1b\n"                                                                             \
            "2:\n\t"                                                                               \
            "test %[r], %[r]\n\t"                                                                  \
            "jz 4f\n"                                                                              \
            "3:\n\t"                                                                               \
            ASM_STEP(op, 0, 0)                                                                     \
            "add $" SB_STR(A_STEP) ", %[a]\n\t"                                                    \
            "add $" SB_STR(B_STEP) ", %[b]\n\t"                                                    \
            "dec %[r]\n\t"                                                                         \
            "jnz 3b\n"                                                                             \
            "4:\n\t"                                                                               \
            OUT                                                                                    \
            : [a] "+r"(a), [b] "+r"(b), [n] "+r"(k4), [r] "+r"(kr), [p] "+r"(p), [q] "+r"(q)       \
            : [acc] "r"(acc), [ldcb] "r"(ldcb)                                                     \
            : "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
              "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");                       \
    }
#if defined(SB_PREC_C)
/* In order, single complex: after every fourth iteration (%[n], counting down, a multiple of
 * four: every sixteen k steps, as the avx512 c kernel) the sums of the products with B's
 * imaginary parts join the running values (swap, addsub: one rounding, as the epilogue) and start
 * again from zero. Joined only at the end, they run far enough apart from the running values
 * that LAPACK's CTFSM test (a solve by halves against one trsm, threshold 30) gave a worst ratio
 * of 31.7 with this set (EPYC family 25 model 1); the avx512 set's notes give 33.4 without joins
 * and 28.4 with them every 16 steps. Double precision keeps the loop without them (ZTFSM 6e-4). */
#define JOIN(r, i) VSWAP "%%ymm" #i ", %%ymm" #i "\n\t" VADDSUB "%%ymm" #i ", %%ymm" #r ", %%ymm" #r "\n\t" \
    VXOR "%%ymm" #i ", %%ymm" #i ", %%ymm" #i "\n\t"
#define IN_ORDER_FLUSH                                                                             \
    "test $3, %[n]\n\t"                                                                            \
    "jnz 5f\n\t"                                                                                   \
    JOIN(4, 6) JOIN(5, 7) JOIN(8, 10) JOIN(9, 11) JOIN(12, 14) JOIN(13, 15)                          \
    "5:\n\t"
#else
#define IN_ORDER_FLUSH ""
#endif
KLOOP(kloop_sum, VFMA, Z_IN, "", A_OUT)                /* from zero: alpha applied afterwards */
KLOOP(kloop_add_ac, VFMA, A_IN, IN_ORDER_FLUSH, C_OUT) /* in order, from beta*C prepared in acc, to C */
KLOOP(kloop_sub_ac, VFNMA, A_IN, IN_ORDER_FLUSH, C_OUT)
KLOOP(kloop_add_cc, VFMA, C_IN, IN_ORDER_FLUSH, C_OUT) /* in order, beta = 1: from C to C */
KLOOP(kloop_sub_cc, VFNMA, C_IN, IN_ORDER_FLUSH, C_OUT)
KLOOP(kloop_add_zc, VFMA, Z_IN, IN_ORDER_FLUSH, C_OUT) /* in order, beta = 0: from zeros to C */
KLOOP(kloop_sub_zc, VFNMA, Z_IN, IN_ORDER_FLUSH, C_OUT)

#if !SB_IS_COMPLEX
/* Column j of the tile: t := alpha*acc (+ C), written to cp (ld elements apart). */
#define OUT(cp, ld, j, nv)                                                                         \
    do {                                                                                           \
        sb_t *q = (cp) + (size_t)(j) * (ld);                                                       \
        VT t0 = V_MUL(va, V_LOAD(acc + (2 * (j)) * VW)), t1 = V_MUL(va, V_LOAD(acc + (2 * (j) + 1) * VW)); \
        if (mode == 1) { t0 = V_ADD(t0, V_LOAD(q)); t1 = V_ADD(t1, V_LOAD(q + VW)); }              \
        else if (mode == 2) { t0 = V_FMA(vb, V_LOAD(q), t0); t1 = V_FMA(vb, V_LOAD(q + VW), t1); } \
        V_STORE(q, t0);                                                                            \
        V_STORE(q + VW, t1);                                                                       \
    } while (0)
#define SCALARS()                                                                                  \
    VT va = V_SET1(alpha), vb = V_SET1(beta);                                                      \
    (void)vb
#else
/* Half h (0/1) of column j: s = sum (complex), t := alpha*s (+ C or + beta*C). The complex
 * products x*y use fmaddsub(x, re(y), swap(x)*im(y)). */
#define OUTH(cp, ld, j, h)                                                                         \
    do {                                                                                           \
        sb_r *q = (sb_r *)((cp) + (size_t)(j) * (ld)) + (h) * VW;                                  \
        VT r = V_LOAD(acc + (4 * (j) + (h)) * VW), im = V_LOAD(acc + (4 * (j) + 2 + (h)) * VW);   \
        VT s = V_ADDSUB(r, V_SWAP(im));                                                            \
        VT t = V_FMADDSUB(s, var, V_MUL(V_SWAP(s), vai));                                          \
        if (mode == 1) t = V_ADD(t, V_LOAD(q));                                                    \
        else if (mode == 2) {                                                                      \
            VT x = V_LOAD(q);                                                                      \
            t = V_ADD(t, V_FMADDSUB(x, vbr, V_MUL(V_SWAP(x), vbi)));                               \
        }                                                                                          \
        V_STORE(q, t);                                                                             \
    } while (0)
#define OUT(cp, ld, j, nv) do { OUTH(cp, ld, j, 0); OUTH(cp, ld, j, 1); } while (0)
#define SCALARS()                                                                                  \
    VT var = V_SET1(sb_creal(alpha)), vai = V_SET1(sb_cimag(alpha));                               \
    VT vbr = V_SET1(sb_creal(beta)), vbi = V_SET1(sb_cimag(beta));                                 \
    (void)vbr, (void)vbi
#endif

/* this tile of C, and the next one down (the caller's next tile, usually): C is read first when
 * alpha is +-1, so it had better be on its way already (a prefetch never faults) */
#define SB_UKR_PREFETCH_C(c, ldc)                                                                  \
    for (int j = 0; j < NR; j++) {                                                                 \
        _mm_prefetch((const char *)(c + (size_t)j * ldc), _MM_HINT_T0);                            \
        _mm_prefetch((const char *)(c + (size_t)j * ldc + MR) - 1, _MM_HINT_T0);                   \
        _mm_prefetch((const char *)(c + (size_t)j * ldc + MR), _MM_HINT_T0);                       \
        _mm_prefetch((const char *)(c + (size_t)j * ldc + 2 * MR) - 1, _MM_HINT_T0);               \
    }
#define NV 2
#define SB_UKR_NAME SB_NAME(gemm_ukr_avx2)
#include "kernels/generic/gemm_ukr_frame.h"

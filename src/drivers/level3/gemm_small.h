/* Which gemm calls the kernel set's unpacked small kernel takes (included by the gemm driver and
 * by the gemm interface, which calls the small kernel itself for op(A) = A: a call of n = 8 then
 * pays no second function's checks and frame). Templated (SB_PREC_x). */
#ifndef SB_DRIVERS_LEVEL3_GEMM_SMALL_H
#define SB_DRIVERS_LEVEL3_GEMM_SMALL_H

#include "common/precision.h"
#include "kernels/kernels.h"
#include "runtime/parallel.h"
#include "runtime/thread_config.h"

/* Where the kernel table's unpacked small gemm (if any) beats packing: up to 100^3 multiply-adds
 * for real (2e6 flops, SB_DEFAULT_PARALLEL_THRESHOLD), 64^3 for complex (avx2's z small kernel
 * runs at 0.6-0.75x of packing at n = 68..100), and up to 2^22 when C is thin (m or n at most 16) or k is
 * (a low-rank update), as long as A is read once (n <= 4) or stays in cache across C's column
 * blocks (m*k <= 32768 elements). Measured on one thread (Xeon, avx512 set, d NN): the small
 * kernel ahead of packing at every n = 65..100 (n = 68: 8.6 against 11.4 us, 100: 28.5 against
 * 36.2; packing wastes most of an edge tile of 24 rows; avx2 set 1.1-1.26x); 8 x 2000 x 1000
 * unpacked 3.6x faster; 2000 x 8 x 1000 packing 1.4x faster. The small kernel gives the packed
 * path's bits where it is used (kernels.h), so neither the choice nor the thread count (a
 * parallel call's parts may run it, gemm_part) changes a bit. op(A) other than A is first copied
 * (gemm.c's gemm_copied_a), up to 128 rows and SMALL_COPY_MAX elements. */
enum { SMALL_COPY_MAX = 32768 };
/* Products in the box below half the default parallel threshold stay on one thread without
 * asking the pool: the question is a call into the runtime, and dgemm n = 4 ran at 3.7 GFLOP/s
 * with it against 4.0 without (one thread, both in one process). At any threshold set by
 * SAFEBLAS_PARALLEL_THRESHOLD their bits are the same either way. */
#define SMALL_SPLIT_MIN_FLOPS (0.5 * SB_DEFAULT_PARALLEL_THRESHOLD)

/* The box the small kernel takes on any thread count: up to 100^3 multiply-adds for real, 64^3
 * for complex with k within one KC step and one chunk of the kernel's alpha*op(B), where it
 * gives the packed path's bits (kernels.h), so a block of C gets the same bits in any call. */
static inline int gemm_small_box(const sb_gemm_kernels_t *kt, blas_int m, blas_int n, blas_int k)
{
    if (SB_IS_COMPLEX && k > SB_MIN(kt->kc, 256)) return 0;
    return (double)m * n * k <= (SB_IS_COMPLEX ? 64.0 * 64 * 64 : 100.0 * 100 * 100);
}

/* A part of a parallel call, or a call on one thread, with op(A) = A: the box above, and for
 * real every side up to the table's small_one_thread_max (the set's, raised where L2 is large:
 * kernel_table.c), where the small kernel gives the packed
 * path's bits (kernels.h) and skips packing, which costs most at these sizes (avx512, one
 * thread: the table in kernel_set.c). Taken by a call that runs on one thread (below) and by a
 * part of a parallel one (gemm.c's gemm_part). */
static inline int gemm_small_in_size(const sb_gemm_kernels_t *kt, char transa, blas_int m, blas_int n, blas_int k)
{
    const int max = kt->small_one_thread_max;
    if (!kt->small || transa != 'N') return 0;
    return gemm_small_box(kt, m, n, k) || (!SB_IS_COMPLEX && m <= max && n <= max && k <= max);
}

static inline int gemm_use_small(const sb_gemm_kernels_t *kt, char transa, blas_int m, blas_int n, blas_int k)
{
    /* op(A) copied: tall ones pack faster (d TN 256 x 16 x 16: 34 against 37 GFLOP/s packed, z CN
     * 41 against 55; 128 rows: 47 against 37, 52 both) */
    if (transa != 'N' && (m > 128 || (double)m * k > SMALL_COPY_MAX)) return 0;
    if (SB_IS_COMPLEX && k > SB_MIN(kt->kc, 256)) return 0; /* the bits, as in gemm_small_box */
    double mnk = (double)m * n * k, flops = (SB_IS_COMPLEX ? 8.0 : 2.0) * mnk;
    /* In the box, on one thread; a product of the parallel threshold or more with op(A) = A goes
     * to the driver when the pool offers threads (workers awake, or a run of such calls), whose
     * parts run the small kernel (gemm_part). On the EPYC family 25 model 1 (Zen 3, 2 vCPUs), a
     * loop of calls on 2 threads, GFLOP/s: cgemm n = 64 89 -> 108-145, zgemm 64 47 -> 60-80,
     * dgemm 100 49 -> 85 (the benchmark's back-to-back dgemm 100: 43.9 -> 31.2 us a call,
     * OpenBLAS 35.1). */
    if (gemm_small_box(kt, m, n, k))
        return transa != 'N' || flops < SMALL_SPLIT_MIN_FLOPS || sb_threads_for_compute(flops) <= 1;
    /* within those sizes on one thread: no bit changes, and no packing */
    if (gemm_small_in_size(kt, transa, m, n, k) && sb_threads_for_compute(flops) <= 1) return 1;
    int thin = SB_MIN(m, n) <= 16 || k <= 16;
    return thin && mnk <= 4194304.0 && (n <= 4 || (double)m * k <= 32768.0);
}

/* C := alpha*A*B + beta*C (op(B) by transb) by the small kernel when it takes the call (m, n,
 * k > 0, alpha != 0: no quick return or scaling is due): returns 1 when done, else 0. */
/* Always inlined: in the interface's gemm it leaves a call of n = 4 no frame of its own to set up
 * (dgemm n = 4 ran at 4.0 GFLOP/s against 4.8 when the compiler stopped inlining it). */
static inline __attribute__((always_inline)) int gemm_small_nn(char transb, blas_int m, blas_int n, blas_int k,
                                                              const sb_t *alpha, const sb_t *a, blas_int lda,
                                                              const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c,
                                                              blas_int ldc)
{
    if (m <= 0 || n <= 0 || k <= 0 || *alpha == 0) return 0;
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    if (!kt->small || !gemm_use_small(kt, 'N', m, n, k)) return 0;
    kt->small(m, n, k, alpha, a, lda, transb, b, ldb, beta, c, ldc);
    return 1;
}

/* The same for op(A) transposed (transa 'T' or 'C') when the set has a small_t kernel and m and
 * k are at most SB_SMALL_T_MAX: it copies op(A) itself (the bits of the copy path in gemm.c),
 * so numpy's A.T @ B of order 4..16 pays no driver calls and frames on the way. */
static inline int gemm_small_t(char transa, char transb, blas_int m, blas_int n, blas_int k, const sb_t *alpha,
                               const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c,
                               blas_int ldc)
{
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    if (!kt->small_t) return 0; /* first: a set without one pays little */
    if (m <= 0 || n <= 0 || k <= 0 || *alpha == 0 || m > SB_SMALL_T_MAX || k > SB_SMALL_T_MAX) return 0;
    if (!gemm_use_small(kt, transa, m, n, k)) return 0;
    kt->small_t(transa, m, n, k, alpha, a, lda, transb, b, ldb, beta, c, ldc);
    return 1;
}

#endif

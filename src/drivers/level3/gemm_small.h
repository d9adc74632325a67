/* Which gemm calls the kernel set's unpacked small kernel takes (included by the gemm driver and
 * by the gemm interface, which calls the small kernel itself for op(A) = A: a call of n = 8 then
 * pays no second function's checks and frame). Templated (SB_PREC_x). */
#ifndef SB_DRIVERS_LEVEL3_GEMM_SMALL_H
#define SB_DRIVERS_LEVEL3_GEMM_SMALL_H

#include "common/precision.h"
#include "kernels/kernels.h"
#include "runtime/parallel.h"

/* Where the kernel table's unpacked small gemm (if any) beats packing: up to 100^3 multiply-adds
 * for real (2e6 flops, SB_DEFAULT_PARALLEL_THRESHOLD: larger products may run on several
 * threads, which the small kernel does not), 64^3 for complex (avx2's z small kernel runs at
 * 0.6-0.75x of packing at n = 68..100), and up to 2^22 when C is thin (m or n at most 16) or k is
 * (a low-rank update), as long as A is read once (n <= 4) or stays in cache across C's column
 * blocks (m*k <= 32768 elements). Measured on one thread (Xeon, avx512 set, d NN): the small
 * kernel ahead of packing at every n = 65..100 (n = 68: 8.6 against 11.4 us, 100: 28.5 against
 * 36.2; packing wastes most of an edge tile of 24 rows; avx2 set 1.1-1.26x); 8 x 2000 x 1000
 * unpacked 3.6x faster; 2000 x 8 x 1000 packing 1.4x faster. The choice depends on the shape
 * only, never on the thread count, so the bits do not either (the small kernel runs on the
 * calling thread). op(A) other than A is first copied (gemm.c's gemm_copied_a), up to 128 rows and
 * SMALL_COPY_MAX elements. */
enum { SMALL_COPY_MAX = 32768 };

/* Real, op(A) = A, every side up to the set's small_one_thread_max: the small kernel gives the
 * packed path's bits (kernels.h) and skips packing, which costs most at these sizes (avx512, one
 * thread: the table in kernel_set.c). Taken by a call that runs on one thread (below) and by a
 * part of a parallel one (gemm.c's gemm_part). */
static inline int gemm_small_in_size(const sb_gemm_kernels_t *kt, char transa, blas_int m, blas_int n, blas_int k)
{
    const int max = kt->small_one_thread_max;
    return !SB_IS_COMPLEX && kt->small && transa == 'N' && m <= max && n <= max && k <= max;
}

static inline int gemm_use_small(const sb_gemm_kernels_t *kt, char transa, blas_int m, blas_int n, blas_int k)
{
    /* op(A) copied: tall ones pack faster (d TN 256 x 16 x 16: 34 against 37 GFLOP/s packed, z CN
     * 41 against 55; 128 rows: 47 against 37, 52 both) */
    if (transa != 'N' && (m > 128 || (double)m * k > SMALL_COPY_MAX)) return 0;
    /* complex: k within one KC step and one chunk of the kernel's alpha*op(B), where it gives
     * the packed path's bits (kernels.h), so a block of C gets the same bits in any call */
    if (SB_IS_COMPLEX && k > SB_MIN(kt->kc, 256)) return 0;
    double mnk = (double)m * n * k;
    if (mnk <= (SB_IS_COMPLEX ? 64.0 * 64 * 64 : 100.0 * 100 * 100)) return 1;
    /* within those sizes on one thread: no bit changes, and no packing */
    if (gemm_small_in_size(kt, transa, m, n, k) && sb_threads_for_compute(2.0 * mnk) <= 1) return 1;
    int thin = SB_MIN(m, n) <= 16 || k <= 16;
    return thin && mnk <= 4194304.0 && (n <= 4 || (double)m * k <= 32768.0);
}

/* C := alpha*A*B + beta*C (op(B) by transb) by the small kernel when it takes the call (m, n,
 * k > 0, alpha != 0: no quick return or scaling is due): returns 1 when done, else 0. */
static inline int gemm_small_nn(char transb, blas_int m, blas_int n, blas_int k, const sb_t *alpha, const sb_t *a,
                                blas_int lda, const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c, blas_int ldc)
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

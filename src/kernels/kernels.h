/* The kernel table: per precision, the gemm microkernel, its register block MR x NR, the cache
 * blocking MC, KC, NC and the packing routines, chosen once (first use, thread-safe) from cpuid.
 * The environment variable SAFEBLAS_KERNEL=generic|avx2 overrides the choice (a set the CPU
 * cannot run is refused with a warning), so tests can run every kernel set the machine has.
 *
 * Plain C: this header is included by the kernel table (compiled once) and by templated code;
 * in templated code (SB_PREC_x defined), sb_gemm_kernels_t / sb_gemm_kernels() name the current precision's.
 *
 * ---- Packed formats (the contract between drivers, packers and microkernels) ----
 * op(X) is X ('N'), X^T ('T'), X^H ('C') or conj(X) ('R').
 * pack_a(trans, m, k, a, lda, buf, mr): op(A) is m x k. Rows are grouped in slivers of mr
 *   rows; sliver s holds op(A)(s*mr + i, p) at buf[s*mr*k + p*mr + i], rows past m are zero.
 *   buf needs ceil(m/mr)*mr*k elements.
 * pack_b(trans, k, n, b, ldb, buf, nr): op(B) is k x n. Columns are grouped in slivers of nr;
 *   sliver s holds op(B)(p, s*nr + j) at buf[s*nr*k + p*nr + j], columns past n are zero.
 *   buf needs ceil(n/nr)*nr*k elements.
 * Buffers should be 64-byte aligned. Conjugation is applied while packing.
 *
 * ukr(k, alpha, a, b, beta, c, ldc, m, n): with a one packed A sliver (mr x k) and b one packed
 *   B sliver (k x nr), for i < m <= mr, j < n <= nr:
 *       C(i,j) := alpha * sum_{p<k} a(i,p) b(p,j) + beta * C(i,j)   (C column-major, ldc)
 *   With alpha = +-1 the sum is taken in order onto beta*C: each product is added to (or
 *   subtracted from) the running value in turn, as the reference gemm does (for complex: the
 *   products with B's real parts in turn, then the sum of those with its imaginary parts), so a
 *   product split along k rounds as the whole (a solve by halves rounds as one solve).
 *   beta == 0: C is written without being read. Nothing outside the m x n tile is touched.
 *   Every element is computed with the same arithmetic whatever its position in the tile and
 *   whether the tile is full or partial, so results do not depend on how C is split.
 *
 * small(m, n, k, alpha, a, lda, tb, b, ldb, beta, c, ldc) (AVX2 real only, else NULL): gemm without
 *   packing for small problems, op(A) = A: C := beta*C (not read if beta is 0), then for each l in
 *   turn C(i,j) := fma(A(i,l), alpha*op(B)(l,j), C(i,j)), op(B) by tb, as the reference orders it.
 *
 * trsm_ukr(k, alpha, a, b, d, upper, unit, c, rs, cs, m, n, x): one register tile of a packed
 *   triangular solve X * D = T (BLIS's gemmtrsm; trsm's side 'L' is the same with B and op(A)
 *   transposed), working in place in x, MR x NR column-major (ld MR, all NR columns writable):
 *       x := alpha*C - a*b       a, b as for ukr (k may be 0); C(i,j) at c[i*rs + j*cs], i < m, j < n
 *   then for the columns j < n, ascending if upper, else descending:
 *       x(:,j) := (x(:,j) - sum over the columns l already solved, in that order, of x(:,l)*D(l,j)) / D(j,j)
 *   with D(l,j) = d[l + j*NR] (the tile's NR x NR diagonal block of D; no division if unit: D(j,j)
 *   is not read), and the m x n part of x is stored into C. Dividing, not multiplying by a
 *   reciprocal, rounds once as the reference does. Every element gets the same arithmetic whatever
 *   m and n are. x then holds the solved tile in the packed A format (rows past m computed on zeros). */
#ifndef SB_KERNELS_H
#define SB_KERNELS_H

#include "common/blas.h"

#define SB_GEMM_KERNELS_DECL(P, T)                                                                       \
    typedef void (*sb_##P##_gemm_ukr_fn)(blas_int k, T alpha, const T *a, const T *b, T beta, T *c,      \
                                         blas_int ldc, blas_int m, blas_int n);                          \
    typedef void (*sb_##P##_gemm_pack_fn)(char trans, blas_int rows, blas_int cols, const T *x,          \
                                          blas_int ldx, T *buf, int r);                                  \
    typedef void (*sb_##P##_trsm_ukr_fn)(blas_int k, T alpha, const T *a, const T *b, const T *d,         \
                                         int upper, int unit, T *c, blas_int rs, blas_int cs, blas_int m,   \
                                         blas_int n, T *x);                                                 \
    typedef void (*sb_##P##_gemm_small_fn)(blas_int m, blas_int n, blas_int k, T alpha, const T *a,       \
                                           blas_int lda, char tb, const T *b, blas_int ldb, T beta, T *c, \
                                           blas_int ldc);                                                \
    typedef struct {                                                                                     \
        int mr, nr;       /* register block */                                                           \
        int mc, kc, nc;   /* cache blocks: mc a multiple of mr, nc a multiple of nr */                   \
        sb_##P##_gemm_ukr_fn ukr;                                                                        \
        sb_##P##_gemm_pack_fn pack_a; /* (trans, m, k, a, lda, buf, mr) */                               \
        sb_##P##_gemm_pack_fn pack_b; /* (trans, k, n, b, ldb, buf, nr) */                               \
        sb_##P##_trsm_ukr_fn trsm_ukr; /* the packed triangular-solve tile kernel on ukr */              \
        sb_##P##_gemm_small_fn small; /* unpacked gemm for small problems, op(A) = A; may be NULL */    \
    } sb_##P##_gemm_kernels_t;                                                                           \
    const sb_##P##_gemm_kernels_t *sb_##P##_gemm_kernels(void);                                         \
    /* the kernels of each set, for the table */                                                         \
    void sb_##P##_gemm_ukr_generic(blas_int k, T alpha, const T *a, const T *b, T beta, T *c,            \
                                   blas_int ldc, blas_int m, blas_int n);                                \
    void sb_##P##_gemm_ukr_avx2(blas_int k, T alpha, const T *a, const T *b, T beta, T *c,               \
                                blas_int ldc, blas_int m, blas_int n);                                   \
    void sb_##P##_trsm_ukr_generic(blas_int k, T alpha, const T *a, const T *b, const T *d, int upper,   \
                                   int unit, T *c, blas_int rs, blas_int cs, blas_int m, blas_int n,     \
                                   T *x);                                                                \
    void sb_##P##_trsm_ukr_avx2(blas_int k, T alpha, const T *a, const T *b, const T *d, int upper,      \
                                int unit, T *c, blas_int rs, blas_int cs, blas_int m, blas_int n, T *x); \
    void sb_##P##_gemm_small_avx2(blas_int m, blas_int n, blas_int k, T alpha, const T *a, blas_int lda,  \
                                  char tb, const T *b, blas_int ldb, T beta, T *c, blas_int ldc);        \
    void sb_##P##_gemm_pack_a_generic(char trans, blas_int m, blas_int k, const T *a, blas_int lda,      \
                                      T *buf, int mr);                                                   \
    void sb_##P##_gemm_pack_b_generic(char trans, blas_int k, blas_int n, const T *b, blas_int ldb,      \
                                      T *buf, int nr);                                                   \
    void sb_##P##_gemm_pack_a_avx2(char trans, blas_int m, blas_int k, const T *a, blas_int lda, T *buf,  \
                                   int mr);                                                              \
    void sb_##P##_gemm_pack_b_avx2(char trans, blas_int k, blas_int n, const T *b, blas_int ldb, T *buf,  \
                                   int nr);

SB_GEMM_KERNELS_DECL(s, float)
SB_GEMM_KERNELS_DECL(d, double)
SB_GEMM_KERNELS_DECL(c, float _Complex)
SB_GEMM_KERNELS_DECL(z, double _Complex)

/* Register blocks of the kernel sets (the microkernels are compiled for these). */
#define SB_GENERIC_MR 4
#define SB_GENERIC_NR 4
#define SB_AVX2_S_MR 16
#define SB_AVX2_S_NR 6
#define SB_AVX2_D_MR 8
#define SB_AVX2_D_NR 6
#define SB_AVX2_C_MR 8
#define SB_AVX2_C_NR 3
#define SB_AVX2_Z_MR 4
#define SB_AVX2_Z_NR 3

/* ---- gemv dot form (real s, d) ----
 * gemv_t(m, n, alpha, a, lda, x, y, incy): for j < n, y[j*incy] += alpha * sum_{i<m} a[i + j*lda] * x[i]
 * (x unit stride, m >= 1). Each column's sum is computed in a fixed order that depends only on
 * m (never on n or on the neighbouring columns), so any split of the columns gives the same bits. */
#define SB_GEMV_T_DECL(P, T)                                                                             \
    typedef void (*sb_##P##_gemv_t_fn)(blas_int m, blas_int n, T alpha, const T *a, blas_int lda,        \
                                       const T *x, T *y, blas_int incy);                                 \
    sb_##P##_gemv_t_fn sb_##P##_gemv_t_kernel(void);                                                    \
    void sb_##P##_gemv_t_generic(blas_int m, blas_int n, T alpha, const T *a, blas_int lda, const T *x,  \
                                 T *y, blas_int incy);                                                   \
    void sb_##P##_gemv_t_avx2(blas_int m, blas_int n, T alpha, const T *a, blas_int lda, const T *x,     \
                              T *y, blas_int incy);

SB_GEMV_T_DECL(s, float)
SB_GEMV_T_DECL(d, double)

/* ---- gemv axpy form (real s, d) ----
 * gemv_n(m, n, alpha, a, lda, x, incx, y): for i < m, y[i] += sum_{j<n} (alpha * x[j*incx]) * a[i + j*lda]
 * (y unit stride, any incx). Each y(i) is updated once per column, in increasing j, with the
 * same arithmetic for every row (never depending on m or on the neighbouring rows), so any
 * split of the rows gives the same bits. */
#define SB_GEMV_N_DECL(P, T)                                                                             \
    typedef void (*sb_##P##_gemv_n_fn)(blas_int m, blas_int n, T alpha, const T *a, blas_int lda,        \
                                       const T *x, blas_int incx, T *y);                                 \
    sb_##P##_gemv_n_fn sb_##P##_gemv_n_kernel(void);                                                    \
    void sb_##P##_gemv_n_generic(blas_int m, blas_int n, T alpha, const T *a, blas_int lda, const T *x,  \
                                 blas_int incx, T *y);                                                   \
    void sb_##P##_gemv_n_avx2(blas_int m, blas_int n, T alpha, const T *a, blas_int lda, const T *x,     \
                              blas_int incx, T *y);

SB_GEMV_N_DECL(s, float)
SB_GEMV_N_DECL(d, double)

/* ---- level-1 unit-stride loops (all precisions) ----
 * axpy(n, alpha, x, y): y[i] := alpha*x[i] + y[i] for i < n (n >= 0, x and y unit stride).
 *   Every element gets the same arithmetic whatever its index, the length or the addresses
 *   (vector body and remainder alike), so a split of the vector over threads never changes a bit.
 *   Both sets compute y + alpha*x as a rounded multiply then a rounded add, never an FMA (real);
 *   complex: t := (ar*xr - ai*xi, ar*xi + ai*xr), every product and sum rounded (what C computes
 *   under -fcx-fortran-rules without FMA), then y + t. So both sets give the same bits, equal to
 *   reference BLAS compiled without FMA.
 * dot(n, x, y, conjx): sum_{i<n} x[i]*y[i], or conj(x[i])*y[i] if conjx (complex only; the real
 *   kernels ignore it), n >= 1. The summation order (several running sums, then a fixed combine)
 *   depends only on n, never on the addresses (unaligned loads, no peeling), so the partial of a
 *   reduction chunk is the same on every thread. The sets sum in different orders (avx2 with FMA),
 *   so their results may differ in the last bits; the set is fixed for the life of the process. */
#define SB_L1_KERNELS_DECL(P, T)                                                                         \
    typedef void (*sb_##P##_axpy_fn)(blas_int n, T alpha, const T *x, T *y);                            \
    typedef T (*sb_##P##_dot_fn)(blas_int n, const T *x, const T *y, int conjx);                         \
    sb_##P##_axpy_fn sb_##P##_axpy_kernel(void);                                                        \
    sb_##P##_dot_fn sb_##P##_dot_kernel(void);                                                          \
    void sb_##P##_axpy_generic(blas_int n, T alpha, const T *x, T *y);                                  \
    void sb_##P##_axpy_avx2(blas_int n, T alpha, const T *x, T *y);                                     \
    T sb_##P##_dot_generic(blas_int n, const T *x, const T *y, int conjx);                             \
    T sb_##P##_dot_avx2(blas_int n, const T *x, const T *y, int conjx);

SB_L1_KERNELS_DECL(s, float)
SB_L1_KERNELS_DECL(d, double)
SB_L1_KERNELS_DECL(c, float _Complex)
SB_L1_KERNELS_DECL(z, double _Complex)

/* Name of the chosen kernel set: "generic" or "avx2". */
const char *sb_kernel_name(void);

#if defined(SB_PREC_S) || defined(SB_PREC_D) || defined(SB_PREC_C) || defined(SB_PREC_Z)
#include "common/precision.h"
#define sb_gemm_kernels_t SB_CAT3(sb_, SB_P, _gemm_kernels_t)
#define sb_gemm_kernels SB_NAME(gemm_kernels)
#endif

#endif

/* Kernel sets as data. A kernel set (src/kernels/<set>/, e.g. generic, avx2, avx512) is one
 * constant description per precision: its gemm microkernel with the register block MR x NR, the
 * packing routines, the trsm tile kernel, the unpacked small gemm, the gemv and level-1 kernels.
 * kernel_table.c lists the sets once, in order of preference, and chooses one once (first use,
 * thread-safe) from cpuid, deriving the cache blocking MC, KC, NC for it. The environment
 * variable SAFEBLAS_KERNEL=<set name> overrides the choice (a set the CPU cannot run is refused
 * with a warning), so tests can run every kernel set the machine has.
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
 *   products with B's real parts in turn, then the sum of those with its imaginary parts, which
 *   the c kernels of the avx2 and avx512 sets join into the running values every sixteen
 *   steps), so a product split along k rounds as the whole (a solve by halves rounds as one
 *   solve).
 *   beta == 0: C is written without being read. Nothing outside the m x n tile is touched.
 *   Every element is computed with the same arithmetic whatever its position in the tile and
 *   whether the tile is full or partial, so results do not depend on how C is split.
 *
 * small(m, n, k, &alpha, a, lda, tb, b, ldb, &beta, c, ldc) (may be NULL): gemm without packing
 *   for small problems, op(A) = A (any other op(A): the set's small_t, else the driver copies it
 *   first), op(B) by tb ('N',
 *   'T', 'C', 'R'); alpha and beta by address (a float complex passed by value costs two
 *   store-forwarding stalls a call). t(l,j) = op(B)(l,j) if alpha is +-1, else alpha*op(B)(l,j)
 *   rounded first (a plain complex product).
 *   real: C := beta*C (not read if beta is 0), then for each l in turn
 *     C(i,j) := fma(A(i,l), +-t(l,j), C(i,j)), as the reference orders it, so it gives the bits of
 *     the packed path (alpha*op(B) packed, ukr in order) and a product split along k rounds as one.
 *   complex, the ukr's order: C := beta*C (0 if beta is 0, not read; C if 1; else
 *     fmaddsub(C, re(beta), swap(C)*im(beta))), then for each l in turn
 *     C(i,j) += +-A(i,l)*re(t(l,j)) (an FMA on each of the real and the imaginary part), while
 *     S(i,j) := sum from zero in order of +-A(i,l)*im(t(l,j)) (FMAs), joined as C(i,j) += i*S(i,j)
 *     (re(C) - im(S), im(C) + re(S), one rounding each), S := 0, after the last l and wherever
 *     the set's ukr joins in one call of the same k (avx512 c: every fourth round of four steps).
 *     With alpha other than +-1, t is made 256 values of l at a time, each chunk done as a call
 *     of its own (later ones from C). So for k <= 256 and <= KC it gives the bits of the packed
 *     path (alpha*op(B) packed, ukr in order).
 *   Nothing outside the m x n C is touched; every element gets the same arithmetic whatever its
 *   position, so a split of C (threads) changes no bit.
 *
 * small_t(ta, m, n, k, &alpha, a, lda, tb, b, ldb, &beta, c, ldc) (may be NULL): small with op(A) =
 *   A^T (ta 'T'; real: 'C' too) or A^H (ta 'C', complex), m and k at most SB_SMALL_T_MAX: the bits
 *   of small on op(A) copied (conjugation is exact), as the driver's copy path gives them.
 *
 * trsm_ukr(k, alpha, a, b, d, upper, unit, c, rs, cs, m, n, x): one register tile of a packed
 *   triangular solve X * D = T (BLIS's gemmtrsm; trsm's side 'L' is the same with B and op(A)
 *   transposed), working in place in x, MR x NR column-major (ld MR, all NR columns writable):
 *       x := alpha*C - a*b       a, b as for ukr (k may be 0); C(i,j) at c[i*rs + j*cs], i < m, j < n
 *   then for the columns j < n, ascending if upper, else descending:
 *       x(:,j) := (x(:,j) - sum over the columns l already solved, in that order, of x(:,l)*D(l,j)) / D(j,j)
 *   with D(l,j) = d[l + j*NR] (the tile's NR x NR diagonal block of D; no division if unit: D(j,j)
 *   is not read), and the m x n part of x is stored into C. A set may multiply by 1/D(j,j) instead
 *   of dividing when that reciprocal is a normal number (avx2: the product is within an ulp or two
 *   of the quotient, and the division's latency no longer holds up the next column), deciding
 *   per column from D(j,j) alone. Every element gets the same arithmetic whatever m and n are. x
 *   then holds the solved tile in the packed A format (rows past m computed on zeros). */
#ifndef SB_KERNELS_H
#define SB_KERNELS_H

#include "common/blas.h"

/* The level-1 kernels beside axpy and dot, per precision P with element type T and real type R
 * (contracts below, "level-1 unit-stride loops"); the complex precisions' asum and nrm2 entries
 * are NULL: their drivers run the real precision's kernel on the 2n interleaved reals. And the
 * complex gemv axpy and dot forms (below, "complex gemv axpy form", "complex gemv dot form"). */
#define SB_LEVEL1_KERNEL_TYPES_DECL(P, T, R)                                                             \
    typedef void (*sb_##P##_scal_fn)(blas_int n, T alpha, T *x);                                        \
    typedef void (*sb_##P##_swap_fn)(blas_int n, T *x, T *y);                                           \
    typedef void (*sb_##P##_rot_fn)(blas_int n, T *x, T *y, T c, T s);                                  \
    typedef blas_int (*sb_##P##_iamax_fn)(blas_int n, const T *x, R *best);                             \
    typedef R (*sb_##P##_asum_fn)(blas_int n, const R *x);                                              \
    typedef void (*sb_##P##_nrm2_fn)(blas_int n, const R *x, double acc[3]);                            \
    sb_##P##_scal_fn sb_##P##_scal_kernel(void);                                                        \
    sb_##P##_swap_fn sb_##P##_swap_kernel(void);                                                        \
    sb_##P##_rot_fn sb_##P##_rot_kernel(void);                                                          \
    sb_##P##_iamax_fn sb_##P##_iamax_kernel(void);                                                      \
    typedef void (*sb_##P##_gemv_nc_fn)(int conja, blas_int m, blas_int n, T alpha, const T *a,          \
                                        blas_int lda, const T *x, blas_int incx, T *y);            \
    typedef void (*sb_##P##_gemv_tc_fn)(int conja, blas_int m, blas_int n, T alpha, const T *a,          \
                                        blas_int lda, const T *x, T *y, blas_int incy);

SB_LEVEL1_KERNEL_TYPES_DECL(s, float, float)
SB_LEVEL1_KERNEL_TYPES_DECL(d, double, double)
SB_LEVEL1_KERNEL_TYPES_DECL(c, float _Complex, float)
SB_LEVEL1_KERNEL_TYPES_DECL(z, double _Complex, double)
sb_s_asum_fn sb_s_asum_kernel(void); /* real only: the complex drivers call these on 2n reals */
sb_d_asum_fn sb_d_asum_kernel(void);
sb_s_nrm2_fn sb_s_nrm2_kernel(void);
sb_d_nrm2_fn sb_d_nrm2_kernel(void);
sb_c_gemv_nc_fn sb_c_gemv_nc_kernel(void); /* complex only; NULL in the generic set */
sb_z_gemv_nc_fn sb_z_gemv_nc_kernel(void);
sb_c_gemv_tc_fn sb_c_gemv_tc_kernel(void); /* complex only; NULL in the generic set */
sb_z_gemv_tc_fn sb_z_gemv_tc_kernel(void);

/* The kinds of kernel, per precision P with element type T. */
#define SB_KERNEL_TYPES_DECL(P, T)                                                                       \
    typedef void (*sb_##P##_gemm_ukr_fn)(blas_int k, T alpha, const T *a, const T *b, T beta, T *c,      \
                                         blas_int ldc, blas_int m, blas_int n);                          \
    typedef void (*sb_##P##_gemm_pack_fn)(char trans, blas_int rows, blas_int cols, const T *x,          \
                                          blas_int ldx, T *buf, int r);                                  \
    typedef void (*sb_##P##_trsm_ukr_fn)(blas_int k, T alpha, const T *a, const T *b, const T *d,         \
                                         int upper, int unit, T *c, blas_int rs, blas_int cs, blas_int m,   \
                                         blas_int n, T *x);                                                 \
    typedef void (*sb_##P##_gemm_small_fn)(blas_int m, blas_int n, blas_int k, const T *alpha, const T *a, \
                                           blas_int lda, char tb, const T *b, blas_int ldb, const T *beta, \
                                           T *c, blas_int ldc);                                          \
    typedef void (*sb_##P##_gemm_small_t_fn)(char ta, blas_int m, blas_int n, blas_int k, const T *alpha,  \
                                             const T *a, blas_int lda, char tb, const T *b, blas_int ldb, \
                                             const T *beta, T *c, blas_int ldc);                          \
    typedef void (*sb_##P##_gemv_t_fn)(blas_int m, blas_int n, T alpha, const T *a, blas_int lda,        \
                                       const T *x, T *y, blas_int incy);                                 \
    typedef void (*sb_##P##_gemv_n_fn)(blas_int m, blas_int n, T alpha, const T *a, blas_int lda,        \
                                       const T *x, blas_int incx, T *y);                                 \
    typedef void (*sb_##P##_axpy_fn)(blas_int n, T alpha, const T *x, T *y);                            \
    typedef void (*sb_##P##_symv_fn)(int upper, blas_int n, blas_int j0, blas_int j1, const T *a,        \
                                     blas_int lda, const T *x, T *w);                                    \
    typedef void (*sb_##P##_hemv_fn)(int herm, int upper, blas_int n, blas_int j0, blas_int j1,          \
                                     const T *a, blas_int lda, const T *x, T *w);                        \
    typedef T (*sb_##P##_dot_fn)(blas_int n, const T *x, const T *y, int conjx);                         \
    /* One precision's part of a kernel set: a constant description (src/kernels/<set>/kernel_set.c). \
     * gemv_t, gemv_n, symv: real only (NULL for complex); hemv: complex only; small may be NULL. */                         \
    typedef struct {                                                                                     \
        int mr, nr; /* register block of ukr (and trsm_ukr) */                                           \
        sb_##P##_gemm_ukr_fn ukr;                                                                        \
        sb_##P##_gemm_pack_fn pack_a; /* (trans, m, k, a, lda, buf, mr) */                               \
        sb_##P##_gemm_pack_fn pack_b; /* (trans, k, n, b, ldb, buf, nr) */                               \
        sb_##P##_trsm_ukr_fn trsm_ukr;                                                                   \
        sb_##P##_gemm_small_fn small;                                                                    \
        sb_##P##_gemm_small_t_fn small_t; /* may be NULL: the driver copies op(A) for small */          \
        int small_one_thread_max; /* real: small takes m, n, k up to this on one thread (0: none) */     \
        sb_##P##_gemv_t_fn gemv_t;                                                                       \
        sb_##P##_gemv_n_fn gemv_n;                                                                       \
        sb_##P##_symv_fn symv;                                                                           \
        sb_##P##_hemv_fn hemv; /* complex only */                                                        \
        sb_##P##_axpy_fn axpy;                                                                           \
        sb_##P##_dot_fn dot;                                                                             \
        sb_##P##_scal_fn scal;                                                                           \
        sb_##P##_swap_fn swap;                                                                           \
        sb_##P##_rot_fn rot;                                                                             \
        sb_##P##_iamax_fn iamax;                                                                         \
        sb_##P##_asum_fn asum; /* real only */                                                           \
        sb_##P##_nrm2_fn nrm2; /* real only */                                                           \
        sb_##P##_gemv_nc_fn gemv_nc; /* complex only, may be NULL */                                     \
        sb_##P##_gemv_tc_fn gemv_tc; /* complex only, may be NULL */                                     \
    } sb_##P##_kernel_set_t;                                                                             \
    /* What the level-3 drivers get: the chosen set's gemm kernels with the cache blocking derived   \
     * for it (kernel_table.c). */                                                                       \
    typedef struct {                                                                                     \
        int mr, nr;       /* register block */                                                           \
        int mc, kc, nc;   /* cache blocks: mc a multiple of mr, nc a multiple of nr */                   \
        sb_##P##_gemm_ukr_fn ukr;                                                                        \
        sb_##P##_gemm_pack_fn pack_a;                                                                    \
        sb_##P##_gemm_pack_fn pack_b;                                                                    \
        sb_##P##_trsm_ukr_fn trsm_ukr; /* the packed triangular-solve tile kernel on ukr */              \
        sb_##P##_gemm_small_fn small; /* unpacked gemm for small problems, op(A) = A; may be NULL */    \
        sb_##P##_gemm_small_t_fn small_t; /* the same on op(A) transposed, small ones; may be NULL */  \
        int small_one_thread_max; /* the set's (gemm_small.h) */                                          \
    } sb_##P##_gemm_kernels_t;                                                                           \
    /* the chosen set's table: sb_##P##_gemm_kernels() is an inline load once chosen (small calls        \
     * pay no call and pthread_once), else it chooses first (kernel_table.c) */                          \
    extern __attribute__((visibility("hidden"))) sb_##P##_gemm_kernels_t sb_##P##_gemm_table;            \
    const sb_##P##_gemm_kernels_t *sb_##P##_gemm_kernels_chosen(void);                                   \
    static inline const sb_##P##_gemm_kernels_t *sb_##P##_gemm_kernels(void)                             \
    {                                                                                                    \
        return __atomic_load_n(&sb_kernels_ready, __ATOMIC_ACQUIRE) ? &sb_##P##_gemm_table               \
                                                                    : sb_##P##_gemm_kernels_chosen();    \
    }                                                                                                    \
    sb_##P##_axpy_fn sb_##P##_axpy_kernel(void);                                                        \
    sb_##P##_dot_fn sb_##P##_dot_kernel(void);                                                          \
    sb_##P##_gemv_t_fn sb_##P##_gemv_t_kernel(void); /* real only */                                    \
    sb_##P##_gemv_n_fn sb_##P##_gemv_n_kernel(void); /* real only */                                    \
    sb_##P##_symv_fn sb_##P##_symv_kernel(void);     /* real only */

/* 1 once the kernel set is chosen and the gemm tables filled (set with release order) */
extern __attribute__((visibility("hidden"))) int sb_kernels_ready;
SB_KERNEL_TYPES_DECL(s, float)
SB_KERNEL_TYPES_DECL(d, double)
SB_KERNEL_TYPES_DECL(c, float _Complex)
SB_KERNEL_TYPES_DECL(z, double _Complex)
sb_c_hemv_fn sb_c_hemv_kernel(void); /* complex only, every set */
sb_z_hemv_fn sb_z_hemv_kernel(void);

/* A kernel set: its name, whether this CPU and OS can run it, and its four precisions' parts. */
typedef struct {
    const char *name;
    int (*can_run)(void); /* NULL: always */
    const sb_s_kernel_set_t *s;
    const sb_d_kernel_set_t *d;
    const sb_c_kernel_set_t *c;
    const sb_z_kernel_set_t *z;
} sb_kernel_set;

/* The four parts of set NAME, defined by src/kernels/NAME/kernel_set.c (compiled per precision). */
#define SB_KERNEL_SET_PARTS_DECL(NAME)                                                                   \
    extern const sb_s_kernel_set_t sb_s_kernel_set_##NAME;                                               \
    extern const sb_d_kernel_set_t sb_d_kernel_set_##NAME;                                               \
    extern const sb_c_kernel_set_t sb_c_kernel_set_##NAME;                                               \
    extern const sb_z_kernel_set_t sb_z_kernel_set_##NAME;

/* The largest m and k that a set's small_t takes (its copy of op(A) on the stack). */
#define SB_SMALL_T_MAX 16

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
#define SB_AVX512_S_MR 48
#define SB_AVX512_S_NR 8
#define SB_AVX512_D_MR 24
#define SB_AVX512_D_NR 8
#define SB_AVX512_C_MR 24
#define SB_AVX512_C_NR 4
#define SB_AVX512_Z_MR 12
#define SB_AVX512_Z_NR 4

/* ---- gemv dot form (real s, d) ----
 * gemv_t(m, n, alpha, a, lda, x, y, incy): for j < n, y[j*incy] += alpha * sum_{i<m} a[i + j*lda] * x[i]
 * (x unit stride, m >= 1). Each column's sum is computed in a fixed order that depends only on
 * m (never on n or on the neighbouring columns), so any split of the columns gives the same bits.
 *
 * ---- gemv axpy form (real s, d) ----
 * gemv_n(m, n, alpha, a, lda, x, incx, y): for i < m, y[i] += sum_{j<n} (alpha * x[j*incx]) * a[i + j*lda]
 * (y unit stride, any incx). Each y(i) is updated once per column, in increasing j, with the
 * same arithmetic for every row (never depending on m or on the neighbouring rows), so any
 * split of the rows gives the same bits.
 *
 * ---- complex gemv axpy form (c, z; NULL in the generic set, whose driver loops instead) ----
 * gemv_nc(conja, m, n, alpha, a, lda, x, incx, y): for i < m, y[i] += sum_{j<n} t(j) * op(a[i + j*lda])
 * (y unit stride, any incx), op = conj if conja, t(j) = alpha * x[j*incx] (C's product). For each
 * column j in increasing order, with (ar, ai) = op(a(i,j)): yr := fma(tr, ar, yr), then
 * yr := fma(-ti, ai, yr); yi := fma(tr, ai, yi), then yi := fma(ti, ar, yi): the same arithmetic
 * for every row in every set that has the kernel, so any split of the rows gives the same bits.
 *
 * ---- complex gemv dot form (c, z; NULL in the generic set, whose driver calls dot per column) ----
 * gemv_tc(conja, m, n, alpha, a, lda, x, y, incy): for j < n,
 * y[j*incy] += alpha * sum_{i<m} op(a[i + j*lda]) * x[i] (x unit stride, m >= 1), op = conj if
 * conja. On the 2m interleaved reals of the column and of x, with W reals per vector: P sums
 * a*x lane by lane (ar*xr, ai*xi), Q sums a*swap(x) (ar*xi, ai*xr), with FMA; avx512: two vector
 * pairs, (P0, Q0) for the reals [i, i+W) and (P1, Q1) for [i+W, i+2W) of each block of 2W, then
 * at most one more full vector into (P0, Q0), the last < W reals as a masked (zero-filled)
 * vector into (P1, Q1), P = P0 + P1, Q = Q0 + Q1; avx2: one pair, every full vector then the
 * masked tail into it. The column's vector: real lanes Pe - Po (conj: Pe + Po; e, o the even and
 * odd lane of each pair), imaginary lanes Qo + Qe (conj: Qe - Qo); its W/2 complex lanes summed
 * by halves into s; y(j) := y(j) + alpha*s (C's product without FMA, then the add). The order
 * depends only on m (and the set: the sets differ in the last bits), never on n or the
 * neighbouring columns, so any split of the columns gives the same bits.
 *
 * ---- symv, both halves of a symmetric product in one pass (real s, d) ----
 * symv(upper, n, j0, j1, a, lda, x, w): for the columns j0 <= j < j1 of the stored triangle
 * (upper: rows <= j; lower: rows >= j) of an n x n symmetric A (column-major, lda; lda = 0: packed
 * storage as the BLAS's spmv takes it), with x and w
 * unit stride: w(j) += a(j,j)x(j) + sum of a(i,j)x(i) over the column's stored rows i != j, and
 * w(i) += a(i,j)x(j) for each of those rows. Each stored element is read once for both. The
 * order of the operations depends only on (upper, n, j0, j1), so a driver that cuts the columns
 * into blocks chosen from n alone, each block into its own w, gets the same bits on any thread.
 *
 * ---- hemv, both halves of a hermitian or complex symmetric product in one pass (c, z) ----
 * hemv(herm, upper, n, j0, j1, a, lda, x, w): symv's contract for complex A, with the mirrored
 * element (j, i) of a stored a(i,j) taken as conj(a(i,j)) if herm (hermitian; the diagonal's
 * imaginary part is then not read, its real part multiplies x(j) as a real times a complex, as
 * the reference does) or as a(i,j) if not (complex symmetric; the full diagonal). So
 * w(j) += d x(j) + sum of op(a(i,j)) x(i), w(i) += a(i,j) x(j), each stored element read once
 * for both; the order of the operations depends only on (herm, upper, n, j0, j1), so the same
 * blocked driver gets the same bits on any thread. The sets' arithmetic differs (generic: no FMA).
 *
 * ---- level-1 unit-stride loops (all precisions) ----
 * axpy(n, alpha, x, y): y[i] := alpha*x[i] + y[i] for i < n (n >= 0, x and y unit stride).
 *   Every element gets the same arithmetic whatever its index, the length or the addresses
 *   (vector body and remainder alike), so a split of the vector over threads never changes a bit.
 *   Every set computes y + alpha*x as a rounded multiply then a rounded add, never an FMA (real);
 *   complex: t := (ar*xr - ai*xi, ar*xi + ai*xr), every product and sum rounded (what C computes
 *   under -fcx-fortran-rules without FMA), then y + t. So all sets give the same bits, equal to
 *   reference BLAS compiled without FMA.
 * dot(n, x, y, conjx): sum_{i<n} x[i]*y[i], or conj(x[i])*y[i] if conjx (complex only; the real
 *   kernels ignore it), n >= 1. The summation order (several running sums, then a fixed combine)
 *   depends only on n, never on the addresses (unaligned loads, no peeling), so the partial of a
 *   reduction chunk is the same on every thread. The sets sum in different orders (avx2 with FMA),
 *   so their results may differ in the last bits; the set is fixed for the life of the process.
 * scal(n, alpha, x): x[i] := alpha*x[i] (n >= 0), always a multiply (alpha = 0 turns Inf and NaN
 *   into NaN, as reference); complex: C's product under -fcx-fortran-rules without FMA, (ar*xr -
 *   ai*xi, ar*xi + ai*xr), every product and sum rounded. Same bits in every set, every position.
 *   csscal/zdscal (real alpha) are the real precision's scal on the 2n reals.
 * swap(n, x, y): x[i] <-> y[i], n >= 0.
 * rot(n, x, y, c, s): for i < n, x[i] := c*x[i] + s*y[i], y[i] := c*y[i] - s*x[i] (the old x),
 *   each product and sum rounded, never an FMA; complex (csrot/zdrot: c and s real, passed as
 *   complex numbers with zero imaginary parts): C's complex products as in scal, so 0*Inf terms
 *   give the reference's NaN and signed zeros. Same bits in every set, every position.
 * iamax(n, x, best): the scan "for i < n: if |x[i]| > *best then (*best, k) := (|x[i]|, i)"
 *   (|re| + |im| for complex, one rounded add), returning the last k taken, -1 if none (n >= 0);
 *   *best is updated. So: the first index of the largest non-NaN value if that value is larger
 *   than *best; a NaN never wins and a NaN *best is never replaced. The answer is unique, so
 *   every set gives the same.
 * asum(n, x) (real only; complex: the 2n reals): sum of |x[i]|, n >= 0, in a fixed order that
 *   depends only on n (the sets' orders differ).
 * nrm2(n, x, acc) (real only; complex: the 2n reals): adds the squares of a Euclidean norm onto
 *   the accumulators acc, n >= 0. Double: acc = {asml, amed, abig} of reference 3.11's dnrm2
 *   (Blue's scaling; constants and scan in generic/level1_nrm2_blue.h, the combine in the
 *   driver): squares of |x| < TSML scaled by SSML, of |x| > TBIG scaled by SBIG, the others (NaN
 *   included) unscaled. Single: the squares in double onto acc[1] (they never overflow or
 *   underflow); acc[0], acc[2] stay. The order
 *   of the sums depends only on n and on the values (a set may sum a chunk whose values are all
 *   zero or in [TSML, TBIG] in vector registers and fall back to the scalar scan otherwise), never
 *   on the addresses; the sets' orders differ. */

/* Name of the chosen kernel set ("avx512", "avx2" or "generic"), and one line saying why it was
 * chosen (for SAFEBLAS_VERBOSE). */
const char *sb_kernel_name(void);
const char *sb_kernel_reason(void);

/* Prototypes of the kernels a set's folder defines, for the current precision (templated code):
 * SB_KERNEL_PROTOTYPES(avx2) declares sb_d_gemm_ukr_avx2 ... sb_d_dot_avx2 (when SB_PREC_D). */
#define SB_KERNEL_PROTOTYPES(SET)                                                                        \
    void SB_NAME(gemm_ukr_##SET)(blas_int k, sb_t alpha, const sb_t *a, const sb_t *b, sb_t beta, sb_t *c, \
                                 blas_int ldc, blas_int m, blas_int n);                                  \
    void SB_NAME(gemm_pack_a_##SET)(char trans, blas_int m, blas_int k, const sb_t *a, blas_int lda,      \
                                    sb_t *buf, int mr);                                                  \
    void SB_NAME(gemm_pack_b_##SET)(char trans, blas_int k, blas_int n, const sb_t *b, blas_int ldb,      \
                                    sb_t *buf, int nr);                                                  \
    void SB_NAME(trsm_ukr_##SET)(blas_int k, sb_t alpha, const sb_t *a, const sb_t *b, const sb_t *d,     \
                                 int upper, int unit, sb_t *c, blas_int rs, blas_int cs, blas_int m,      \
                                 blas_int n, sb_t *x);                                                   \
    void SB_NAME(gemm_small_##SET)(blas_int m, blas_int n, blas_int k, const sb_t *alpha, const sb_t *a, \
                                   blas_int lda, char tb, const sb_t *b, blas_int ldb, const sb_t *beta,   \
                                   sb_t *c, blas_int ldc);                                               \
    void SB_NAME(gemm_small_t_##SET)(char ta, blas_int m, blas_int n, blas_int k, const sb_t *alpha,      \
                                     const sb_t *a, blas_int lda, char tb, const sb_t *b, blas_int ldb,    \
                                     const sb_t *beta, sb_t *c, blas_int ldc);                             \
    void SB_NAME(gemv_t_##SET)(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,           \
                               const sb_t *x, sb_t *y, blas_int incy);                                   \
    void SB_NAME(gemv_n_##SET)(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,           \
                               const sb_t *x, blas_int incx, sb_t *y);                                   \
    void SB_NAME(symv_##SET)(int upper, blas_int n, blas_int j0, blas_int j1, const sb_t *a, blas_int lda,  \
                             const sb_t *x, sb_t *w);                                                    \
    void SB_NAME(hemv_##SET)(int herm, int upper, blas_int n, blas_int j0, blas_int j1, const sb_t *a,      \
                             blas_int lda, const sb_t *x, sb_t *w);                                      \
    void SB_NAME(axpy_##SET)(blas_int n, sb_t alpha, const sb_t *x, sb_t *y);                            \
    sb_t SB_NAME(dot_##SET)(blas_int n, const sb_t *x, const sb_t *y, int conjx);                        \
    void SB_NAME(scal_##SET)(blas_int n, sb_t alpha, sb_t *x);                                          \
    void SB_NAME(swap_##SET)(blas_int n, sb_t *x, sb_t *y);                                             \
    void SB_NAME(rot_##SET)(blas_int n, sb_t *x, sb_t *y, sb_t c, sb_t s);                              \
    blas_int SB_NAME(iamax_##SET)(blas_int n, const sb_t *x, sb_r *best);                               \
    sb_r SB_NAME(asum_##SET)(blas_int n, const sb_r *x);                                                \
    void SB_NAME(nrm2_##SET)(blas_int n, const sb_r *x, double acc[3]);                                 \
    void SB_NAME(gemv_nc_##SET)(int conja, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, \
                                const sb_t *x, blas_int incx, sb_t *y);                                  \
    void SB_NAME(gemv_tc_##SET)(int conja, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, \
                                const sb_t *x, sb_t *y, blas_int incy);

#if defined(SB_PREC_S) || defined(SB_PREC_D) || defined(SB_PREC_C) || defined(SB_PREC_Z)
#include "common/precision.h"
#define sb_gemm_kernels_t SB_CAT3(sb_, SB_P, _gemm_kernels_t)
/* The current precision's register block of a kernel set: SB_SET_MR(AVX2) is SB_AVX2_D_MR when
 * SB_PREC_D. */
#if defined(SB_PREC_S)
#define SB_PREC_TOKEN S
#elif defined(SB_PREC_D)
#define SB_PREC_TOKEN D
#elif defined(SB_PREC_C)
#define SB_PREC_TOKEN C
#else
#define SB_PREC_TOKEN Z
#endif
#define SB_SET_MR(SET) SB_CAT3(SB_, SET, SB_CAT3(_, SB_PREC_TOKEN, _MR))
#define SB_SET_NR(SET) SB_CAT3(SB_, SET, SB_CAT3(_, SB_PREC_TOKEN, _NR))
#define sb_gemm_kernels SB_NAME(gemm_kernels)
/* The real precision's accessor of a real-only level-1 kernel: SB_REAL_KERNEL(asum) is
 * sb_d_asum_kernel for d and z (the complex drivers run it on the 2n reals). */
#if SB_IS_DOUBLE
#define SB_REAL_KERNEL(K) sb_d_##K##_kernel
#else
#define SB_REAL_KERNEL(K) sb_s_##K##_kernel
#endif
#endif

#endif

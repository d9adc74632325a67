/* Level-3 drivers (templated). Arguments are already checked and quick returns taken by the
 * interface; matrices are column-major. Transpose arguments are upper-case characters:
 * 'N' (op(X) = X), 'T' (X^T), 'C' (X^H) and, for the drivers' own use, 'R' (conj(X), no
 * transpose); for real precisions 'C' means 'T' and 'R' means 'N'.
 * beta == 0 means C is overwritten without being read (NaN/Inf in C vanish); beta == 1 means C is
 * not multiplied (as the reference: an Inf in complex C does not turn into NaN). */
#ifndef SB_DRIVERS_LEVEL3_H
#define SB_DRIVERS_LEVEL3_H

#include "common/blas.h"
#include "common/precision.h"

/* C := alpha*op(A)*op(B) + beta*C, C is m x n, op(A) m x k, op(B) k x n. Parallel through the
 * runtime when large enough; the k dimension is never split, so the result is bitwise the same
 * at every thread count. Safe to call from inside another driver's parallel part (it then runs
 * on the calling thread). Any m, n, k (<= 0 is a no-op for m, n; k <= 0 or alpha == 0 only
 * scales C by beta). Works on any sub-block: pass the sub-block's first element and the full
 * leading dimension. Takes its packing buffers from a per-thread cache (up to four times L2,
 * freed at thread exit) or allocates them per call (falls back to unpacked loops if allocation
 * fails), so it is thread-safe and leaves nothing behind. */
void SB_NAME(gemm)(char transa, char transb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* Address of op(X)(i, j) for a column-major X with leading dimension ldx ('N'/'R': X itself,
 * 'T'/'C': its transpose; the conjugation of 'C'/'R' is the caller's business). */
static inline const sb_t *sb_l3_op_at(char trans, const sb_t *x, blas_int ldx, blas_int i, blas_int j)
{
    if (trans == 'N' || trans == 'R') return x + i + (size_t)j * ldx;
    return x + j + (size_t)i * ldx;
}

/* Restricts the gemm loops to a triangle of a block of C: entry (i, j) of the block (0-based) is
 * owned when i - j <= off (uplo 'U') or i - j >= off (uplo 'L'); the entries with i - j == off
 * are the diagonal, and with herm their imaginary parts are read and written as zero. */
#ifndef SB_L3_TRI_DEFINED
#define SB_L3_TRI_DEFINED
typedef struct {
    char uplo;
    int herm;
    blas_int off;
    /* op(B) is op(A) transposed (conjugated where exactly one of them conjugates): column j of
     * op(B) is row j + off of op(A), of the same product (no second) or of the other one (the
     * syr2k/her2k pair, op(B)*op(A)' after op(A)*op(B)'). The gemm loops may then take B's
     * packed slivers from A's (syrk/herk, gemmt with b = a). 0: no such relation known. */
    int self;
} sb_l3_tri;
#endif

/* The five gemm loops (gemm_loops.c) on one m x n block of C, on the calling thread, with packing
 * buffers from the thread's workspace (unpacked loops when none): C := alpha*op(A)*op(B) + beta*C
 * on the whole block (tri == NULL) or on its owned triangle only (the rest neither read nor
 * written). An element's arithmetic does not depend on the block it is computed in, so callers
 * may split C among threads any way they like. k >= 1. */
void SB_NAME(gemm_block)(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                         blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc,
                         const sb_l3_tri *tri);

/* A second product for the same block: C := alpha*op(A)*op(B) + alpha2*op(A2)*op(B2) + beta*C,
 * op(A2) and op(B2) with the transposes and shapes of op(A) and op(B) (syr2k/her2k: op(B)*op(A)'
 * after op(A)*op(B)'). */
typedef struct {
    sb_t alpha;
    const sb_t *a, *b;
    blas_int lda, ldb;
} SB_NAME(l3_second);
#define sb_l3_second SB_NAME(l3_second)

/* gemm_block with a second product (second may be NULL): for every step of k, each column of
 * tiles of a packed block gets the first product's terms and then the second's while it is in
 * cache, so C is read from memory and written back once per step instead of once per product.
 * Where k fits one step (k <= the kernel set's KC), the bits are those of the two products done
 * one after the other; beyond, the sums go step by step (first, second, first, ...). */
void SB_NAME(gemm_block_pair)(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                              blas_int lda, const sb_t *b, blas_int ldb, const sb_l3_second *second, sb_t beta,
                              sb_t *c, blas_int ldc, const sb_l3_tri *tri);

/* A symmetric or hermitian operand of the gemm loops given by its stored triangle (symm/hemm),
 * so it is packed straight from the triangle, never expanded: the full matrix's element (i, j)
 * is a[i + j*lda] where the triangle `uplo` holds it, else a[j + i*lda], conjugated if herm;
 * herm: the diagonal's imaginary part is taken as zero (not read). (r0, c0): where the gemm
 * block's operand starts in the full matrix. */
typedef struct {
    char uplo;
    int herm;
    const sb_t *a;
    blas_int lda;
    blas_int r0, c0;
} SB_NAME(l3_sym);
#define sb_l3_sym SB_NAME(l3_sym)

/* Element (i, j) of the full matrix (i, j counted from its first element, not from r0, c0). */
static inline sb_t sb_l3_sym_el(const sb_l3_sym *s, blas_int i, blas_int j)
{
    if (i == j) return s->herm ? (sb_t)sb_creal(s->a[i + (size_t)i * s->lda]) : s->a[i + (size_t)i * s->lda];
    int stored = s->uplo == 'U' ? i < j : i > j;
    if (stored) return s->a[i + (size_t)j * s->lda];
    sb_t v = s->a[j + (size_t)i * s->lda];
    return s->herm ? sb_conj(v) : v;
}

/* gemm_block with one operand symmetric (side 'L': C := alpha*S*X + beta*C, S the m x k block of
 * the full matrix at (sym->r0, sym->c0), k = its order; side 'R': C := alpha*X*S + beta*C, S
 * k x n), X general ('N', ldx). S is packed from the triangle, the same values in the same
 * packed format as gemm_block packing the expanded matrix, so it gives gemm's bits. No
 * workspace: gemm_sym_simple. */
void SB_NAME(gemm_block_sym)(char side, const sb_l3_sym *sym, blas_int m, blas_int n, blas_int k, sb_t alpha,
                             const sb_t *x, blas_int ldx, sb_t beta, sb_t *c, blas_int ldc);

/* The same element by element from the definition (no memory): C(i,j) := alpha*s + beta*C(i,j)
 * with s the plain sum in order (beta == 0: C not read). */
void SB_NAME(gemm_sym_simple)(char side, const sb_l3_sym *sym, blas_int m, blas_int n, blas_int k, sb_t alpha,
                              const sb_t *x, blas_int ldx, sb_t beta, sb_t *c, blas_int ldc);

/* symm/hemm's product through gemm's threads and loops: C := alpha*A*X + beta*C (side 'L', A the
 * m x m full matrix of sym) or alpha*X*A + beta*C (side 'R', n x n), sym->r0 = sym->c0 = 0,
 * alpha != 0, m, n >= 1. may_decline: return 0 without doing anything where gemm would use its
 * unpacked small kernel (the caller then expands A and calls gemm, whose small kernel gives the
 * packed bits); else (and otherwise) returns 1. */
int SB_NAME(gemm_sym)(char side, const sb_l3_sym *sym, blas_int m, blas_int n, sb_t alpha, const sb_t *x,
                      blas_int ldx, sb_t beta, sb_t *c, blas_int ldc, int may_decline);

/* The same without packing, element by element (tiny problems, no workspace). */
void SB_NAME(gemm_simple)(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                          blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc,
                          const sb_l3_tri *tri);

/* gemm with op(A) packed once by the caller and used for several products with k <= the kernel
 * set's kc (getrf's trailing chunks share one A21): gemm_a_packed_size(m, k) gives the buffer's
 * elements (0: k too large or nothing to do, use gemm), gemm_pack_a_for fills it, and
 * gemm_with_packed_a computes C := alpha*op(A)*op(B) + beta*C (C m x n, op(B) k x n by tb) with
 * gemm's loops and arithmetic, on the calling thread. */
size_t SB_NAME(gemm_a_packed_size)(blas_int m, blas_int k);
void SB_NAME(gemm_pack_a_for)(char ta, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *apk);
void SB_NAME(gemm_with_packed_a)(blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *apk, char tb,
                                 const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* C := beta*C on an m x n block (beta == 0: set to zero without reading; beta == 1: nothing). */
void SB_NAME(gemm_scale)(blas_int m, blas_int n, sb_t beta, sb_t *c, blas_int ldc);

/* gemm restricted to one triangle of the n x n matrix C (uplo 'U' or 'L'):
 *   C := alpha*op(A)*op(B) + beta*C on the uplo triangle only (diagonal included), op(A) n x k,
 *   op(B) k x n. The other triangle is neither read nor written. This is ?gemmt, and also the
 *   engine for syrk (B = A, op(B) = op(A)^T) and herk/her2k/syr2k-like updates. The gemm loops
 *   restricted to the triangle (gemm_block), its columns cut among the threads by area. Same
 *   determinism as gemm. */
void SB_NAME(gemmt)(char uplo, char transa, char transb, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                    blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* gemmt with `herm`: the diagonal of C is read and written with a zero imaginary part (herk,
 * her2k). The engine of syrk/herk and syr2k/her2k. */
void SB_NAME(gemmt_ex)(char uplo, int herm, char transa, char transb, blas_int n, blas_int k, sb_t alpha,
                       const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* gemmt_ex with a second product in the same pass (gemm_block_pair; second may be NULL):
 * C := alpha*op(A)*op(B) + second->alpha*op(A2)*op(B2) + beta*C on the triangle (syr2k/her2k). */
void SB_NAME(gemmt_pair)(char uplo, int herm, char transa, char transb, blas_int n, blas_int k, sb_t alpha,
                         const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb, const sb_l3_second *second,
                         sb_t beta, sb_t *c, blas_int ldc);

/* B := alpha*op(A) out of place (A rows x cols as stored, column-major; B is op(A)'s shape),
 * trans 'N', 'T', 'C' or 'R'. Used by ?omatcopy/?imatcopy. */
void SB_NAME(omatcopy)(char trans, blas_int rows, blas_int cols, sb_t alpha, const sb_t *a, blas_int lda, sb_t *b,
                       blas_int ldb);

#endif

/* Structured level-3 drivers (templated): symm/hemm, syrk/herk, syr2k/her2k, trmm, trsm.
 *
 * The interface has checked the arguments, taken the quick returns and upper-cased the
 * character arguments; for real precisions a transpose of 'C' arrives as 'T'. `herm` selects
 * the hermitian variant (hemm, herk, her2k; always 0 for real precisions). Matrices are
 * column-major. Each driver pushes the bulk of its flops through the gemm loops and splits its
 * work into pieces whose shapes depend only on the problem, never on the thread count (or, for
 * syrk/syr2k, so that no element's arithmetic depends on the piece it falls in), so the
 * result is bitwise the same at every thread count. Nothing outside the output region (the
 * other triangle of C included) is written; beta == 0 overwrites without reading; alpha == 0
 * reads neither A nor B. */
#ifndef SB_DRIVERS_LEVEL3_STRUCTURED_H
#define SB_DRIVERS_LEVEL3_STRUCTURED_H

#include "common/blas.h"
#include "common/precision.h"

/* C := alpha*A*B + beta*C (side 'L', A m x m) or alpha*B*A + beta*C (side 'R', A n x n), A
 * symmetric (herm = 0) or hermitian (herm = 1, the imaginary part of its diagonal ignored),
 * given by its `uplo` triangle. C is m x n. */
void SB_NAME(symm)(char side, char uplo, int herm, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* The `uplo` triangle of the n x n C := alpha*op(A)*op(A)' + beta*C, op(A) n x k, where ' is the
 * transpose (herm = 0) or conjugate transpose (herm = 1; alpha and beta are then real, and the
 * diagonal of C comes out with a zero imaginary part). trans 'N': op(A) = A; 'T'/'C': op(A) = A'. */
void SB_NAME(syrk)(char uplo, char trans, int herm, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                   blas_int lda, sb_t beta, sb_t *c, blas_int ldc);

/* The `uplo` triangle of C := alpha*op(A)*op(B)' + alpha2*op(B)*op(A)' + beta*C, where alpha2 is
 * alpha (herm = 0) or conj(alpha) (herm = 1; beta then real, C's diagonal real). */
void SB_NAME(syr2k)(char uplo, char trans, int herm, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                    blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* B := alpha*op(A)*B (side 'L', A m x m) or alpha*B*op(A) (side 'R', A n x n), A triangular
 * (`uplo`), unit diagonal (diag 'U', never read) or not ('N'). B is m x n. */
void SB_NAME(trmm)(char side, char uplo, char transa, char diag, blas_int m, blas_int n, sb_t alpha,
                   const sb_t *a, blas_int lda, sb_t *b, blas_int ldb);

/* Solves op(A)*X = alpha*B (side 'L') or X*op(A) = alpha*B (side 'R'); X overwrites B. */
void SB_NAME(trsm)(char side, char uplo, char transa, char diag, blas_int m, blas_int n, sb_t alpha,
                   const sb_t *a, blas_int lda, sb_t *b, blas_int ldb);

/* Shared helpers (src/drivers/level3/structured_util.c, rankk.c). */

/* The engine of syrk (b == NULL) and syr2k. */
void SB_NAME(l3s_rankk)(char uplo, char trans, int herm, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                        blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

/* The `uplo` triangle of the n x n C (diagonal included) := beta*C, or 0 when beta == 0
 * (C not read). herm: the diagonal becomes beta*real(C(j,j)), imaginary part zero. */
void SB_NAME(l3s_scale_tri)(char uplo, int herm, blas_int n, sb_t beta, sb_t *c, blas_int ldc);

/* The m x n C := beta*C, or 0 when beta == 0 (C not read). */
void SB_NAME(l3s_scale_rect)(blas_int m, blas_int n, sb_t beta, sb_t *c, blas_int ldc);

/* Splits `total` into pieces for parallel work whose size depends only on `total`: at least
 * `min_piece`, a multiple of 16, and at most about `max_pieces` of them. */
static inline blas_int sb_l3s_piece(blas_int total, blas_int min_piece, blas_int max_pieces)
{
    blas_int p = (total + max_pieces - 1) / max_pieces;
    p = (p + 15) / 16 * 16;
    return p < min_piece ? min_piece : p;
}

#endif

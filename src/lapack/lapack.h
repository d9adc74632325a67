/* SafeBLAS's own LAPACK routines (templated, like the drivers).
 *
 * Each file under src/lapack holds one algorithm: its Fortran ABI entry (dgetrf_), whose
 * argument checks follow reference LAPACK 3.11 (order, parameter numbers, xerbla names), and an
 * internal, unchecked core (SB_NAME(lp_getrf)) that other routines here call, so an error is
 * reported in the name of the routine the user called. The heavy lifting goes through the level-3
 * drivers (drivers/level3.h: gemm; drivers/level3_structured.h: trsm, trmm, syrk/herk), called
 * directly with alpha = 1 or -1, parallel through the runtime.
 *
 * Everything here is column-major, 0-based in C, with 1-based pivots as Fortran stores them. */
#ifndef SB_LAPACK_H
#define SB_LAPACK_H

#include <float.h>

#include "common/blas.h"
#include "common/precision.h"

/* 'C' for the conjugate transpose, which real precisions spell 'T'. */
#if SB_IS_COMPLEX
#define SB_TRANS_C 'C'
#else
#define SB_TRANS_C 'T'
#endif

/* Safe minimum (LAPACK's ?LAMCH('S')): the smallest normal number, 1/sfmin does not overflow. */
#if SB_IS_DOUBLE
#define SB_SFMIN DBL_MIN
#else
#define SB_SFMIN FLT_MIN
#endif

/* Upper-case a Fortran character argument's first letter. */
static inline char sb_lp_upper(const char *c)
{
    char x = *c;
    return (x >= 'a' && x <= 'z') ? (char)(x - 'a' + 'A') : x;
}

static inline int sb_lp_isnan(sb_r x) { return x != x; }

/* ---- the routines' cores (arguments already checked) ---- */

/* Row interchanges as ?LASWP: for i = k1..k2 (1-based; backwards when incx < 0) swap rows i and
 * ipiv(...) of the n columns of A. Parallel over columns when large. */
void SB_NAME(lp_laswp)(blas_int n, sb_t *a, blas_int lda, blas_int k1, blas_int k2, const blas_int *ipiv,
                       blas_int incx);

/* LU with partial pivoting of the m x n A; returns info (0, or the first zero pivot, 1-based). */
blas_int SB_NAME(lp_getrf)(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv);

/* Solves with the LU of ?getrf (trans 'N', 'T' or 'C'). */
void SB_NAME(lp_getrs)(char trans, blas_int n, blas_int nrhs, const sb_t *a, blas_int lda, const blas_int *ipiv,
                       sb_t *b, blas_int ldb);

/* Cholesky (uplo 'U': A = U^H U, 'L': A = L L^H); returns info (0, or the order of the first
 * leading minor that is not positive definite; the factorization stops there). */
blas_int SB_NAME(lp_potrf)(char uplo, blas_int n, sb_t *a, blas_int lda);

/* Solves with the Cholesky factor of ?potrf. */
void SB_NAME(lp_potrs)(char uplo, blas_int n, blas_int nrhs, const sb_t *a, blas_int lda, sb_t *b,
                       blas_int ldb);

/* Inverse of a triangular matrix in place; returns info (0, or the first zero diagonal). */
blas_int SB_NAME(lp_trtri)(char uplo, char diag, blas_int n, sb_t *a, blas_int lda);

/* U U^H (uplo 'U') or L^H L (uplo 'L') in place on the triangle. */
void SB_NAME(lp_lauum)(char uplo, blas_int n, sb_t *a, blas_int lda);

#endif

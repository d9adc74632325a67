/* ?TRTRI: inverse of a triangular matrix in place, by recursion:
 *
 *   upper [A11 A12; 0 A22]: A12 := -inv(A11) A12 inv(A22), then A11, A22 := their inverses
 *   lower [A11 0; A21 A22]: A21 := -inv(A22) A21 inv(A11), then A11, A22 := their inverses
 *
 * with the two products as triangular solves with the original blocks (trsm). Blocks of at most
 * TRTRI_LEAF columns by loops (as ?trti2). As the reference, a non-unit matrix is first checked
 * for an exactly zero diagonal element: info is the first one and A is left untouched. */
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"

#define TRTRI_LEAF 16

static void leaf(char uplo, int unit, blas_int n, sb_t *a, blas_int lda)
{
#define A(i, j) a[(i) + (size_t)(j) * lda]
    if (uplo == 'U') {
        for (blas_int j = 0; j < n; j++) {
            sb_t ajj;
            if (!unit) {
                A(j, j) = 1 / A(j, j);
                ajj = -A(j, j);
            } else {
                ajj = -1;
            }
            /* x := T x with T = inv of the leading j x j block (upper), x = A(0:j, j) */
            for (blas_int i = 0; i < j; i++) {
                sb_t s = unit ? A(i, j) : A(i, i) * A(i, j);
                for (blas_int k = i + 1; k < j; k++) s += A(i, k) * A(k, j);
                A(i, j) = s;
            }
            for (blas_int i = 0; i < j; i++) A(i, j) *= ajj;
        }
    } else {
        for (blas_int j = n - 1; j >= 0; j--) {
            sb_t ajj;
            if (!unit) {
                A(j, j) = 1 / A(j, j);
                ajj = -A(j, j);
            } else {
                ajj = -1;
            }
            /* x := T x with T = inv of the trailing block (lower), x = A(j+1:n, j) */
            for (blas_int i = n - 1; i > j; i--) {
                sb_t s = unit ? A(i, j) : A(i, i) * A(i, j);
                for (blas_int k = j + 1; k < i; k++) s += A(i, k) * A(k, j);
                A(i, j) = s;
            }
            for (blas_int i = j + 1; i < n; i++) A(i, j) *= ajj;
        }
    }
#undef A
}

static void rec(char uplo, char diag, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= TRTRI_LEAF) {
        leaf(uplo, diag == 'U', n, a, lda);
        return;
    }
    blas_int n1 = n / 2;
    if (n1 > 32) n1 = n1 / 16 * 16;
    blas_int n2 = n - n1;
    sb_t *a22 = a + n1 + (size_t)n1 * lda;
    if (uplo == 'U') {
        sb_t *a12 = a + (size_t)n1 * lda;
        for (blas_int j = 0; j < n2; j++)
            for (blas_int i = 0; i < n1; i++) a12[i + (size_t)j * lda] = -a12[i + (size_t)j * lda];
        SB_NAME(trsm)('R', 'U', 'N', diag, n1, n2, 1, a22, lda, a12, lda); /* -A12 inv(A22) */
        SB_NAME(trsm)('L', 'U', 'N', diag, n1, n2, 1, a, lda, a12, lda);   /* inv(A11) (...) */
    } else {
        sb_t *a21 = a + n1;
        for (blas_int j = 0; j < n1; j++)
            for (blas_int i = 0; i < n2; i++) a21[i + (size_t)j * lda] = -a21[i + (size_t)j * lda];
        SB_NAME(trsm)('R', 'L', 'N', diag, n2, n1, 1, a, lda, a21, lda);   /* -A21 inv(A11) */
        SB_NAME(trsm)('L', 'L', 'N', diag, n2, n1, 1, a22, lda, a21, lda); /* inv(A22) (...) */
    }
    rec(uplo, diag, n1, a, lda);
    rec(uplo, diag, n2, a22, lda);
}

blas_int SB_NAME(lp_trtri)(char uplo, char diag, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= 0) return 0;
    if (diag == 'N')
        for (blas_int i = 0; i < n; i++)
            if (a[i + (size_t)i * lda] == 0) return i + 1;
    rec(uplo, diag, n, a, lda);
    return 0;
}

SB_API void SB_F77(trtri)(const char *uplo, const char *diag, const blas_int *n, sb_t *a, const blas_int *lda,
                          blas_int *info)
{
    char u = sb_lp_upper(uplo), d = sb_lp_upper(diag);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (d != 'N' && d != 'U') *info = -2;
    else if (*n < 0) *info = -3;
    else if (*lda < SB_MAX(1, *n)) *info = -5;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "TRTRI", -*info);
        return;
    }
    *info = SB_NAME(lp_trtri)(u, d, *n, a, *lda);
}

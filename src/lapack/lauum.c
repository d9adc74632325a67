/* ?LAUUM: the product U U^H (uplo 'U') or L^H L (uplo 'L') in place on the triangle, by
 * recursion:
 *
 *   upper: R11 = U11 U11^H + U12 U12^H, R12 = U12 U22^H, R22 = U22 U22^H
 *   lower: R11 = L11^H L11 + L21^H L21, R21 = L22^H L21, R22 = L22^H L22
 *
 * (the syrk/herk and trmm drivers); blocks of at most LAUUM_LEAF by loops. */
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"

#define LAUUM_LEAF 16

static void leaf(char uplo, blas_int n, sb_t *a, blas_int lda)
{
#define A(i, j) a[(i) + (size_t)(j) * lda]
    if (uplo == 'U') { /* R(i,j) = sum_{k>=j} U(i,k) conj(U(j,k)), i <= j; rows top down, j ascending */
        for (blas_int i = 0; i < n; i++)
            for (blas_int j = i; j < n; j++) {
                sb_t s = 0;
                for (blas_int k = j; k < n; k++) s += A(i, k) * sb_conj(A(j, k));
                A(i, j) = (i == j) ? (sb_t)sb_creal(s) : s;
            }
    } else { /* R(i,j) = sum_{k>=i} conj(L(k,i)) L(k,j), i >= j; columns left to right, i ascending */
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = j; i < n; i++) {
                sb_t s = 0;
                for (blas_int k = i; k < n; k++) s += sb_conj(A(k, i)) * A(k, j);
                A(i, j) = (i == j) ? (sb_t)sb_creal(s) : s;
            }
    }
#undef A
}

static void rec(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= LAUUM_LEAF) {
        leaf(uplo, n, a, lda);
        return;
    }
    blas_int n1 = n / 2;
    if (n1 > 32) n1 = n1 / 16 * 16;
    blas_int n2 = n - n1;
    sb_t *a22 = a + n1 + (size_t)n1 * lda;
    rec(uplo, n1, a, lda);
    if (uplo == 'U') {
        sb_t *a12 = a + (size_t)n1 * lda;
        SB_NAME(syrk)('U', 'N', SB_IS_COMPLEX, n1, n2, 1, a12, lda, 1, a, lda);
        SB_NAME(trmm)('R', 'U', SB_TRANS_C, 'N', n1, n2, 1, a22, lda, a12, lda);
    } else {
        sb_t *a21 = a + n1;
        SB_NAME(syrk)('L', 'C', SB_IS_COMPLEX, n1, n2, 1, a21, lda, 1, a, lda);
        SB_NAME(trmm)('L', 'L', SB_TRANS_C, 'N', n2, n1, 1, a22, lda, a21, lda);
    }
    rec(uplo, n2, a22, lda);
}

void SB_NAME(lp_lauum)(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    if (n > 0) rec(uplo, n, a, lda);
}

SB_API void SB_F77(lauum)(const char *uplo, const blas_int *n, sb_t *a, const blas_int *lda, blas_int *info)
{
    char u = sb_lp_upper(uplo);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*lda < SB_MAX(1, *n)) *info = -4;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "LAUUM", -*info);
        return;
    }
    SB_NAME(lp_lauum)(u, *n, a, *lda);
}

/* ?POTRF: Cholesky factorization A = U^H U (uplo 'U') or A = L L^H (uplo 'L'), by recursion:
 *
 *   lower: L11 := chol(A11); A21 := A21 L11^-H; A22 -= A21 A21^H; L22 := chol(A22)
 *   upper: U11 := chol(A11); A12 := U11^-H A12; A22 -= A12^H A12; U22 := chol(A22)
 *
 * The solves and the rank-k updates go through the trsm and syrk/herk drivers (on gemm), so the work is
 * parallel at every level; blocks of at most POTRF_LEAF columns are factored by loops. Only the
 * uplo triangle is read or written.
 *
 * Contract as the reference (?potrf2): a diagonal element, after the updates from the columns
 * before it, that is not positive or is NaN stops the factorization; info is its (1-based)
 * order and it is left in A as computed (not square-rooted), nothing after it is touched. For
 * complex matrices only the real part of the diagonal is used; the factor's diagonal is real. */
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"

#define POTRF_LEAF 16

static blas_int leaf(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t *ajj = a + j + (size_t)j * lda;
        sb_r d = sb_creal(*ajj);
        if (d <= 0 || sb_lp_isnan(d)) return j + 1; /* left as updated, as the reference */
        d = sb_rsqrt(d);
        *ajj = d;
        if (uplo == 'L') {
            /* column below the diagonal, then the trailing lower triangle */
            for (blas_int i = j + 1; i < n; i++) a[i + (size_t)j * lda] = a[i + (size_t)j * lda] / d;
            for (blas_int k = j + 1; k < n; k++) {
                sb_t t = sb_conj(a[k + (size_t)j * lda]);
                sb_t *ck = a + (size_t)k * lda;
                ck[k] = sb_creal(ck[k]) - sb_creal(a[k + (size_t)j * lda] * t);
                for (blas_int i = k + 1; i < n; i++) ck[i] -= a[i + (size_t)j * lda] * t;
            }
        } else {
            /* row right of the diagonal, then the trailing upper triangle */
            for (blas_int k = j + 1; k < n; k++) a[j + (size_t)k * lda] = a[j + (size_t)k * lda] / d;
            for (blas_int k = j + 1; k < n; k++) {
                sb_t *ck = a + (size_t)k * lda;
                sb_t t = ck[j];
                for (blas_int i = j + 1; i < k; i++) ck[i] -= sb_conj(a[j + (size_t)i * lda]) * t;
                ck[k] = sb_creal(ck[k]) - sb_creal(sb_conj(t) * t);
            }
        }
    }
    return 0;
}

static blas_int rec(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= POTRF_LEAF) return leaf(uplo, n, a, lda);
    blas_int n1 = n / 2;
    if (n1 > 32) n1 = n1 / 16 * 16;
    blas_int n2 = n - n1;
    sb_t *a22 = a + n1 + (size_t)n1 * lda;
    blas_int info = rec(uplo, n1, a, lda);
    if (info) return info;
    if (uplo == 'L') {
        sb_t *a21 = a + n1;
        SB_NAME(trsm)('R', 'L', SB_TRANS_C, 'N', n2, n1, 1, a, lda, a21, lda);
        SB_NAME(syrk)('L', 'N', SB_IS_COMPLEX, n2, n1, -1, a21, lda, 1, a22, lda);
    } else {
        sb_t *a12 = a + (size_t)n1 * lda;
        SB_NAME(trsm)('L', 'U', SB_TRANS_C, 'N', n1, n2, 1, a, lda, a12, lda);
        SB_NAME(syrk)('U', SB_TRANS_C, SB_IS_COMPLEX, n2, n1, -1, a12, lda, 1, a22, lda);
    }
    info = rec(uplo, n2, a22, lda);
    return info ? info + n1 : 0;
}

blas_int SB_NAME(lp_potrf)(char uplo, blas_int n, sb_t *a, blas_int lda)
{
    if (n <= 0) return 0;
    return rec(uplo, n, a, lda);
}

SB_API void SB_F77(potrf)(const char *uplo, const blas_int *n, sb_t *a, const blas_int *lda, blas_int *info)
{
    char u = sb_lp_upper(uplo);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*lda < SB_MAX(1, *n)) *info = -4;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "POTRF", -*info);
        return;
    }
    *info = SB_NAME(lp_potrf)(u, *n, a, *lda);
}

/* ?GETRI: inverse from the LU factorization of ?getrf: inv(U) (?trtri), then inv(A) from
 * inv(A) L = inv(U), a block of columns at a time from the right (one gemm and one triangular
 * solve per block, on the workspace copy of L's block), then the column interchanges.
 *
 * Workspace as the reference: lwork >= max(1, n); the optimal size (returned by lwork = -1) is
 * n * GETRI_NB; a smaller workspace gives smaller blocks (down to one column). */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"

#define GETRI_NB 64

SB_API void SB_F77(getri)(const blas_int *n_, sb_t *a, const blas_int *lda_, const blas_int *ipiv, sb_t *work,
                          const blas_int *lwork_, blas_int *info)
{
    blas_int n = *n_, lda = *lda_, lwork = *lwork_;
    blas_int lwkopt = n * GETRI_NB; /* as LAPACK 3.11 (0 for n = 0) */
    int lquery = lwork == -1;
    *info = 0;
    work[0] = (sb_t)lwkopt;
    if (n < 0) *info = -1;
    else if (lda < SB_MAX(1, n)) *info = -3;
    else if (lwork < SB_MAX(1, n) && !lquery) *info = -6;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "GETRI", -*info);
        return;
    }
    if (lquery || n == 0) return;

    *info = SB_NAME(lp_trtri)('U', 'N', n, a, lda);
    if (*info > 0) return;

    blas_int nb = GETRI_NB;
    if (nb >= n) nb = n;
    if ((size_t)lwork < (size_t)n * nb) nb = lwork / n;
    if (nb < 1) nb = 1;
    blas_int ldw = n;
    for (blas_int j = ((n - 1) / nb) * nb; j >= 0; j -= nb) {
        blas_int jb = SB_MIN(nb, n - j);
        /* the block of L's columns to the workspace, zeros in A */
        for (blas_int jj = j; jj < j + jb; jj++)
            for (blas_int i = jj + 1; i < n; i++) {
                work[i + (size_t)(jj - j) * ldw] = a[i + (size_t)jj * lda];
                a[i + (size_t)jj * lda] = 0;
            }
        if (j + jb < n)
            SB_NAME(gemm)('N', 'N', n, jb, n - j - jb, -1, a + (size_t)(j + jb) * lda, lda, work + j + jb, ldw, 1,
                          a + (size_t)j * lda, lda);
        SB_NAME(trsm)('R', 'L', 'N', 'U', n, jb, 1, work + j, ldw, a + (size_t)j * lda, lda);
    }
    /* column interchanges, last to first */
    for (blas_int j = n - 2; j >= 0; j--) {
        blas_int jp = ipiv[j] - 1;
        if (jp != j) {
            sb_t *x = a + (size_t)j * lda, *y = a + (size_t)jp * lda;
            for (blas_int i = 0; i < n; i++) {
                sb_t t = x[i];
                x[i] = y[i];
                y[i] = t;
            }
        }
    }
    /* as the reference: the workspace the blocked algorithm wants */
    work[0] = (sb_t)(GETRI_NB > 1 && GETRI_NB < n ? n * GETRI_NB : n);
}

/* ?POTRI: inverse of a Hermitian (symmetric) positive definite matrix from its Cholesky factor:
 * inv(U) (?trtri), then inv(U) inv(U)^H (?lauum); for 'L', inv(L)^H inv(L). */
#include "lapack/lapack.h"

SB_API void SB_F77(potri)(const char *uplo, const blas_int *n, sb_t *a, const blas_int *lda, blas_int *info)
{
    char u = sb_lp_upper(uplo);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*lda < SB_MAX(1, *n)) *info = -4;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "POTRI", -*info);
        return;
    }
    if (*n == 0) return;
    *info = SB_NAME(lp_trtri)(u, 'N', *n, a, *lda);
    if (*info > 0) return;
    SB_NAME(lp_lauum)(u, *n, a, *lda);
}

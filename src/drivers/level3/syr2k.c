/* syr2k / her2k: the rank-2k update of one triangle, through the triangle engine (rankk.c, on gemmt). */
#include "drivers/level3_structured.h"

void SB_NAME(syr2k)(char uplo, char trans, int herm, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                    blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    SB_NAME(l3s_rankk)(uplo, trans, herm, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

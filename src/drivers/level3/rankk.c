/* The engine behind syrk/herk and syr2k/her2k: a rank-k (or rank-2k) update of one triangle of C,
 * as gemmt (gemmt.c: the gemm loops restricted to the triangle, packing each panel once).
 *   syrk/herk:   C := alpha*op(A)*op(A)' + beta*C            one gemmt_ex pass
 *   syr2k/her2k: C := alpha*op(A)*op(B)' + beta*C, then C += alpha2*op(B)*op(A)'   two passes
 * where ' is the transpose (syrk, syr2k) or the conjugate transpose (herk, her2k, whose diagonal
 * is kept real). The passes are in a fixed order and each is bitwise the same at every thread
 * count, so the result is too. */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"

/* Shared by syrk (b == NULL) and syr2k. */
void SB_NAME(l3s_rankk)(char uplo, char trans, int herm, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                        blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (n <= 0) return;
    if (alpha == 0 || k == 0) {
        SB_NAME(l3s_scale_tri)(uplo, herm, n, beta, c, ldc);
        return;
    }
    /* op(A) is n x k: A itself ('N') or A' (A stored k x n); the second factor is its ' */
    char t = herm ? 'C' : 'T';
    char ta = trans == 'N' ? 'N' : t, tb = trans == 'N' ? t : 'N';
    if (!b) {
        SB_NAME(gemmt_ex)(uplo, herm, ta, tb, n, k, alpha, a, lda, a, lda, beta, c, ldc);
        return;
    }
    SB_NAME(gemmt_ex)(uplo, herm, ta, tb, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    SB_NAME(gemmt_ex)(uplo, herm, ta, tb, n, k, herm ? sb_conj(alpha) : alpha, b, ldb, a, lda, 1, c, ldc);
}

/* The engine behind syrk/herk and syr2k/her2k: a rank-k (or rank-2k) update of one triangle of C,
 * as gemmt (gemmt.c: the gemm loops restricted to the triangle, packing each panel once).
 *   syrk/herk:   C := alpha*op(A)*op(A)' + beta*C            one gemmt_ex pass
 *   syr2k/her2k: C := alpha*op(A)*op(B)' + beta*C, then C += alpha2*op(B)*op(A)'
 *                in one gemmt_pair pass for k up to PAIR_MAX_K, else two gemmt_ex passes
 * where ' is the transpose (syrk, syr2k) or the conjugate transpose (herk, her2k, whose diagonal
 * is kept real), alpha2 = alpha (syr2k) or conj(alpha) (her2k). Either way each element gets the
 * first product's terms and then the second's, the same bits, at every thread count. */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"

/* The one pass keeps a column of C's tiles in cache between the two products, where two passes
 * stream the whole triangle from memory twice: that pays while k is small against n (LAPACK's
 * dsytrd/zhetrd update with k = 32). Measured on the Xeon 6 model 207 (one thread, CPU time,
 * dsyr2k lower, GFLOP/s two passes -> one): n = 2000 k = 32 54.7 -> 59.8, k = 96 62.4 -> 64.1,
 * k = 128 66.5 -> 67.7, k = 192 69.7 -> 69.0; n = 1024 k = 1024 65.2 -> 62.8 (the two packed
 * blocks of A crowd L2 when k is deep). Up to PAIR_MAX_K (<= every kernel set's KC) k is one
 * step, so the bits are those of the two passes. */
#define PAIR_MAX_K 128

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
    sb_l3_second second = {herm ? sb_conj(alpha) : alpha, b, a, ldb, lda};
    if (k <= PAIR_MAX_K) {
        SB_NAME(gemmt_pair)(uplo, herm, ta, tb, n, k, alpha, a, lda, b, ldb, &second, beta, c, ldc);
        return;
    }
    SB_NAME(gemmt_ex)(uplo, herm, ta, tb, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    SB_NAME(gemmt_ex)(uplo, herm, ta, tb, n, k, second.alpha, b, ldb, a, lda, 1, c, ldc);
}

/* Hermitian (symmetric) rank-k update of one triangle, C := C + alpha op(A) op(A)^H, by
 * recursion: the off-diagonal block is one gemm, the two diagonal halves recurse; a diagonal
 * block of at most HERK_BASE is computed by gemm into a small private square and added on its
 * triangle only. Internal to the LAPACK routines (potrf, lauum). */
#include "drivers/level3.h"
#include "lapack/lapack.h"

#define HERK_BASE 32

static inline blas_int split(blas_int n)
{
    blas_int h = n / 2;
    if (n > 64) h = (h + 15) / 16 * 16;
    return h;
}

/* Rows r0.. of op(A) as a gemm operand: A n x k ('N') or A k x n ('C'). */
static inline const sb_t *rows(char trans, const sb_t *a, blas_int lda, blas_int r0)
{
    return trans == 'N' ? a + r0 : a + (size_t)r0 * lda;
}

static void rec(char uplo, char trans, blas_int n, blas_int k, sb_r alpha, const sb_t *a, blas_int lda, sb_t *c,
                blas_int ldc)
{
    const sb_t one = 1, salpha = alpha;
    const char tl = trans == 'N' ? 'N' : SB_TRANS_C; /* op(A) */
    const char tr = trans == 'N' ? SB_TRANS_C : 'N'; /* op(A)^H */
    if (n <= HERK_BASE) {
        sb_t t[HERK_BASE * HERK_BASE];
        SB_NAME(gemm)(tl, tr, n, n, k, one, a, lda, a, lda, 0, t, n);
        for (blas_int j = 0; j < n; j++) {
            blas_int i0 = uplo == 'U' ? 0 : j + 1, i1 = uplo == 'U' ? j : n;
            sb_t *cj = c + (size_t)j * ldc;
            for (blas_int i = i0; i < i1; i++) cj[i] += salpha * t[i + (size_t)j * n];
            cj[j] = (sb_t)(sb_creal(cj[j]) + alpha * sb_creal(t[j + (size_t)j * n]));
        }
        return;
    }
    blas_int n1 = split(n), n2 = n - n1;
    const sb_t *a1 = a, *a2 = rows(trans, a, lda, n1);
    rec(uplo, trans, n1, k, alpha, a, lda, c, ldc);
    if (uplo == 'L') /* C21 += alpha op(A)2 op(A)1^H */
        SB_NAME(gemm)(tl, tr, n2, n1, k, salpha, a2, lda, a1, lda, one, c + n1, ldc);
    else /* C12 += alpha op(A)1 op(A)2^H */
        SB_NAME(gemm)(tl, tr, n1, n2, k, salpha, a1, lda, a2, lda, one, c + (size_t)n1 * ldc, ldc);
    rec(uplo, trans, n2, k, alpha, a2, lda, c + n1 + (size_t)n1 * ldc, ldc);
}

void SB_NAME(lp_herk)(char uplo, char trans, blas_int n, blas_int k, sb_r alpha, const sb_t *a, blas_int lda,
                      sb_t *c, blas_int ldc)
{
    if (n <= 0 || k <= 0 || alpha == 0) return;
    rec(uplo, trans == 'N' ? 'N' : 'C', n, k, alpha, a, lda, c, ldc);
}

/* ?gemm: Fortran ABI and CBLAS. C := alpha*op(A)*op(B) + beta*C. */
#include "cblas.h"
#include "drivers/level3.h"
#include "drivers/level3/gemm_small.h"

/* The upper-case letter of a valid trans argument ('N', 'T', 'C', either case), else 0: as
 * sb_lsame, in fewer steps (c | 0x20 is 'n' only for 'N' and 'n', and so for 't' and 'c'). */
static inline char trans_letter(char c)
{
    c |= 0x20;
    return c == 'n' ? 'N' : c == 't' ? 'T' : c == 'c' ? 'C' : 0;
}

/* Reference argument checks (BLAS 3.11 order); returns INFO, 0 when all is well. transa/transb
 * get the upper-case letter. Inlined: a small call pays no call for it. */
static inline __attribute__((always_inline)) blas_int gemm_check(const char *ta, const char *tb, blas_int m,
                                                                 blas_int n, blas_int k, blas_int lda, blas_int ldb,
                                                                 blas_int ldc, char *ua, char *ub)
{
    *ua = trans_letter(*ta);
    *ub = trans_letter(*tb);
    blas_int nrowa = *ua == 'N' ? m : k, nrowb = *ub == 'N' ? k : n;
    if (!*ua) return 1;
    if (!*ub) return 2;
    if (m < 0) return 3;
    if (n < 0) return 4;
    if (k < 0) return 5;
    if (lda < SB_MAX(1, nrowa)) return 8;
    if (ldb < SB_MAX(1, nrowb)) return 10;
    if (ldc < SB_MAX(1, m)) return 13;
    return 0;
}

/* The small kernel's calls with op(A) = A, and the small ones with op(A) transposed, straight
 * from here (gemm_small.h), alpha and beta read where they are; the rest through the driver. */
static inline __attribute__((always_inline)) void gemm_run(char ua, char ub, blas_int m, blas_int n, blas_int k,
                                                           const sb_t *alpha, const sb_t *a, blas_int lda,
                                                           const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c,
                                                           blas_int ldc)
{
    if (ua == 'N' ? gemm_small_nn(ub, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
                  : gemm_small_t(ua, ub, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc))
        return;
    if (m == 0 || n == 0 || ((*alpha == 0 || k == 0) && *beta == 1)) return;
    SB_NAME(gemm)(ua, ub, m, n, k, *alpha, a, lda, b, ldb, *beta, c, ldc);
}

SB_API void SB_F77(gemm)(const char *transa, const char *transb, const blas_int *m, const blas_int *n,
                         const blas_int *k, const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b,
                         const blas_int *ldb, const sb_t *beta, sb_t *c, const blas_int *ldc)
{
    char ua, ub;
    blas_int info = gemm_check(transa, transb, *m, *n, *k, *lda, *ldb, *ldc, &ua, &ub);
    if (info) {
        sb_xerbla(SB_UPPER "GEMM", info);
        return;
    }
    gemm_run(ua, ub, *m, *n, *k, alpha, a, *lda, b, *ldb, beta, c, *ldc);
}

static char cblas_trans(CBLAS_TRANSPOSE t)
{
    return t == CblasNoTrans ? 'N' : t == CblasTrans ? 'T' : t == CblasConjTrans ? 'C' : 0;
}

SB_API void SB_CBLAS(gemm)(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_TRANSPOSE TransB,
                           const blas_int M, const blas_int N, const blas_int K, SB_CSCALAR alpha,
                           const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *B, const blas_int ldb,
                           SB_CSCALAR beta, SB_CARRAY *C, const blas_int ldc)
{
    static const char *name = "cblas_" SB_LOWER "gemm";
    char ta = cblas_trans(TransA), tb = cblas_trans(TransB), ua, ub;
    int row = layout == CblasRowMajor;
    if (layout != CblasColMajor && !row) {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    /* reference CBLAS: column-major checks TransA then TransB; row-major computes
     * C^T = op(B)^T op(A)^T, i.e. the column-major call with A<->B, M<->N swapped */
    if (!ta) {
        sb_cblas_xerbla(2, name, row);
        return;
    }
    if (!tb) { /* reference CBLAS reports a bad TransB as parameter 2 in row-major */
        sb_cblas_xerbla(row ? 2 : 3, name, row);
        return;
    }
    blas_int info;
    if (!row) info = gemm_check(&ta, &tb, M, N, K, lda, ldb, ldc, &ua, &ub);
    else info = gemm_check(&tb, &ta, N, M, K, ldb, lda, ldc, &ua, &ub);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    const sb_t *a = A, *b = B, al = SB_CVAL(alpha), be = SB_CVAL(beta);
    if (!row) gemm_run(ua, ub, M, N, K, &al, a, lda, b, ldb, &be, C, ldc);
    else gemm_run(ua, ub, N, M, K, &al, b, ldb, a, lda, &be, C, ldc);
}

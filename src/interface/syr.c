/* ?syr (s, d) and ?her (c, z; alpha real): Fortran ABI and CBLAS.
 * Checks as reference BLAS 3.11: uplo 1, n 2, incx 5, lda 7; quick return n = 0 or alpha = 0.
 * CBLAS row-major, as reference CBLAS: the opposite triangle of the same storage; ?her also
 * uses conj(x) (reference copies it at unit stride when n > 0, so a zero incx is then legal). */
#include "cblas.h"
#include "drivers/level2_updates.h"

#if !SB_IS_COMPLEX
#define SYR_F "SYR"
#define SYR_C "syr"
#define HERM 0
typedef sb_t alpha_t;
#else
#define SYR_F "HER"
#define SYR_C "her"
#define HERM 1
typedef sb_r alpha_t;
#endif
#define FNAME SB_UPPER SYR_F

/* cname = NULL: Fortran call. uplo: 'U', 'L' or anything else (error 1). */
static void syr_core(const char *cname, int row_major, char uplo, blas_int n, alpha_t alpha, const sb_t *x,
                     blas_int incx, sb_t *a, blas_int lda, int conjx)
{
    blas_int info = 0;
    if (uplo != 'U' && uplo != 'L') info = 1;
    else if (n < 0) info = 2;
    else if (incx == 0 && !(conjx && n > 0)) info = 5;
    else if (lda < SB_MAX(1, n)) info = 7;
    if (info) {
        if (cname) sb_cblas_xerbla(info + 1, cname, row_major);
        else sb_xerbla(FNAME, info);
        return;
    }
    if (n == 0 || alpha == 0) return;
    SB_NAME(syr)(uplo == 'U', n, alpha, x, incx, a, lda, HERM, conjx);
}

#if !SB_IS_COMPLEX
SB_API void SB_F77(syr)(const char *uplo, const blas_int *n, const alpha_t *alpha, const sb_t *x,
                        const blas_int *incx, sb_t *a, const blas_int *lda)
#else
SB_API void SB_F77(her)(const char *uplo, const blas_int *n, const alpha_t *alpha, const sb_t *x,
                        const blas_int *incx, sb_t *a, const blas_int *lda)
#endif
{
    char u = sb_lsame(uplo, 'U') ? 'U' : sb_lsame(uplo, 'L') ? 'L' : '?';
    syr_core(NULL, 0, u, *n, *alpha, x, *incx, a, *lda, 0);
}

#if !SB_IS_COMPLEX
SB_API void SB_CBLAS(syr)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const blas_int n, const alpha_t alpha,
                          const sb_t *x, const blas_int incx, sb_t *a, const blas_int lda)
#else
SB_API void SB_CBLAS(her)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const blas_int n, const alpha_t alpha,
                          const void *x, const blas_int incx, void *a, const blas_int lda)
#endif
{
    const char *cn = "cblas_" SB_L2U_LOWER SYR_C;
    int rm;
    if (layout == CblasColMajor) rm = 0;
    else if (layout == CblasRowMajor) rm = 1;
    else {
        sb_cblas_xerbla(1, cn, 0);
        return;
    }
    if (uplo != CblasUpper && uplo != CblasLower) {
        sb_cblas_xerbla(2, cn, rm);
        return;
    }
    char u = (uplo == CblasUpper) != rm ? 'U' : 'L';
    syr_core(cn, rm, u, n, alpha, x, incx, a, lda, rm && HERM);
}

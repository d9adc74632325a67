/* ?syr2 (s, d) and ?her2 (c, z): Fortran ABI and CBLAS.
 * Checks as reference BLAS 3.11: uplo 1, n 2, incx 5, incy 7, lda 9; quick return n = 0 or
 * alpha = 0.  CBLAS row-major, as reference CBLAS: the opposite triangle of the same storage;
 * ?her2 calls her2(uplo', n, alpha, conj(y), conj(x), A) (reference copies both at unit stride
 * when n > 0, so zero increments are then legal). */
#include "cblas.h"
#include "drivers/level2_updates.h"

#if !SB_IS_COMPLEX
#define SYR2_F "SYR2"
#define SYR2_C "syr2"
#define HERM 0
#else
#define SYR2_F "HER2"
#define SYR2_C "her2"
#define HERM 1
#endif

/* cname = NULL: Fortran call. uplo: 'U', 'L' or anything else (error 1). conjxy: CBLAS row-major
 * hermitian (conjugated copies). */
static void syr2_core(const char *cname, int row_major, char uplo, blas_int n, sb_t alpha, const sb_t *x,
                      blas_int incx, const sb_t *y, blas_int incy, sb_t *a, blas_int lda, int conjxy)
{
    blas_int info = 0;
    if (uplo != 'U' && uplo != 'L') info = 1;
    else if (n < 0) info = 2;
    else if (incx == 0 && !(conjxy && n > 0)) info = 5;
    else if (incy == 0 && !(conjxy && n > 0)) info = 7;
    else if (lda < SB_MAX(1, n)) info = 9;
    if (info) {
        if (cname) sb_cblas_xerbla(info + 1, cname, row_major);
        else sb_xerbla(SB_UPPER SYR2_F, info);
        return;
    }
    if (n == 0 || alpha == 0) return;
    SB_NAME(syr2)(uplo == 'U', n, alpha, x, incx, y, incy, a, lda, HERM, conjxy);
}

#if !SB_IS_COMPLEX
SB_API void SB_F77(syr2)(const char *uplo, const blas_int *n, const sb_t *alpha, const sb_t *x,
                         const blas_int *incx, const sb_t *y, const blas_int *incy, sb_t *a, const blas_int *lda)
#else
SB_API void SB_F77(her2)(const char *uplo, const blas_int *n, const sb_t *alpha, const sb_t *x,
                         const blas_int *incx, const sb_t *y, const blas_int *incy, sb_t *a, const blas_int *lda)
#endif
{
    char u = sb_lsame(uplo, 'U') ? 'U' : sb_lsame(uplo, 'L') ? 'L' : '?';
    syr2_core(NULL, 0, u, *n, *alpha, x, *incx, y, *incy, a, *lda, 0);
}

#if !SB_IS_COMPLEX
SB_API void SB_CBLAS(syr2)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const blas_int n, const sb_t alpha,
                           const sb_t *x, const blas_int incx, const sb_t *y, const blas_int incy, sb_t *a,
                           const blas_int lda)
#else
SB_API void SB_CBLAS(her2)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const blas_int n, const void *alpha,
                           const void *x, const blas_int incx, const void *y, const blas_int incy, void *a,
                           const blas_int lda)
#endif
{
    const char *cn = "cblas_" SB_L2U_LOWER SYR2_C;
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
    if (rm && HERM) syr2_core(cn, rm, u, n, SB_CVAL(alpha), y, incy, x, incx, a, lda, 1);
    else syr2_core(cn, rm, u, n, SB_CVAL(alpha), x, incx, y, incy, a, lda, 0);
}

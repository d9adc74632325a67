/* ?spr (s, d) and ?hpr (c, z; alpha real): Fortran ABI and CBLAS, packed storage.
 * Checks as reference BLAS 3.11: uplo 1, n 2, incx 5; quick return n = 0 or alpha = 0.
 * CBLAS row-major, as reference CBLAS: the opposite triangle of the same packed storage; ?hpr
 * also uses conj(x) (reference copies it at unit stride when n > 0, so a zero incx is then legal). */
#include "cblas.h"
#include "drivers/level2_updates.h"

#if !SB_IS_COMPLEX
#define SPR_F "SPR"
#define SPR_C "spr"
#define HERM 0
typedef sb_t alpha_t;
#else
#define SPR_F "HPR"
#define SPR_C "hpr"
#define HERM 1
typedef sb_r alpha_t;
#endif

/* cname = NULL: Fortran call. uplo: 'U', 'L' or anything else (error 1). */
static void spr_core(const char *cname, int row_major, char uplo, blas_int n, alpha_t alpha, const sb_t *x,
                     blas_int incx, sb_t *ap, int conjx)
{
    blas_int info = 0;
    if (uplo != 'U' && uplo != 'L') info = 1;
    else if (n < 0) info = 2;
    else if (incx == 0 && !(conjx && n > 0)) info = 5;
    if (info) {
        if (cname) sb_cblas_xerbla(info + 1, cname, row_major);
        else sb_xerbla(SB_UPPER SPR_F, info);
        return;
    }
    if (n == 0 || alpha == 0) return;
    SB_NAME(spr)(uplo == 'U', n, alpha, x, incx, ap, HERM, conjx);
}

#if !SB_IS_COMPLEX
SB_API void SB_F77(spr)(const char *uplo, const blas_int *n, const alpha_t *alpha, const sb_t *x,
                        const blas_int *incx, sb_t *ap)
#else
SB_API void SB_F77(hpr)(const char *uplo, const blas_int *n, const alpha_t *alpha, const sb_t *x,
                        const blas_int *incx, sb_t *ap)
#endif
{
    char u = sb_lsame(uplo, 'U') ? 'U' : sb_lsame(uplo, 'L') ? 'L' : '?';
    spr_core(NULL, 0, u, *n, *alpha, x, *incx, ap, 0);
}

#if !SB_IS_COMPLEX
SB_API void SB_CBLAS(spr)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const blas_int n, const alpha_t alpha,
                          const sb_t *x, const blas_int incx, sb_t *ap)
#else
SB_API void SB_CBLAS(hpr)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const blas_int n, const alpha_t alpha,
                          const void *x, const blas_int incx, void *ap)
#endif
{
    const char *cn = "cblas_" SB_L2U_LOWER SPR_C;
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
    spr_core(cn, rm, u, n, alpha, x, incx, ap, rm && HERM);
}

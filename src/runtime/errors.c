/* The error path: xerbla_ (Fortran ABI), xerbla_array_, cblas_xerbla and the reference CBLAS
 * globals. Each reports and returns; none ends the program. A program that defines its own
 * xerbla_ or cblas_xerbla replaces ours, for calls made inside the library too, because
 * SafeBLAS reaches them only through the exported (interposable) symbols. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/blas.h"

SB_API int RowMajorStrg = 0;
SB_API int CBLAS_CallFromC = 0;

SB_API void xerbla_(const char *srname, const blas_int *info, size_t srname_len)
{
    size_t n = srname_len;
    while (n > 0 && (srname[n - 1] == ' ' || srname[n - 1] == '\0')) n--;
    fprintf(stderr, " ** On entry to %.*s parameter number %2ld had an illegal value\n", (int)n, srname,
            (long)*info);
}

/* LAPACK's XERBLA_ARRAY: the name arrives as an array of characters (from C callers). */
SB_API void xerbla_array_(const char *srname_array, const blas_int *srname_len, const blas_int *info)
{
    char name[32];
    blas_int len = *srname_len;
    if (len < 0) len = 0;
    if (len > (blas_int)sizeof name) len = (blas_int)sizeof name;
    memset(name, ' ', sizeof name);
    memcpy(name, srname_array, (size_t)len);
    xerbla_(name, info, (size_t)len);
}

SB_API void cblas_xerbla(blas_int info, const char *rout, const char *form, ...)
{
    /* With row-major layout the arguments were swapped on the way to the column-major
     * routine; map the position back to what the caller wrote (as reference CBLAS does). */
    if (RowMajorStrg) {
        if (strstr(rout, "gemm")) {
            if (info == 5) info = 4; else if (info == 4) info = 5;
            else if (info == 11) info = 9; else if (info == 9) info = 11;
        } else if (strstr(rout, "symm") || strstr(rout, "hemm")) {
            if (info == 5) info = 4; else if (info == 4) info = 5;
        } else if (strstr(rout, "trmm") || strstr(rout, "trsm")) {
            if (info == 7) info = 6; else if (info == 6) info = 7;
        } else if (strstr(rout, "gemv")) {
            if (info == 4) info = 3; else if (info == 3) info = 4;
        } else if (strstr(rout, "gbmv")) {
            if (info == 4) info = 3; else if (info == 3) info = 4;
            else if (info == 6) info = 5; else if (info == 5) info = 6;
        } else if (strstr(rout, "ger")) {
            if (info == 3) info = 2; else if (info == 2) info = 3;
            else if (info == 8) info = 6; else if (info == 6) info = 8;
        } else if ((strstr(rout, "her2") || strstr(rout, "hpr2")) && !strstr(rout, "her2k")) {
            if (info == 8) info = 6; else if (info == 6) info = 8;
        }
    }
    if (info) fprintf(stderr, "Parameter %ld to routine %s was incorrect\n", (long)info, rout);
    if (form && *form) {
        va_list ap;
        va_start(ap, form);
        vfprintf(stderr, form, ap);
        va_end(ap);
    }
}

void sb_xerbla(const char *name, blas_int info)
{
    /* Reference routines pass a blank-padded CHARACTER*6 (e.g. 'DGEMM '); programs that define
     * their own XERBLA with SRNAME declared CHARACTER*6 read six characters, so pad likewise. */
    char padded[32];
    size_t len = strlen(name);
    if (len > sizeof padded) len = sizeof padded;
    memset(padded, ' ', sizeof padded);
    memcpy(padded, name, len);
    xerbla_(padded, &info, len < 6 ? 6 : len);
}

void sb_cblas_xerbla(blas_int info, const char *cblas_name, int row_major)
{
    RowMajorStrg = row_major;
    cblas_xerbla(info, cblas_name, "");
    RowMajorStrg = 0;
}

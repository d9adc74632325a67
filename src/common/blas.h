/* What every SafeBLAS source needs: the interface integer, symbol export, argument helpers
 * and the error path (xerbla). Precision-independent; templated sources also include
 * precision.h. */
#ifndef SB_BLAS_H
#define SB_BLAS_H

#include <stddef.h>
#include <stdint.h>
#include "safeblas_int.h"

typedef safeblas_int blas_int;

/* Symbols are hidden by default (-fvisibility=hidden); SB_API marks the exported ABI. */
#define SB_API __attribute__((visibility("default")))

#define SB_MAX(a, b) ((a) > (b) ? (a) : (b))
#define SB_MIN(a, b) ((a) < (b) ? (a) : (b))

/* Case-insensitive test of a Fortran character argument's first letter, as LSAME does. */
static inline int sb_lsame(const char *ca, char cb)
{
    char a = *ca;
    if (a >= 'a' && a <= 'z') a = (char)(a - 'a' + 'A');
    if (cb >= 'a' && cb <= 'z') cb = (char)(cb - 'a' + 'A');
    return a == cb;
}

/* Report an illegal argument through the exported xerbla_, so that a program's own xerbla_
 * replaces ours (the call goes through the PLT). name is the routine name without trailing
 * blanks, e.g. "DGEMM"; info is the 1-based position of the bad argument. */
void sb_xerbla(const char *name, blas_int info);

/* The same for CBLAS entry points: calls the exported cblas_xerbla(info, "cblas_dgemm", "").
 * row_major is 1 when the call was made with CblasRowMajor (it sets RowMajorStrg, which the
 * reference CBLAS testers read to map parameter numbers back). */
void sb_cblas_xerbla(blas_int info, const char *cblas_name, int row_major);

/* Exported (the reference CBLAS globals); set by the CBLAS layer as reference CBLAS does. */
extern int RowMajorStrg;
extern int CBLAS_CallFromC;

/* Fortran ABI exports defined in runtime/. */
SB_API void xerbla_(const char *srname, const blas_int *info, size_t srname_len);

#endif

/* LSAME: case-insensitive comparison of two single characters (Fortran LOGICAL result). */
#include "common/blas.h"

SB_API int lsame_(const char *ca, const char *cb, size_t la, size_t lb)
{
    return sb_lsame(ca, *cb);
}

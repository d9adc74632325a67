/* LSAME: case-insensitive comparison of two single characters (Fortran LOGICAL result). */
#include "common/blas.h"

SB_API int lsame_(const char *ca, const char *cb)
{
    return sb_lsame(ca, *cb);
}

/* LSAME: case-insensitive comparison of two single characters. Its result is a Fortran LOGICAL,
 * which is as wide as the interface integer (8 bytes in the ILP64 library). */
#include "common/blas.h"

SB_API blas_int lsame_(const char *ca, const char *cb)
{
    return sb_lsame(ca, *cb);
}

/* ?rotg: construct a plane rotation (srotg, drotg, crotg, zrotg). Fortran ABI and CBLAS.
 * Real: a := r, b := z. Complex: a := r, b is not changed (c is real, s complex). */
#include "cblas.h"
#include "drivers/level1.h"

SB_API void SB_F77(rotg)(sb_t *a, sb_t *b, sb_r *c, sb_t *s)
{
    SB_NAME(rotg)(a, b, c, s);
}

SB_API void SB_CBLAS(rotg)(SB_CARRAY *a, SB_CARRAY *b, sb_r *c, SB_CARRAY *s)
{
    SB_NAME(rotg)(a, b, c, s);
}

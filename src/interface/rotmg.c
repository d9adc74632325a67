/* srotmg, drotmg: construct a modified Givens rotation. Fortran ABI and CBLAS (CBLAS passes
 * y1 by value). */
#include "cblas.h"
#include "drivers/level1.h"

#if !SB_IS_COMPLEX
SB_API void SB_F77(rotmg)(sb_t *d1, sb_t *d2, sb_t *x1, const sb_t *y1, sb_t *param)
{
    SB_NAME(rotmg)(d1, d2, x1, *y1, param);
}

SB_API void SB_CBLAS(rotmg)(sb_t *d1, sb_t *d2, sb_t *x1, const sb_t y1, sb_t *param)
{
    SB_NAME(rotmg)(d1, d2, x1, y1, param);
}
#endif

/* scabs1, dcabs1: |re(z)| + |im(z)| of one complex number. Fortran ABI (a REAL / DOUBLE
 * PRECISION function of a complex argument) and CBLAS. Compiled in the complex passes only. */
#include "cblas.h"
#include "drivers/level1.h"

#if defined(SB_PREC_C)
SB_API float SB_CAT(scabs1, SB_F77_SUFFIX)(const float _Complex *z) { return sb_abs1(*z); }
SB_API float cblas_scabs1(const void *c) { return sb_abs1(*(const float _Complex *)c); }
#elif defined(SB_PREC_Z)
SB_API double SB_CAT(dcabs1, SB_F77_SUFFIX)(const double _Complex *z) { return sb_abs1(*z); }
SB_API double cblas_dcabs1(const void *z) { return sb_abs1(*(const double _Complex *)z); }
#endif

/* Portable complex hemv kernel (kernels.h, "hemv"; c, z): the shared body (hemv_body.h) on the
 * generic set's vectors (vec_generic.h), a multiply and an add two roundings. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if SB_IS_COMPLEX

#include "kernels/generic/vec_generic.h"
#define HEMV_KERNEL SB_NAME(hemv_generic)

#include "kernels/generic/hemv_body.h"

#else
typedef int sb_hemv_generic_real_unused; /* real: symv_generic.c */
#endif

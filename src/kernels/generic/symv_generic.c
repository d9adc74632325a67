/* Portable symv kernel (kernels.h, "symv"; real only): the shared body (symv_body.h) on the
 * generic set's vectors (vec_generic.h). The symv body has its own scalar code for the rows that
 * do not fill a vector, so the masked operations are not given to it. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/generic/vec_generic.h"
#undef MASK_T
#undef V_MASK
#undef V_MASKLOAD
#undef V_MASKSTORE
#define SYMV_KERNEL SB_NAME(symv_generic)

#include "kernels/generic/symv_body.h"

#else
typedef int sb_symv_generic_complex_unused; /* complex: hemv_generic.c */
#endif

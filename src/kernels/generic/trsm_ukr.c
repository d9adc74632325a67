/* Portable packed triangular-solve tile kernel (SB_GENERIC_MR x SB_GENERIC_NR), all four precisions;
 * body in trsm_ukr_body.h. */
#include "kernels/kernels.h"

SB_KERNEL_PROTOTYPES(generic)

#define SB_TRSM_UKR_NAME SB_NAME(trsm_ukr_generic)
#define SB_TRSM_UKR_MR SB_GENERIC_MR
#define SB_TRSM_UKR_NR SB_GENERIC_NR
#define SB_TRSM_GEMM_UKR SB_NAME(gemm_ukr_generic)
#include "kernels/generic/trsm_ukr_body.h"

/* Portable gemm microkernel (SB_GENERIC_MR x SB_GENERIC_NR), all four precisions. */
#include "kernels/kernels.h"

#define SB_UKR_NAME SB_NAME(gemm_ukr_generic)
#define SB_UKR_MR SB_GENERIC_MR
#define SB_UKR_NR SB_GENERIC_NR
#include "kernels/generic/gemm_ukr_body.h"

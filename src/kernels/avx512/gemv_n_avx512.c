/* AVX-512 axpy-form gemv kernel (op N, real, unit-stride y): the loops of the avx2 set's
 * (generic/gemv_n_body.h) on 512-bit vectors, the tail under an AVX-512 mask. One FMA per column
 * per element in column order, as in the avx2 set, so both sets give the same bits; the wider
 * vectors halve the loads, stores and FMA instructions, which matters while A is in L2/L3
 * (LAPACK's bidiagonal and Hessenberg reductions at n up to a few thousand). */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#include "kernels/avx512/vec_avx512.h"
/* rows per chunk: 128 KiB of y, in L2, as the avx2 set (gemv_n_avx2.c). On the Xeon 6/207 the
 * length made no difference (dgemv/zgemv N n = 1000-5000, 1 thread: 0.95-1.00x of 16 KiB's time). */
#define CH (131072 / (int)sizeof(sb_t))

#define GEMV_N_KERNEL SB_NAME(gemv_n_avx512)
#include "kernels/generic/gemv_n_body.h"

#else
typedef int sb_gemv_n_avx512_complex_unused; /* complex gemv N stays in the driver */
#endif

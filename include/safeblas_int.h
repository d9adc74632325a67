/* SafeBLAS: the integer type of the BLAS/LAPACK interface.
 *
 * LP64 builds (libsafeblas) use 32-bit integers, as reference BLAS compiled by gfortran does.
 * ILP64 builds (libsafeblas64) define SAFEBLAS_ILP64 and use 64-bit integers throughout.
 * Every size, increment, leading dimension and info argument has this type. */
#ifndef SAFEBLAS_INT_H
#define SAFEBLAS_INT_H

#include <stdint.h>

#ifdef SAFEBLAS_ILP64
typedef int64_t safeblas_int;
#else
typedef int32_t safeblas_int;
#endif

#endif

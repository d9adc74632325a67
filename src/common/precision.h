/* One source, four precisions.
 *
 * Every file under src/interface, src/drivers and src/kernels/<isa>/ is compiled four times, with
 * exactly one of SB_PREC_S, SB_PREC_D, SB_PREC_C, SB_PREC_Z defined (see CMakeLists.txt). This
 * header turns that choice into types and names, so an algorithm is written once:
 *
 *   sb_t          the element type: float, double, float _Complex, double _Complex
 *   sb_r          the matching real type: float or double
 *   SB_IS_COMPLEX 0 or 1
 *   SB_NAME(x)    internal (hidden) symbol:  sb_d_x
 *   SB_F77(x)     Fortran ABI symbol:        dx_      (the leading letter is the precision)
 *   SB_CBLAS(x)   CBLAS symbol:              cblas_dx
 *   SB_UPPER      the precision letter as an upper-case string, for xerbla names: "D"
 *   SB_LOWER      the same in lower case, for CBLAS names: "cblas_" SB_LOWER "gemm"
 *
 * Complex arithmetic uses C99 _Complex compiled with -fcx-fortran-rules, i.e. the same
 * multiplication and division gfortran uses for reference BLAS. */
#ifndef SB_PRECISION_H
#define SB_PRECISION_H

#include <complex.h>
#include <math.h>

#if defined(SB_PREC_S) + defined(SB_PREC_D) + defined(SB_PREC_C) + defined(SB_PREC_Z) != 1
#error "define exactly one of SB_PREC_S, SB_PREC_D, SB_PREC_C, SB_PREC_Z"
#endif

#define SB_CAT_(a, b) a##b
#define SB_CAT(a, b) SB_CAT_(a, b)
#define SB_CAT3_(a, b, c) a##b##c
#define SB_CAT3(a, b, c) SB_CAT3_(a, b, c)

#if defined(SB_PREC_S)
typedef float sb_t;
typedef float sb_r;
#define SB_IS_COMPLEX 0
#define SB_IS_DOUBLE 0
#define SB_P s
#define SB_UPPER "S"
#define SB_LOWER "s"
#elif defined(SB_PREC_D)
typedef double sb_t;
typedef double sb_r;
#define SB_IS_COMPLEX 0
#define SB_IS_DOUBLE 1
#define SB_P d
#define SB_UPPER "D"
#define SB_LOWER "d"
#elif defined(SB_PREC_C)
typedef float _Complex sb_t;
typedef float sb_r;
#define SB_IS_COMPLEX 1
#define SB_IS_DOUBLE 0
#define SB_P c
#define SB_UPPER "C"
#define SB_LOWER "c"
#else
typedef double _Complex sb_t;
typedef double sb_r;
#define SB_IS_COMPLEX 1
#define SB_IS_DOUBLE 1
#define SB_P z
#define SB_UPPER "Z"
#define SB_LOWER "z"
#endif

/* Fortran symbols end in '_'; the ILP64 build may later add a suffix such as 64_. */
#ifndef SB_F77_SUFFIX
#define SB_F77_SUFFIX _
#endif

#define SB_NAME(x) SB_CAT3(sb_, SB_P, SB_CAT(_, x))
#define SB_F77(x) SB_CAT3(SB_P, x, SB_F77_SUFFIX)
#define SB_CBLAS(x) SB_CAT3(cblas_, SB_P, x)

/* Element helpers that compile to nothing for real types. */
#if SB_IS_COMPLEX
#if SB_IS_DOUBLE
#define sb_conj(x) conj(x)
#define sb_creal(x) creal(x)
#define sb_cimag(x) cimag(x)
#define sb_make(re, im) CMPLX((re), (im))
#else
#define sb_conj(x) conjf(x)
#define sb_creal(x) crealf(x)
#define sb_cimag(x) cimagf(x)
#define sb_make(re, im) CMPLXF((re), (im))
#endif
#else
#define sb_conj(x) (x)
#define sb_creal(x) (x)
#define sb_cimag(x) ((sb_r)0)
#define sb_make(re, im) (re)
#endif

#if SB_IS_DOUBLE
#define sb_rabs(x) fabs(x)
#define sb_rsqrt(x) sqrt(x)
#else
#define sb_rabs(x) fabsf(x)
#define sb_rsqrt(x) sqrtf(x)
#endif

/* |re| + |im|: the "abs1" used by i?amax, ?asum and the complex tests of reference BLAS. */
#define sb_abs1(x) (sb_rabs(sb_creal(x)) + sb_rabs(sb_cimag(x)))

/* CBLAS passes complex scalars and arrays as void pointers, real ones by value and typed:
 *   SB_CSCALAR   the parameter type of a scalar (const void * or const double ...)
 *   SB_CVAL(a)   its value as sb_t
 *   SB_CARRAY    the pointee type of an array (void or double ...) */
#if SB_IS_COMPLEX
#define SB_CSCALAR const void *
#define SB_CVAL(a) (*(const sb_t *)(a))
#define SB_CARRAY void
#else
#define SB_CSCALAR const sb_t
#define SB_CVAL(a) (a)
#define SB_CARRAY sb_t
#endif

/* Optional conjugation chosen at run time (conj is a 0/1 flag). */
#define sb_conj_if(c, x) ((c) ? sb_conj(x) : (x))

#endif

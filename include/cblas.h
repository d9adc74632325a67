/* SafeBLAS CBLAS interface: the C binding of BLAS, as in the reference cblas.h (LAPACK 3.11),
 * plus the extensions OpenBLAS and MKL users call (?axpby, ?omatcopy, ?imatcopy, ?gemmt, i?amin).
 * Complex scalars and arrays are passed as void pointers to interleaved (re, im) pairs. */
#ifndef SAFEBLAS_CBLAS_H
#define SAFEBLAS_CBLAS_H

#include <stddef.h>
#include "safeblas_int.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CBLAS_INT
#define CBLAS_INT safeblas_int
#endif
#define CBLAS_INDEX size_t

typedef enum CBLAS_LAYOUT { CblasRowMajor = 101, CblasColMajor = 102 } CBLAS_LAYOUT;
typedef enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113, CblasConjNoTrans = 114 } CBLAS_TRANSPOSE;
typedef enum CBLAS_UPLO { CblasUpper = 121, CblasLower = 122 } CBLAS_UPLO;
typedef enum CBLAS_DIAG { CblasNonUnit = 131, CblasUnit = 132 } CBLAS_DIAG;
typedef enum CBLAS_SIDE { CblasLeft = 141, CblasRight = 142 } CBLAS_SIDE;
typedef CBLAS_LAYOUT CBLAS_ORDER;

/* ---- Level 1 ---- */
float  cblas_sdsdot(const CBLAS_INT N, const float alpha, const float *X, const CBLAS_INT incX, const float *Y, const CBLAS_INT incY);
double cblas_dsdot(const CBLAS_INT N, const float *X, const CBLAS_INT incX, const float *Y, const CBLAS_INT incY);
float  cblas_sdot(const CBLAS_INT N, const float *X, const CBLAS_INT incX, const float *Y, const CBLAS_INT incY);
double cblas_ddot(const CBLAS_INT N, const double *X, const CBLAS_INT incX, const double *Y, const CBLAS_INT incY);
void cblas_cdotu_sub(const CBLAS_INT N, const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *dotu);
void cblas_cdotc_sub(const CBLAS_INT N, const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *dotc);
void cblas_zdotu_sub(const CBLAS_INT N, const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *dotu);
void cblas_zdotc_sub(const CBLAS_INT N, const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *dotc);

float  cblas_snrm2(const CBLAS_INT N, const float *X, const CBLAS_INT incX);
float  cblas_sasum(const CBLAS_INT N, const float *X, const CBLAS_INT incX);
double cblas_dnrm2(const CBLAS_INT N, const double *X, const CBLAS_INT incX);
double cblas_dasum(const CBLAS_INT N, const double *X, const CBLAS_INT incX);
float  cblas_scnrm2(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
float  cblas_scasum(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
double cblas_dznrm2(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
double cblas_dzasum(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
float  cblas_scabs1(const void *c);
double cblas_dcabs1(const void *z);

CBLAS_INDEX cblas_isamax(const CBLAS_INT N, const float *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_idamax(const CBLAS_INT N, const double *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_icamax(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_izamax(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_isamin(const CBLAS_INT N, const float *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_idamin(const CBLAS_INT N, const double *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_icamin(const CBLAS_INT N, const void *X, const CBLAS_INT incX);
CBLAS_INDEX cblas_izamin(const CBLAS_INT N, const void *X, const CBLAS_INT incX);

void cblas_sswap(const CBLAS_INT N, float *X, const CBLAS_INT incX, float *Y, const CBLAS_INT incY);
void cblas_scopy(const CBLAS_INT N, const float *X, const CBLAS_INT incX, float *Y, const CBLAS_INT incY);
void cblas_saxpy(const CBLAS_INT N, const float alpha, const float *X, const CBLAS_INT incX, float *Y, const CBLAS_INT incY);
void cblas_saxpby(const CBLAS_INT N, const float alpha, const float *X, const CBLAS_INT incX, const float beta, float *Y, const CBLAS_INT incY);
void cblas_dswap(const CBLAS_INT N, double *X, const CBLAS_INT incX, double *Y, const CBLAS_INT incY);
void cblas_dcopy(const CBLAS_INT N, const double *X, const CBLAS_INT incX, double *Y, const CBLAS_INT incY);
void cblas_daxpy(const CBLAS_INT N, const double alpha, const double *X, const CBLAS_INT incX, double *Y, const CBLAS_INT incY);
void cblas_daxpby(const CBLAS_INT N, const double alpha, const double *X, const CBLAS_INT incX, const double beta, double *Y, const CBLAS_INT incY);
void cblas_cswap(const CBLAS_INT N, void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY);
void cblas_ccopy(const CBLAS_INT N, const void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY);
void cblas_caxpy(const CBLAS_INT N, const void *alpha, const void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY);
void cblas_caxpby(const CBLAS_INT N, const void *alpha, const void *X, const CBLAS_INT incX, const void *beta, void *Y, const CBLAS_INT incY);
void cblas_zswap(const CBLAS_INT N, void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY);
void cblas_zcopy(const CBLAS_INT N, const void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY);
void cblas_zaxpy(const CBLAS_INT N, const void *alpha, const void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY);
void cblas_zaxpby(const CBLAS_INT N, const void *alpha, const void *X, const CBLAS_INT incX, const void *beta, void *Y, const CBLAS_INT incY);

void cblas_srotg(float *a, float *b, float *c, float *s);
void cblas_srotmg(float *d1, float *d2, float *b1, const float b2, float *P);
void cblas_srot(const CBLAS_INT N, float *X, const CBLAS_INT incX, float *Y, const CBLAS_INT incY, const float c, const float s);
void cblas_srotm(const CBLAS_INT N, float *X, const CBLAS_INT incX, float *Y, const CBLAS_INT incY, const float *P);
void cblas_drotg(double *a, double *b, double *c, double *s);
void cblas_drotmg(double *d1, double *d2, double *b1, const double b2, double *P);
void cblas_drot(const CBLAS_INT N, double *X, const CBLAS_INT incX, double *Y, const CBLAS_INT incY, const double c, const double s);
void cblas_drotm(const CBLAS_INT N, double *X, const CBLAS_INT incX, double *Y, const CBLAS_INT incY, const double *P);
void cblas_crotg(void *a, void *b, float *c, void *s);
void cblas_zrotg(void *a, void *b, double *c, void *s);
void cblas_csrot(const CBLAS_INT N, void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY, const float c, const float s);
void cblas_zdrot(const CBLAS_INT N, void *X, const CBLAS_INT incX, void *Y, const CBLAS_INT incY, const double c, const double s);

void cblas_sscal(const CBLAS_INT N, const float alpha, float *X, const CBLAS_INT incX);
void cblas_dscal(const CBLAS_INT N, const double alpha, double *X, const CBLAS_INT incX);
void cblas_cscal(const CBLAS_INT N, const void *alpha, void *X, const CBLAS_INT incX);
void cblas_zscal(const CBLAS_INT N, const void *alpha, void *X, const CBLAS_INT incX);
void cblas_csscal(const CBLAS_INT N, const float alpha, void *X, const CBLAS_INT incX);
void cblas_zdscal(const CBLAS_INT N, const double alpha, void *X, const CBLAS_INT incX);

/* ---- Level 2 ---- */
#define SB_CBLAS_L2_REAL(P, T)                                                                                   \
void cblas_##P##gemv(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_INT M, const CBLAS_INT N, \
                     const T alpha, const T *A, const CBLAS_INT lda, const T *X, const CBLAS_INT incX,          \
                     const T beta, T *Y, const CBLAS_INT incY);                                                 \
void cblas_##P##gbmv(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_INT M, const CBLAS_INT N, \
                     const CBLAS_INT KL, const CBLAS_INT KU, const T alpha, const T *A, const CBLAS_INT lda,     \
                     const T *X, const CBLAS_INT incX, const T beta, T *Y, const CBLAS_INT incY);               \
void cblas_##P##trmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const T *A, const CBLAS_INT lda, T *X,           \
                     const CBLAS_INT incX);                                                                     \
void cblas_##P##tbmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const CBLAS_INT K, const T *A,                  \
                     const CBLAS_INT lda, T *X, const CBLAS_INT incX);                                          \
void cblas_##P##tpmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const T *Ap, T *X, const CBLAS_INT incX);        \
void cblas_##P##trsv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const T *A, const CBLAS_INT lda, T *X,           \
                     const CBLAS_INT incX);                                                                     \
void cblas_##P##tbsv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const CBLAS_INT K, const T *A,                  \
                     const CBLAS_INT lda, T *X, const CBLAS_INT incX);                                          \
void cblas_##P##tpsv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const T *Ap, T *X, const CBLAS_INT incX);

SB_CBLAS_L2_REAL(s, float)
SB_CBLAS_L2_REAL(d, double)
#undef SB_CBLAS_L2_REAL

#define SB_CBLAS_L2_SYM(P, T)                                                                                      \
void cblas_##P##symv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const T alpha,          \
                     const T *A, const CBLAS_INT lda, const T *X, const CBLAS_INT incX, const T beta, T *Y,        \
                     const CBLAS_INT incY);                                                                        \
void cblas_##P##sbmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const CBLAS_INT K,      \
                     const T alpha, const T *A, const CBLAS_INT lda, const T *X, const CBLAS_INT incX,             \
                     const T beta, T *Y, const CBLAS_INT incY);                                                    \
void cblas_##P##spmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const T alpha,          \
                     const T *Ap, const T *X, const CBLAS_INT incX, const T beta, T *Y, const CBLAS_INT incY);     \
void cblas_##P##ger(const CBLAS_LAYOUT layout, const CBLAS_INT M, const CBLAS_INT N, const T alpha, const T *X,   \
                    const CBLAS_INT incX, const T *Y, const CBLAS_INT incY, T *A, const CBLAS_INT lda);            \
void cblas_##P##syr(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const T alpha,           \
                    const T *X, const CBLAS_INT incX, T *A, const CBLAS_INT lda);                                 \
void cblas_##P##spr(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const T alpha,           \
                    const T *X, const CBLAS_INT incX, T *Ap);                                                     \
void cblas_##P##syr2(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const T alpha,          \
                     const T *X, const CBLAS_INT incX, const T *Y, const CBLAS_INT incY, T *A,                    \
                     const CBLAS_INT lda);                                                                         \
void cblas_##P##spr2(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const T alpha,          \
                     const T *X, const CBLAS_INT incX, const T *Y, const CBLAS_INT incY, T *A);

SB_CBLAS_L2_SYM(s, float)
SB_CBLAS_L2_SYM(d, double)
#undef SB_CBLAS_L2_SYM

#define SB_CBLAS_L2_COMPLEX(P, R)                                                                                  \
void cblas_##P##gemv(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_INT M, const CBLAS_INT N, \
                     const void *alpha, const void *A, const CBLAS_INT lda, const void *X, const CBLAS_INT incX, \
                     const void *beta, void *Y, const CBLAS_INT incY);                                          \
void cblas_##P##gbmv(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_INT M, const CBLAS_INT N, \
                     const CBLAS_INT KL, const CBLAS_INT KU, const void *alpha, const void *A,                  \
                     const CBLAS_INT lda, const void *X, const CBLAS_INT incX, const void *beta, void *Y,       \
                     const CBLAS_INT incY);                                                                     \
void cblas_##P##trmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const void *A, const CBLAS_INT lda, void *X,     \
                     const CBLAS_INT incX);                                                                     \
void cblas_##P##tbmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const CBLAS_INT K, const void *A,               \
                     const CBLAS_INT lda, void *X, const CBLAS_INT incX);                                       \
void cblas_##P##tpmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const void *Ap, void *X, const CBLAS_INT incX);  \
void cblas_##P##trsv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const void *A, const CBLAS_INT lda, void *X,     \
                     const CBLAS_INT incX);                                                                     \
void cblas_##P##tbsv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const CBLAS_INT K, const void *A,               \
                     const CBLAS_INT lda, void *X, const CBLAS_INT incX);                                       \
void cblas_##P##tpsv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,           \
                     const CBLAS_DIAG Diag, const CBLAS_INT N, const void *Ap, void *X, const CBLAS_INT incX);  \
void cblas_##P##hemv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const void *alpha,   \
                     const void *A, const CBLAS_INT lda, const void *X, const CBLAS_INT incX, const void *beta, \
                     void *Y, const CBLAS_INT incY);                                                            \
void cblas_##P##hbmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const CBLAS_INT K,   \
                     const void *alpha, const void *A, const CBLAS_INT lda, const void *X,                     \
                     const CBLAS_INT incX, const void *beta, void *Y, const CBLAS_INT incY);                    \
void cblas_##P##hpmv(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const void *alpha,   \
                     const void *Ap, const void *X, const CBLAS_INT incX, const void *beta, void *Y,           \
                     const CBLAS_INT incY);                                                                     \
void cblas_##P##geru(const CBLAS_LAYOUT layout, const CBLAS_INT M, const CBLAS_INT N, const void *alpha,       \
                     const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *A,         \
                     const CBLAS_INT lda);                                                                      \
void cblas_##P##gerc(const CBLAS_LAYOUT layout, const CBLAS_INT M, const CBLAS_INT N, const void *alpha,       \
                     const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *A,         \
                     const CBLAS_INT lda);                                                                      \
void cblas_##P##her(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const R alpha,        \
                    const void *X, const CBLAS_INT incX, void *A, const CBLAS_INT lda);                        \
void cblas_##P##hpr(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const R alpha,        \
                    const void *X, const CBLAS_INT incX, void *A);                                             \
void cblas_##P##her2(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const void *alpha,   \
                     const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *A,         \
                     const CBLAS_INT lda);                                                                      \
void cblas_##P##hpr2(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_INT N, const void *alpha,   \
                     const void *X, const CBLAS_INT incX, const void *Y, const CBLAS_INT incY, void *Ap);

SB_CBLAS_L2_COMPLEX(c, float)
SB_CBLAS_L2_COMPLEX(z, double)
#undef SB_CBLAS_L2_COMPLEX

/* ---- Level 3 ---- */
#define SB_CBLAS_L3(P, T, S)                                                                                       \
void cblas_##P##gemm(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_TRANSPOSE TransB,     \
                     const CBLAS_INT M, const CBLAS_INT N, const CBLAS_INT K, S alpha, const T *A,        \
                     const CBLAS_INT lda, const T *B, const CBLAS_INT ldb, S beta, T *C,                  \
                     const CBLAS_INT ldc);                                                                      \
void cblas_##P##gemmt(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,          \
                      const CBLAS_TRANSPOSE TransB, const CBLAS_INT N, const CBLAS_INT K, S alpha,       \
                      const T *A, const CBLAS_INT lda, const T *B, const CBLAS_INT ldb, S beta, T *C,    \
                      const CBLAS_INT ldc);                                                                     \
void cblas_##P##symm(const CBLAS_LAYOUT layout, const CBLAS_SIDE Side, const CBLAS_UPLO Uplo,                  \
                     const CBLAS_INT M, const CBLAS_INT N, S alpha, const T *A, const CBLAS_INT lda,     \
                     const T *B, const CBLAS_INT ldb, S beta, T *C, const CBLAS_INT ldc);                \
void cblas_##P##syrk(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE Trans,            \
                     const CBLAS_INT N, const CBLAS_INT K, S alpha, const T *A, const CBLAS_INT lda,      \
                     S beta, T *C, const CBLAS_INT ldc);                                                  \
void cblas_##P##syr2k(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE Trans,           \
                      const CBLAS_INT N, const CBLAS_INT K, S alpha, const T *A, const CBLAS_INT lda,    \
                      const T *B, const CBLAS_INT ldb, S beta, T *C, const CBLAS_INT ldc);               \
void cblas_##P##trmm(const CBLAS_LAYOUT layout, const CBLAS_SIDE Side, const CBLAS_UPLO Uplo,                  \
                     const CBLAS_TRANSPOSE TransA, const CBLAS_DIAG Diag, const CBLAS_INT M,                   \
                     const CBLAS_INT N, S alpha, const T *A, const CBLAS_INT lda, T *B,                  \
                     const CBLAS_INT ldb);                                                                      \
void cblas_##P##trsm(const CBLAS_LAYOUT layout, const CBLAS_SIDE Side, const CBLAS_UPLO Uplo,                  \
                     const CBLAS_TRANSPOSE TransA, const CBLAS_DIAG Diag, const CBLAS_INT M,                   \
                     const CBLAS_INT N, S alpha, const T *A, const CBLAS_INT lda, T *B,                  \
                     const CBLAS_INT ldb);                                                                      \
void cblas_##P##omatcopy(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE Trans, const CBLAS_INT rows,         \
                         const CBLAS_INT cols, S alpha, const T *A, const CBLAS_INT lda, T *B,           \
                         const CBLAS_INT ldb);                                                                  \
void cblas_##P##imatcopy(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE Trans, const CBLAS_INT rows,         \
                         const CBLAS_INT cols, S alpha, T *AB, const CBLAS_INT lda, const CBLAS_INT ldb);

SB_CBLAS_L3(s, float, const float)
SB_CBLAS_L3(d, double, const double)
SB_CBLAS_L3(c, void, const void *)
SB_CBLAS_L3(z, void, const void *)
#undef SB_CBLAS_L3

#define SB_CBLAS_L3_HERM(P, R)                                                                                     \
void cblas_##P##hemm(const CBLAS_LAYOUT layout, const CBLAS_SIDE Side, const CBLAS_UPLO Uplo,                  \
                     const CBLAS_INT M, const CBLAS_INT N, const void *alpha, const void *A,                   \
                     const CBLAS_INT lda, const void *B, const CBLAS_INT ldb, const void *beta, void *C,       \
                     const CBLAS_INT ldc);                                                                      \
void cblas_##P##herk(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE Trans,            \
                     const CBLAS_INT N, const CBLAS_INT K, const R alpha, const void *A, const CBLAS_INT lda,  \
                     const R beta, void *C, const CBLAS_INT ldc);                                               \
void cblas_##P##her2k(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE Trans,           \
                      const CBLAS_INT N, const CBLAS_INT K, const void *alpha, const void *A,                  \
                      const CBLAS_INT lda, const void *B, const CBLAS_INT ldb, const R beta, void *C,          \
                      const CBLAS_INT ldc);

SB_CBLAS_L3_HERM(c, float)
SB_CBLAS_L3_HERM(z, double)
#undef SB_CBLAS_L3_HERM

/* Called on an illegal argument; a program may define its own. SafeBLAS's prints a message
 * and returns. */
void cblas_xerbla(CBLAS_INT p, const char *rout, const char *form, ...);

#ifdef __cplusplus
}
#endif

#endif

/* Shared by the level-1 unit tests (tests/unit/level1_*.c): Fortran prototypes of every level-1
 * routine for the precision being built, and small helpers. Include after test_prec.h. */
#ifndef SB_LEVEL1_TEST_H
#define SB_LEVEL1_TEST_H

#include "cblas.h"

/* CBLAS passes complex scalars by address, real ones by value. */
#if SB_IS_COMPLEX
#define CS(a) ((const void *)&(a))
#else
#define CS(a) (a)
#endif

#define F77N(x) SB_CAT(x, SB_F77_SUFFIX)

/* ---- Fortran ABI prototypes ---- */
void SB_F77(axpby)(const blas_int *n, const sb_t *alpha, const sb_t *x, const blas_int *incx, const sb_t *beta,
                   sb_t *y, const blas_int *incy);
void SB_F77(copy)(const blas_int *n, const sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy);
void SB_F77(swap)(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy);
void SB_F77(scal)(const blas_int *n, const sb_t *alpha, sb_t *x, const blas_int *incx);
void SB_F77(rotg)(sb_t *a, sb_t *b, sb_r *c, sb_t *s);
blas_int SB_CAT3(i, SB_P, SB_CAT(amax, SB_F77_SUFFIX))(const blas_int *n, const sb_t *x, const blas_int *incx);
blas_int SB_CAT3(i, SB_P, SB_CAT(amin, SB_F77_SUFFIX))(const blas_int *n, const sb_t *x, const blas_int *incx);
#define F77_IAMAX SB_CAT3(i, SB_P, SB_CAT(amax, SB_F77_SUFFIX))
#define F77_IAMIN SB_CAT3(i, SB_P, SB_CAT(amin, SB_F77_SUFFIX))
#define CBLAS_IAMAX SB_CAT3(cblas_i, SB_P, amax)
#define CBLAS_IAMIN SB_CAT3(cblas_i, SB_P, amin)

#if !SB_IS_COMPLEX
sb_t SB_F77(dot)(const blas_int *n, const sb_t *x, const blas_int *incx, const sb_t *y, const blas_int *incy);
void SB_F77(rot)(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy, const sb_r *c,
                 const sb_r *s);
void SB_F77(rotm)(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy,
                  const sb_t *param);
void SB_F77(rotmg)(sb_t *d1, sb_t *d2, sb_t *x1, const sb_t *y1, sb_t *param);
#define F77_ROT SB_F77(rot)
#define CBLAS_ROT SB_CBLAS(rot)
#else
sb_t SB_F77(dotu)(const blas_int *n, const sb_t *x, const blas_int *incx, const sb_t *y, const blas_int *incy);
sb_t SB_F77(dotc)(const blas_int *n, const sb_t *x, const blas_int *incx, const sb_t *y, const blas_int *incy);
#endif

#if defined(SB_PREC_S)
#define F77_NRM2 F77N(snrm2)
#define F77_ASUM F77N(sasum)
#define CBLAS_NRM2 cblas_snrm2
#define CBLAS_ASUM cblas_sasum
float F77N(sdsdot)(const blas_int *n, const float *sb, const float *x, const blas_int *incx, const float *y,
                   const blas_int *incy);
double F77N(dsdot)(const blas_int *n, const float *x, const blas_int *incx, const float *y, const blas_int *incy);
#elif defined(SB_PREC_D)
#define F77_NRM2 F77N(dnrm2)
#define F77_ASUM F77N(dasum)
#define CBLAS_NRM2 cblas_dnrm2
#define CBLAS_ASUM cblas_dasum
#elif defined(SB_PREC_C)
#define F77_NRM2 F77N(scnrm2)
#define F77_ASUM F77N(scasum)
#define F77_RSCAL F77N(csscal)
#define F77_ROT F77N(csrot)
#define F77_CABS1 F77N(scabs1)
#define CBLAS_NRM2 cblas_scnrm2
#define CBLAS_ASUM cblas_scasum
#define CBLAS_RSCAL cblas_csscal
#define CBLAS_ROT cblas_csrot
#define CBLAS_CABS1 cblas_scabs1
#else
#define F77_NRM2 F77N(dznrm2)
#define F77_ASUM F77N(dzasum)
#define F77_RSCAL F77N(zdscal)
#define F77_ROT F77N(zdrot)
#define F77_CABS1 F77N(dcabs1)
#define CBLAS_NRM2 cblas_dznrm2
#define CBLAS_ASUM cblas_dzasum
#define CBLAS_RSCAL cblas_zdscal
#define CBLAS_ROT cblas_zdrot
#define CBLAS_CABS1 cblas_dcabs1
#endif
sb_r F77_NRM2(const blas_int *n, const sb_t *x, const blas_int *incx);
sb_r F77_ASUM(const blas_int *n, const sb_t *x, const blas_int *incx);
void F77_ROT(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy, const sb_r *c,
             const sb_r *s);
#if SB_IS_COMPLEX
void F77_RSCAL(const blas_int *n, const sb_r *alpha, sb_t *x, const blas_int *incx);
sb_r F77_CABS1(const sb_t *z);
#endif

/* ---- helpers ---- */
/* The whole buffer (elements and guards) is as it was filled: for read-only operands. */
static inline int l1_unchanged(const sbt_vec *x) { return memcmp(x->buf, x->copy, x->total * sizeof(sb_t)) == 0; }

/* Bitwise equality of two elements, NaN equal to NaN. */
static inline int l1_same(sb_t a, sb_t b)
{
    if (a != a || b != b) return (a != a) && (b != b);
    return memcmp(&a, &b, sizeof a) == 0;
}

static inline int l1_isnan(sb_t a) { return a != a; }

/* A unit-stride vector of n random elements starting `off` elements past a 64-byte boundary,
 * between guard bands: the vector kernels' lengths, alignments and tails (l1_kernel_sizes). */
typedef struct {
    sb_t *buf, *copy, *v;
    blas_int n;
    size_t total;
} l1_uvec;

static inline l1_uvec l1_uvec_new(blas_int n, int off)
{
    l1_uvec u;
    u.n = n;
    u.total = (size_t)n + (size_t)off + 2 * SBT_GUARD;
    size_t bytes = (u.total * sizeof(sb_t) + 63) / 64 * 64;
    u.buf = aligned_alloc(64, bytes);
    u.copy = malloc(bytes);
    sbt_guard_fill(u.buf, bytes);
    u.v = u.buf + SBT_GUARD + off;
    for (blas_int i = 0; i < n; i++) u.v[i] = sbt_rand_elem();
    memcpy(u.copy, u.buf, u.total * sizeof(sb_t));
    return u;
}

/* the elements as filled (after l1_uvec_keep, as set) */
static inline sb_t l1_uvec_orig(const l1_uvec *u, blas_int i) { return u->copy[(u->v - u->buf) + i]; }
static inline void l1_uvec_keep(l1_uvec *u) { memcpy(u->copy, u->buf, u->total * sizeof(sb_t)); }

/* the whole buffer (elements and guards) is as filled: for read-only operands */
static inline int l1_uvec_unchanged(const l1_uvec *u) { return memcmp(u->buf, u->copy, u->total * sizeof(sb_t)) == 0; }

/* nothing outside v[0 .. n) changed */
static inline int l1_uvec_guards_intact(const l1_uvec *u)
{
    size_t lo = (size_t)(u->v - u->buf), hi = lo + (size_t)u->n;
    return memcmp(u->buf, u->copy, lo * sizeof(sb_t)) == 0 &&
           memcmp(u->buf + hi, u->copy + hi, (u->total - hi) * sizeof(sb_t)) == 0;
}

/* the x and y of a two-vector kernel check: at offsets off and (off + 1) % 4; with special, Inf
 * at every third element of x (from 0) and NaN at every third of y (from 1), kept as filled */
static inline void l1_uvec_pair(blas_int n, int off, int special, l1_uvec *x, l1_uvec *y)
{
    *x = l1_uvec_new(n, off);
    *y = l1_uvec_new(n, (off + 1) % 4);
    if (!special) return;
    for (blas_int i = 0; i < n; i += 3) x->v[i] = (sb_t)INFINITY;
    for (blas_int i = 1; i < n; i += 3) y->v[i] = (sb_t)NAN;
    l1_uvec_keep(x);
    l1_uvec_keep(y);
}

static inline void l1_uvec_free(l1_uvec *u)
{
    free(u->buf);
    free(u->copy);
}

/* Lengths for the vector kernels: every length to 70 (vector widths 2..16 elements, unrolled by
 * up to 4, and the tails), then a few hundred (127..129: eight vectors of 16 floats, +-1). */
#define L1_KMAX_SMALL 70
static const int l1_kernel_long[] = {100, 127, 128, 129, 257, 511};
#define L1_NKLONG 6

/* The increments every test walks: unit, strided, negative. */
static const blas_int l1_incs[] = {1, 2, -1, -3};
#define L1_NINCS 4

/* Sizes: the shared small ones plus large ones that cross the reduction chunk (4096). */
static const int l1_large_sizes[] = {1000, 4097, 9001};
#define L1_NLARGE 3

#endif

/* Shared helpers of the structured level-3 tests (level3_symm.c, level3_syrk.c, level3_syr2k.c,
 * level3_trmm.c, level3_trsm.c): matrices addressed by logical (row, column) in either layout,
 * triangle ownership for the guard checks, and error bounds. Include after test_prec.h. */
#ifndef SB_LEVEL3_STRUCTURED_TEST_H
#define SB_LEVEL3_STRUCTURED_TEST_H

#include <math.h>
#include "cblas.h"

#ifndef SB_MAX
#define SB_MAX(a, b) ((a) > (b) ? (a) : (b))
#endif

/* A logical r x c matrix stored column-major (row = 0) or row-major (row = 1) with leading
 * dimension ld, inside an sbt_mat with guard bands (for row-major the sbt_mat is c x r). */
typedef struct {
    sbt_mat m;
    int row;
    blas_int r, c, ld;
} lmat;

static inline lmat lmat_new(blas_int r, blas_int c, blas_int ld, int row)
{
    lmat x;
    x.row = row;
    x.r = r;
    x.c = c;
    x.ld = ld;
    x.m = row ? sbt_mat_new(c, r, ld) : sbt_mat_new(r, c, ld);
    return x;
}

static inline size_t lmat_off(const lmat *x, blas_int i, blas_int j)
{
    return x->row ? (size_t)j + (size_t)i * x->m.ld : (size_t)i + (size_t)j * x->m.ld;
}
static inline sb_t *lat(lmat *x, blas_int i, blas_int j) { return &x->m.a[lmat_off(x, i, j)]; }
static inline sb_t lorig(const lmat *x, blas_int i, blas_int j) { return x->m.copy[SBT_GUARD + lmat_off(x, i, j)]; }
static inline void lmat_free(lmat *x) { sbt_mat_free(&x->m); }

/* Ownership of a triangle of a logical n x n matrix, in sbt_mat (buffer) coordinates. */
typedef struct {
    int upper, row;
    blas_int n;
} tri_ctx;

static inline int tri_owned(blas_int bi, blas_int bj, const void *vctx)
{
    const tri_ctx *t = vctx;
    if (bi >= t->n) return 0;
    blas_int i = t->row ? bj : bi, j = t->row ? bi : bj;
    return t->upper ? i <= j : i >= j;
}

static inline sb_t sbt_nan(void)
{
    sb_r q = (sb_r)NAN;
    return sb_make(q, q);
}

/* |x| as used in the error bounds */
static inline double tabs(sb_t x) { return (double)sb_abs1(x); }

#endif

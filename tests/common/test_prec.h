/* Templated test helpers: include after defining one SB_PREC_x (the test CMake does).
 * Everything is static inline, so each test program gets the precision it was built for. */
#ifndef SB_TEST_PREC_H
#define SB_TEST_PREC_H

#include <float.h>
#include <stdlib.h>
#include <string.h>
#include "common/precision.h"
#include "testutil.h"

#if SB_IS_DOUBLE
#define SBT_EPS DBL_EPSILON
#else
#define SBT_EPS FLT_EPSILON
#endif

static inline sb_t sbt_rand_elem(void)
{
    sb_r re = (sb_r)sbt_rand();
#if SB_IS_COMPLEX
    sb_r im = (sb_r)sbt_rand();
    return sb_make(re, im);
#else
    return re;
#endif
}

static inline void sbt_fill(sb_t *a, size_t n)
{
    for (size_t i = 0; i < n; i++) a[i] = sbt_rand_elem();
}

/* |got - want| <= tol * scale, component-wise on the abs1 norm. */
static inline int sbt_close(sb_t got, sb_t want, double scale, double tol)
{
    double d = (double)sb_abs1(got - want);
    if (got != got || want != want) return (got != got) == (want != want);
    return d <= tol * scale + DBL_MIN;
}

/* A column-major matrix m x n with leading dimension ld >= m, in a buffer with guard elements
 * before, between columns (rows m..ld-1) and after. `copy` keeps the original bytes, so
 * sbt_mat_guards_intact() can prove nothing outside the owned region was written. */
typedef struct {
    sb_t *buf;     /* whole allocation */
    sb_t *a;       /* first element of the matrix */
    sb_t *copy;    /* the allocation as filled */
    blas_int m, n, ld;
    size_t total;  /* elements in buf */
} sbt_mat;

enum { SBT_GUARD = 16 };

static inline sbt_mat sbt_mat_new(blas_int m, blas_int n, blas_int ld)
{
    sbt_mat x;
    x.m = m; x.n = n; x.ld = ld < 1 ? 1 : ld;
    x.total = (size_t)x.ld * (size_t)(n > 0 ? n : 0) + 2 * SBT_GUARD;
    x.buf = malloc(x.total * sizeof(sb_t));
    x.copy = malloc(x.total * sizeof(sb_t));
    sbt_guard_fill(x.buf, x.total * sizeof(sb_t));
    x.a = x.buf + SBT_GUARD;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) x.a[i + (size_t)j * x.ld] = sbt_rand_elem();
    memcpy(x.copy, x.buf, x.total * sizeof(sb_t));
    return x;
}

static inline void sbt_mat_snapshot(sbt_mat *x) { memcpy(x->copy, x->buf, x->total * sizeof(sb_t)); }

static inline void sbt_mat_free(sbt_mat *x)
{
    free(x->buf);
    free(x->copy);
}

/* Element (i, j) of the saved copy. */
static inline sb_t sbt_mat_orig(const sbt_mat *x, blas_int i, blas_int j)
{
    return x->copy[SBT_GUARD + i + (size_t)j * x->ld];
}

/* Bytes outside the owned region are unchanged. owned(i, j, ctx) says whether the routine may
 * write element (i, j) with 0 <= i < ld, 0 <= j < n; NULL means "the m x n rectangle". */
typedef int (*sbt_owned_fn)(blas_int i, blas_int j, const void *ctx);

static inline int sbt_mat_guards_intact(const sbt_mat *x, sbt_owned_fn owned, const void *ctx)
{
    for (size_t k = 0; k < x->total; k++) {
        long off = (long)k - SBT_GUARD;
        int mine = 0;
        if (off >= 0 && off < (long)x->ld * x->n) {
            blas_int i = (blas_int)(off % x->ld), j = (blas_int)(off / x->ld);
            mine = owned ? owned(i, j, ctx) : (i < x->m);
        }
        if (!mine && memcmp(&x->buf[k], &x->copy[k], sizeof(sb_t)) != 0) return 0;
    }
    return 1;
}

/* A strided vector of n logical elements with increment inc (negative allowed), with guards. */
typedef struct {
    sb_t *buf, *copy, *v; /* v: the first element in memory (as BLAS receives it) */
    blas_int n, inc;
    size_t total;
} sbt_vec;

static inline sbt_vec sbt_vec_new(blas_int n, blas_int inc)
{
    sbt_vec x;
    x.n = n; x.inc = inc;
    size_t span = n > 0 ? (size_t)(n - 1) * (size_t)(inc < 0 ? -inc : inc) + 1 : 0;
    if (inc == 0 && n > 0) span = 1;
    x.total = span + 2 * SBT_GUARD;
    x.buf = malloc(x.total * sizeof(sb_t));
    x.copy = malloc(x.total * sizeof(sb_t));
    sbt_guard_fill(x.buf, x.total * sizeof(sb_t));
    x.v = x.buf + SBT_GUARD;
    for (size_t k = 0; k < span; k++) x.v[k] = sbt_rand_elem();
    memcpy(x.copy, x.buf, x.total * sizeof(sb_t));
    return x;
}

/* Memory index of logical element i (0-based), honouring negative increments as BLAS does. */
static inline size_t sbt_vec_index(const sbt_vec *x, blas_int i)
{
    if (x->inc >= 0) return (size_t)i * (size_t)x->inc;
    return (size_t)(x->n - 1 - i) * (size_t)(-x->inc);
}

static inline sb_t *sbt_vec_at(sbt_vec *x, blas_int i) { return &x->v[sbt_vec_index(x, i)]; }
static inline sb_t sbt_vec_orig(const sbt_vec *x, blas_int i) { return x->copy[SBT_GUARD + sbt_vec_index(x, i)]; }

/* Only the n logical elements may have changed. */
static inline int sbt_vec_guards_intact(const sbt_vec *x)
{
    for (size_t k = 0; k < x->total; k++) {
        long off = (long)k - SBT_GUARD;
        int mine = 0;
        if (off >= 0 && x->n > 0) {
            blas_int step = x->inc < 0 ? -x->inc : x->inc;
            if (step == 0) mine = off == 0;
            else mine = off % step == 0 && off / step < x->n;
        }
        if (!mine && memcmp(&x->buf[k], &x->copy[k], sizeof(sb_t)) != 0) return 0;
    }
    return 1;
}

static inline void sbt_vec_free(sbt_vec *x)
{
    free(x->buf);
    free(x->copy);
}

#endif

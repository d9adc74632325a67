/* Shared by the level2_products_* unit tests (gemv family, symmetric/hermitian family,
 * triangular family): Fortran prototypes, the three ways of calling, helpers. */
#ifndef SB_LEVEL2_PRODUCTS_TEST_H
#define SB_LEVEL2_PRODUCTS_TEST_H

#include <math.h>
#include "test_prec.h"
#include "cblas.h"

enum { API_F77 = 0, API_COL = 1, API_ROW = 2 };
static const char *const api_name[] = {"f77", "cblas-col", "cblas-row"};

/* A CBLAS scalar argument: complex by pointer, real by value. */
#if SB_IS_COMPLEX
#define SBT_S(a) (&(a))
#else
#define SBT_S(a) (a)
#endif

#define T_ const sb_t
#define I_ const blas_int
void SB_F77(gemv)(const char *, I_ *, I_ *, T_ *, T_ *, I_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
void SB_F77(gbmv)(const char *, I_ *, I_ *, I_ *, I_ *, T_ *, T_ *, I_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
#if SB_IS_COMPLEX
void SB_F77(hemv)(const char *, I_ *, T_ *, T_ *, I_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
void SB_F77(hbmv)(const char *, I_ *, I_ *, T_ *, T_ *, I_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
void SB_F77(hpmv)(const char *, I_ *, T_ *, T_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
#else
void SB_F77(symv)(const char *, I_ *, T_ *, T_ *, I_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
void SB_F77(sbmv)(const char *, I_ *, I_ *, T_ *, T_ *, I_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
void SB_F77(spmv)(const char *, I_ *, T_ *, T_ *, T_ *, I_ *, T_ *, sb_t *, I_ *);
#endif
void SB_F77(trmv)(const char *, const char *, const char *, I_ *, T_ *, I_ *, sb_t *, I_ *);
void SB_F77(tbmv)(const char *, const char *, const char *, I_ *, I_ *, T_ *, I_ *, sb_t *, I_ *);
void SB_F77(tpmv)(const char *, const char *, const char *, I_ *, T_ *, sb_t *, I_ *);
#undef T_
#undef I_

#define L2P_MAX(a, b) ((a) > (b) ? (a) : (b))

static inline sb_t sbt_nan(void) { return sb_make((sb_r)NAN, (sb_r)NAN); }

/* Whole buffer unchanged (inputs). */
static inline int sbt_mat_untouched(const sbt_mat *a) { return sbt_bytes_equal(a->buf, a->copy, a->total * sizeof(sb_t)); }
static inline int sbt_vec_untouched(const sbt_vec *x) { return sbt_bytes_equal(x->buf, x->copy, x->total * sizeof(sb_t)); }

/* Set every logical element of x to v and make that the saved state. */
static inline void sbt_vec_set_all(sbt_vec *x, sb_t v)
{
    for (blas_int i = 0; i < x->n; i++) *sbt_vec_at(x, i) = v;
    memcpy(x->copy, x->buf, x->total * sizeof(sb_t));
}

/* Compare y (n logical elements) against want[] with per-element error scales. */
static inline int sbt_vec_matches(sbt_vec *y, const sb_t *want, const double *scale, double tol)
{
    for (blas_int i = 0; i < y->n; i++) {
        sb_t got = *sbt_vec_at(y, i);
        if (!sbt_close(got, want[i], scale[i], tol)) {
            fprintf(stderr, "  element %d: got (%g, %g) want (%g, %g)\n", (int)i, (double)sb_creal(got),
                    (double)sb_cimag(got), (double)sb_creal(want[i]), (double)sb_cimag(want[i]));
            return 0;
        }
        /* a finite expectation must not come out NaN (sbt_close treats NaN == NaN) */
        if (want[i] == want[i] && got != got) return 0;
    }
    return 1;
}

static const blas_int l2p_incs[][2] = {{1, 1}, {2, -1}, {-3, 2}, {-1, -2}};
enum { L2P_NINCS = 4 };

#endif

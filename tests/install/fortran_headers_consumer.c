/* A program calling SafeBLAS through its Fortran-ABI headers only (safeblas_blas.h and
 * safeblas_lapack.h, no declarations of its own). fortran_headers.sh compiles it as C99 and as
 * C++ with -Wall -Wextra -Werror -pedantic, once LP64 (libsafeblas) and once with
 * -DSAFEBLAS_ILP64 (libsafeblas64), and runs it; consumers.sh builds it against an installed tree.
 *
 * It is the same source in both languages: complex numbers go in and out through memcpy of
 * (re, im) double pairs, which is their layout in C (double _Complex) and C++ (std::complex).
 * Checks dgemm_, zdotc_ (a complex result by value), dnrm2_ (a double result), dgetrf_ + dgetrs_,
 * dsyev_ (workspace query, then eigenvalues), dgees_ with a SELECT callback, lsame_, ilaenv_
 * (hidden CHARACTER*(*) lengths), and under SAFEBLAS_ILP64 dgemm_64_ and a dimension only a 64-bit
 * integer holds in dgemm_'s argument check. Prints "N passed, N failed"; exit status 0 only when
 * all passed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <safeblas_blas.h>
#include <safeblas_lapack.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; \
  fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); fprintf(stderr, __VA_ARGS__); \
  fputc('\n', stderr); } } while (0)

static int near(double a, double b, double tol) { return fabs(a - b) <= tol * (1 + fabs(b)); }

/* selects the eigenvalues with a negative real part (dgees_ sorts them to the top) */
static safeblas_int negative_real(const double *wr, const double *wi)
{
  (void)wi;
  return *wr < 0;
}

int main(void)
{
  const safeblas_int one = 1, two = 2, three = 3;

  /* dgemm_: C = A*B, column-major 2x2: [1 2; 3 4] * [5 6; 7 8] = [19 22; 43 50] */
  {
    double a[4] = {1, 3, 2, 4}, b[4] = {5, 7, 6, 8}, c[4] = {-1, -1, -1, -1};
    const double alpha = 1, beta = 0;
    dgemm_("N", "N", &two, &two, &two, &alpha, a, &two, b, &two, &beta, c, &two);
    CHECK(c[0] == 19 && c[1] == 43 && c[2] == 22 && c[3] == 50, "dgemm_ = [%g %g; %g %g]", c[0], c[2], c[1], c[3]);
  }

  /* zdotc_: conj(x) . y with x = (1+2i, 3-1i), y = (2-1i, 1+4i):
   * (1-2i)(2-1i) + (3+1i)(1+4i) = (0-5i) + (-1+13i) = -1+8i */
  {
    const double xr[4] = {1, 2, 3, -1}, yr[4] = {2, -1, 1, 4};
    safeblas_complex_double x[2], y[2];
    memcpy(x, xr, sizeof x);
    memcpy(y, yr, sizeof y);
    safeblas_complex_double d = zdotc_(&two, x, &one, y, &one);
    double dr[2];
    memcpy(dr, &d, sizeof dr);
    CHECK(dr[0] == -1 && dr[1] == 8, "zdotc_ = %g%+gi, want -1+8i", dr[0], dr[1]);
  }

  /* dnrm2_: |(3, 4)| = 5 */
  {
    const double v[2] = {3, 4};
    double n = dnrm2_(&two, v, &one);
    CHECK(near(n, 5, 1e-15), "dnrm2_ = %.17g, want 5", n);
  }

  /* dgetrf_ + dgetrs_: A x = b with A = [2 1 1; 1 3 2; 1 0 0], x = (1 2 3) -> b = (7 13 1) */
  {
    double a[9] = {2, 1, 1, 1, 3, 0, 1, 2, 0}, b[3] = {7, 13, 1};
    safeblas_int ipiv[3], info = -1;
    dgetrf_(&three, &three, a, &three, ipiv, &info);
    CHECK(info == 0, "dgetrf_ info = %ld", (long)info);
    info = -1;
    dgetrs_("N", &three, &one, a, &three, ipiv, b, &three, &info);
    CHECK(info == 0, "dgetrs_ info = %ld", (long)info);
    for (int i = 0; i < 3; i++)
      CHECK(near(b[i], i + 1, 1e-14), "dgetrs_ x[%d] = %.17g, want %d", i, b[i], i + 1);
  }

  /* dsyev_: eigenvalues of [2 1 0; 1 2 0; 0 0 5] are 1, 3, 5 */
  {
    double a[9] = {2, 1, 0, 1, 2, 0, 0, 0, 5}, w[3], query;
    safeblas_int lwork = -1, info = -1;
    dsyev_("V", "U", &three, a, &three, w, &query, &lwork, &info);
    CHECK(info == 0 && query >= 8, "dsyev_ workspace query: info %ld, lwork %g", (long)info, query);
    double work[64];
    lwork = 64;
    dsyev_("V", "U", &three, a, &three, w, work, &lwork, &info);
    CHECK(info == 0, "dsyev_ info = %ld", (long)info);
    CHECK(near(w[0], 1, 1e-14) && near(w[1], 3, 1e-14) && near(w[2], 5, 1e-14),
          "dsyev_ eigenvalues %.17g %.17g %.17g, want 1 3 5", w[0], w[1], w[2]);
  }

  /* dgees_ with SELECT: diag(3, -1, 2) has one eigenvalue with a negative real part, sorted first */
  {
    double a[9] = {3, 0, 0, 0, -1, 0, 0, 0, 2}, wr[3], wi[3], vs[9], work[64];
    safeblas_int sdim = -1, lwork = 64, bwork[3], info = -1;
    dgees_("V", "S", negative_real, &three, a, &three, &sdim, wr, wi, vs, &three, work, &lwork, bwork, &info);
    CHECK(info == 0 && sdim == 1, "dgees_ info %ld, sdim %ld (want 0, 1)", (long)info, (long)sdim);
    CHECK(wr[0] == -1, "dgees_ first eigenvalue %g, want -1", wr[0]);
  }

  /* lsame_ (LOGICAL result) and ilaenv_ (CHARACTER*(*) arguments with their lengths) */
  {
    CHECK(lsame_("u", "U") && !lsame_("L", "U"), "lsame_");
    const safeblas_int ispec = 1, n = 1000, unused = -1;
    safeblas_int nb = ilaenv_(&ispec, "DGETRF", " ", &n, &unused, &unused, &unused, 6, 1);
    CHECK(nb > 1 && nb <= 1000, "ilaenv_(1, DGETRF) = %ld", (long)nb);
  }

#ifdef SAFEBLAS_ILP64
  /* dgemm_64_: the same product through the 64_ name */
  {
    double a[4] = {1, 3, 2, 4}, b[4] = {5, 7, 6, 8}, c[4] = {-1, -1, -1, -1};
    const double alpha = 1, beta = 0;
    dgemm_64_("N", "N", &two, &two, &two, &alpha, a, &two, b, &two, &beta, c, &two);
    CHECK(c[0] == 19 && c[1] == 43 && c[2] == 22 && c[3] == 50, "dgemm_64_ = [%g %g; %g %g]", c[0], c[2], c[1], c[3]);
  }
  /* the integers really are 64-bit: an LDA of 2^32 + 1 is accepted and, with zero sizes, nothing read */
  {
    const safeblas_int zero = 0, big = (safeblas_int)1 << 32 | 1;
    const double alpha = 1, beta = 0;
    double dummy = 7;
    CHECK(sizeof(safeblas_int) == 8, "safeblas_int is %zu bytes under SAFEBLAS_ILP64", sizeof(safeblas_int));
    dgemm_("N", "N", &zero, &zero, &zero, &alpha, &dummy, &big, &dummy, &big, &beta, &dummy, &big);
    CHECK(dummy == 7, "dgemm_ with 64-bit leading dimensions and no work wrote %g", dummy);
  }
#else
  CHECK(sizeof(safeblas_int) == 4, "safeblas_int is %zu bytes without SAFEBLAS_ILP64", sizeof(safeblas_int));
#endif

  printf("fortran headers (%s, %s): %d passed, %d failed\n",
#ifdef __cplusplus
         "C++",
#else
         "C",
#endif
#ifdef SAFEBLAS_ILP64
         "ILP64",
#else
         "LP64",
#endif
         passed, failed);
  return failed ? 1 : 0;
}

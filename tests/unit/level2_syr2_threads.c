/* The rank-2 and rank-1 updates ?syr2/?spr2, ?syr/?spr (real) and ?her2/?hpr2, ?her/?hpr
 * (complex) split by columns over the threads: at sizes with
 * one part and with several (every call may go parallel here: SAFEBLAS_PARALLEL_THRESHOLD=0),
 * both triangles, full (lda > n) and packed storage, positive and negative increments: the
 * result against a plain oracle, nothing written outside the stored triangle (the other triangle
 * and the padding rows keep their NaN), the diagonal made real (complex), and the result bitwise
 * the same at 1, 2 and 3 threads. */
#include <stdlib.h>

#include "level2_products_test.h" /* sbt_nan, sbt_vec_untouched */
#include "safeblas.h"

#if SB_IS_COMPLEX
#define R2 her2
#define P2 hpr2
#define R1 her
#define P1 hpr
#else
#define R2 syr2
#define P2 spr2
#define R1 syr
#define P1 spr
#endif
/* her/hpr take a real alpha: passed as the real part of an sb_t, whose first bytes it is */
void SB_F77(R1)(const char *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, sb_t *,
                const blas_int *);
void SB_F77(P1)(const char *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, sb_t *);
void SB_F77(R2)(const char *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                const blas_int *, sb_t *, const blas_int *);
void SB_F77(P2)(const char *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                const blas_int *, sb_t *);

static int stored(int upper, blas_int i, blas_int j) { return upper ? i <= j : i >= j; }

/* rank 2: A += alpha x y^H + conj(alpha) y x^H; rank 1: A += alpha x x^H (alpha real for her),
 * x with zeros every fifth element (columns the reference skips) */
static void run_one(int rank, int packed, int upper, blas_int n, blas_int ldextra, blas_int incx, blas_int incy)
{
    blas_int lda = n + ldextra;
    size_t len = packed ? (size_t)n * (size_t)(n + 1) / 2 : (size_t)lda * (size_t)n;
    sb_t *a0 = malloc(sizeof(sb_t) * len), *a = malloc(sizeof(sb_t) * len), *first = malloc(sizeof(sb_t) * len);
    sb_t *want = malloc(sizeof(sb_t) * len);
    double *scale = malloc(sizeof(double) * len);
    /* where element (i, j) of the stored triangle lives; -1 for the others (full storage: NaN) */
    size_t k = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < (packed ? n : lda); i++) {
            if (packed && !stored(upper, i, j)) continue;
            a0[k++] = i < n && stored(upper, i, j) ? sbt_rand_elem() : sbt_nan();
        }
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    sb_t alpha = sbt_rand_elem();
    if (rank == 1) {
        for (blas_int i = 0; i < n; i += 5) *sbt_vec_at(&x, i) = 0;
        memcpy(x.copy, x.buf, x.total * sizeof(sb_t));
        if (SB_IS_COMPLEX) alpha = sb_creal(alpha);
    }
    k = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < (packed ? n : lda); i++) {
            if (packed && !stored(upper, i, j)) continue;
            if (i < n && stored(upper, i, j)) {
                sb_t xi = sbt_vec_orig(&x, i), xj = sbt_vec_orig(&x, j), yi = sbt_vec_orig(&y, i), yj = sbt_vec_orig(&y, j);
                sb_t w = rank == 2 ? a0[k] + alpha * xi * sb_conj(yj) + sb_conj(alpha) * yi * sb_conj(xj)
                                   : a0[k] + alpha * xi * sb_conj(xj);
                if (SB_IS_COMPLEX && i == j) w = sb_creal(w);
                want[k] = w;
                scale[k] = (double)sb_abs1(a0[k]) +
                           2.0 * (double)sb_abs1(alpha) *
                               (rank == 2 ? (double)sb_abs1(xi) * sb_abs1(yj) + (double)sb_abs1(yi) * sb_abs1(xj)
                                          : (double)sb_abs1(xi) * sb_abs1(xj));
            } else {
                want[k] = a0[k];
                scale[k] = -1; /* must keep its bytes */
            }
            k++;
        }

    const char *ul = upper ? "U" : "L";
    static const int threads[] = {1, 2, 3};
    for (int t = 0; t < 3; t++) {
        memcpy(a, a0, sizeof(sb_t) * len);
        safeblas_set_num_threads(threads[t]);
        sbt_xerbla_reset();
        if (rank == 1 && packed) SB_F77(P1)(ul, &n, &alpha, x.v, &incx, a);
        else if (rank == 1) SB_F77(R1)(ul, &n, &alpha, x.v, &incx, a, &lda);
        else if (packed) SB_F77(P2)(ul, &n, &alpha, x.v, &incx, y.v, &incy, a);
        else SB_F77(R2)(ul, &n, &alpha, x.v, &incx, y.v, &incy, a, &lda);
        sbt_expect_no_xerbla(rank == 1 ? "syr" : "syr2");
        if (t == 0) {
            memcpy(first, a, sizeof(sb_t) * len);
            int bad = 0;
            for (size_t e = 0; e < len && !bad; e++) {
                if (scale[e] < 0) bad = !sbt_bytes_equal(&a[e], &want[e], sizeof(sb_t));
                else bad = sb_abs1(a[e] - want[e]) > 8.0 * SBT_EPS * scale[e] || (SB_IS_COMPLEX && sb_cimag(want[e]) == 0 && sb_cimag(a[e]) != 0);
            }
            CHECK(!bad, "rank %d %s uplo=%s n=%d incx=%d incy=%d: wrong A or wrote outside the triangle", rank,
                  packed ? "packed" : "full", ul, (int)n, (int)incx, (int)incy);
            CHECK(sbt_vec_untouched(&x) && sbt_vec_untouched(&y), "n=%d: changed x or y", (int)n);
        } else {
            CHECK(sbt_bytes_equal(first, a, sizeof(sb_t) * len),
                  "rank %d %s uplo=%s n=%d incx=%d incy=%d: %d threads differ from 1", rank, packed ? "packed" : "full", ul,
                  (int)n, (int)incx, (int)incy, threads[t]);
        }
    }
    free(a0);
    free(a);
    free(first);
    free(want);
    free(scale);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

int main(void)
{
    setenv("SAFEBLAS_PARALLEL_THRESHOLD", "0", 1); /* before the first call reads it */
    /* one part below 4096 stored elements (n < 90), several from there on */
    static const blas_int sizes[] = {1, 5, 64, 91, 130, 257, 600};
    static const blas_int incs[][2] = {{1, 1}, {2, -1}, {-3, 2}};
    for (int rank = 1; rank <= 2; rank++)
        for (int packed = 0; packed < 2; packed++)
            for (int upper = 0; upper < 2; upper++)
                for (int s = 0; s < (int)(sizeof sizes / sizeof sizes[0]); s++)
                    for (int i = 0; i < 3; i++)
                        run_one(rank, packed, upper, sizes[s], (s + i) % 3 * 3, incs[i][0], incs[i][1]);
    return sbt_finish("level2_syr2_threads_" SB_UPPER);
}

/* ?symv and ?spmv (real) and ?hemv and ?hpmv (complex, also through CBLAS row-major, which the
 * driver runs as conj(H conj(x))) on the symv and hemv kernels, at the sizes where the driver
 * cuts the columns into blocks (n >= 512) and the kernels' strips, column groups (4, 8), masked
 * and scalar remainders all occur: both triangles, lda > n, positive and negative increments,
 * guard bands around y, NaN in the triangle that is not referenced and (complex) in the
 * imaginary parts of the diagonal; and the result bitwise the same at 1, 2 and 3 threads (every
 * call may go parallel here: SAFEBLAS_PARALLEL_THRESHOLD=0). */
#include <stdlib.h>

#include "level2_products_test.h"
#include "safeblas.h"

/* ap: the same triangle packed, or NULL for the full-storage routine; row: CBLAS row-major on the
 * same storage (complex only), whose matrix is the transpose of the column-major one */
static void sym_call(int row, const char *ul, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *ap,
                     const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
#if SB_IS_COMPLEX
    CBLAS_UPLO flipped = ul[0] == 'U' ? CblasLower : CblasUpper; /* the same stored triangle */
    if (row && ap) SB_CBLAS(hpmv)(CblasRowMajor, flipped, n, SBT_S(alpha), ap, x, incx, SBT_S(beta), y, incy);
    else if (row) SB_CBLAS(hemv)(CblasRowMajor, flipped, n, SBT_S(alpha), a, lda, x, incx, SBT_S(beta), y, incy);
    else if (ap) SB_F77(hpmv)(ul, &n, &alpha, ap, x, &incx, &beta, y, &incy);
    else SB_F77(hemv)(ul, &n, &alpha, a, &lda, x, &incx, &beta, y, &incy);
#else
    (void)row;
    if (ap) SB_F77(spmv)(ul, &n, &alpha, ap, x, &incx, &beta, y, &incy);
    else SB_F77(symv)(ul, &n, &alpha, a, &lda, x, &incx, &beta, y, &incy);
#endif
}

static void run_one(int row, int packed, int upper, blas_int n, int ldextra, blas_int incx, blas_int incy)
{
    blas_int lda = n + ldextra;
    sbt_mat A = sbt_mat_new(n, n, lda);
    for (blas_int j = 0; j < n; j++) /* the other triangle is never read */
        for (blas_int i = 0; i < n; i++)
            if (upper ? i > j : i < j) A.a[i + (size_t)j * lda] = sbt_nan();
#if SB_IS_COMPLEX
    for (blas_int j = 0; j < n; j++) A.a[j + (size_t)j * lda] = sb_make(sb_creal(A.a[j + (size_t)j * lda]), (sb_r)NAN);
#endif
    sbt_mat_snapshot(&A);
    sb_t *ap = NULL; /* the stored triangle packed column by column, as ?spmv takes it */
    if (packed) {
        ap = malloc(sizeof(sb_t) * (size_t)n * (size_t)(n + 1) / 2);
        size_t k = 0;
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) ap[k++] = A.a[i + (size_t)j * lda];
    }
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();

    sb_t *want = malloc(sizeof(sb_t) * (size_t)n);
    double *scale = malloc(sizeof(double) * (size_t)n);
    for (blas_int r = 0; r < n; r++) {
        sb_t s = 0;
        double sa = 0;
        for (blas_int c = 0; c < n; c++) {
            int mirror = upper ? r > c : r < c;
            sb_t a = mirror ? A.a[c + (size_t)r * lda] : A.a[r + (size_t)c * lda];
#if SB_IS_COMPLEX
            if (r == c) a = sb_creal(a);
            if (mirror) a = sb_conj(a);
            if (row) a = sb_conj(a); /* the transpose of a hermitian matrix */
#endif
            s += a * sbt_vec_orig(&x, c);
            sa += (double)sb_abs1(a) * (double)sb_abs1(sbt_vec_orig(&x, c));
        }
        sb_t y0 = sbt_vec_orig(&y, r);
        want[r] = alpha * s + beta * y0;
        scale[r] = (double)sb_abs1(alpha) * sa + (double)sb_abs1(beta) * (double)sb_abs1(y0);
    }

    const char *ul = upper ? "U" : "L";
    size_t ybytes = y.total * sizeof(sb_t);
    sb_t *first = malloc(ybytes);
    static const int threads[] = {1, 2, 3};
    for (int t = 0; t < 3; t++) {
        memcpy(y.buf, y.copy, ybytes);
        safeblas_set_num_threads(threads[t]);
        sbt_xerbla_reset();
        sym_call(row, ul, n, alpha, A.a, lda, ap, x.v, incx, beta, y.v, incy);
        sbt_expect_no_xerbla("symv");
        if (t == 0) {
            memcpy(first, y.buf, ybytes);
            CHECK(sbt_vec_matches(&y, want, scale, 4.0 * (n + 4) * SBT_EPS),
                  "%s%s uplo=%s n=%d ldx=%d incx=%d incy=%d: wrong y", row ? "row-major " : "",
                  packed ? "packed" : "full", ul, (int)n, ldextra, (int)incx, (int)incy);
            CHECK(sbt_vec_guards_intact(&y), "uplo=%s n=%d: wrote outside y", ul, (int)n);
            CHECK(sbt_mat_untouched(&A) && sbt_vec_untouched(&x), "uplo=%s n=%d: changed A or x", ul, (int)n);
        } else {
            CHECK(sbt_bytes_equal(first, y.buf, ybytes), "%s uplo=%s n=%d incx=%d incy=%d: %d threads differ from 1",
                  packed ? "packed" : "full", ul, (int)n, (int)incx, (int)incy, threads[t]);
        }
    }
    free(first);
    free(ap);
    free(want);
    free(scale);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

int main(void)
{
    setenv("SAFEBLAS_PARALLEL_THRESHOLD", "0", 1); /* before the first call reads it */
    /* 1 block below 512; 2 from 512, 4 from 1024; sizes off the strips and the column groups */
    static const blas_int sizes[] = {1, 2, 3, 5, 9, 12, 13, 31, 64, 97, 511, 512, 517, 1023, 1030};
    static const blas_int incs[][2] = {{1, 1}, {2, -1}, {-3, 2}, {-1, -2}};
    for (int row = 0; row < 1 + SB_IS_COMPLEX; row++)
        for (int packed = 0; packed < 2; packed++)
            for (int upper = 0; upper < 2; upper++)
                for (int s = 0; s < (int)(sizeof sizes / sizeof sizes[0]); s++)
                    for (int i = 0; i < 4; i++)
                        if (!row || sizes[s] < 600) /* row-major: one size with blocks is enough */
                            run_one(row, packed, upper, sizes[s], (s + i) % 3 * 5, incs[i][0], incs[i][1]);
    return sbt_finish("level2_symv_blocks_" SB_UPPER);
}

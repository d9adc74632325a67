/* ?trmv (full storage) and ?tpmv (packed) split over the threads by ranges of the result's rows (tpmv's
 * N form from n = 1024 on by groups of columns), and
 * ?trsv with each strip's gemv split over the threads (every call may go parallel here:
 * SAFEBLAS_PARALLEL_THRESHOLD=0), at sizes of one block of 64 and of several, every uplo, op (N, T,
 * C) and diag, lda > n, positive and negative increments, some x elements zero (the N form skips
 * their columns): the result against a plain oracle (for trsv, op(A) times the solution against
 * the right-hand side), A untouched, nothing written outside x, and the result bitwise the same
 * at 1, 2 and 3 threads. */
#include <stdlib.h>

#include "level2_products_test.h"
#include "safeblas.h"

void SB_F77(tpmv)(const char *, const char *, const char *, const blas_int *, const sb_t *, sb_t *, const blas_int *);
void SB_F77(trsv)(const char *, const char *, const char *, const blas_int *, const sb_t *, const blas_int *, sb_t *,
                  const blas_int *);

enum { TRMV, TPMV, TRSV };
static const char *const names[] = {"trmv", "tpmv", "trsv"};

/* want(i) = sum_j op(A)(i, j) v(j) over the stored triangle, scale(i) = sum_j |op(A)(i, j)| |v(j)|;
 * v is the plain vector v (dense = 1) or the input of x (dense = 0) */
static void op_times(char uplo, char trans, int unit, blas_int n, const sb_t *a0, blas_int lda, const sb_t *v,
                     int dense, const sbt_vec *x, sb_t *want, double *scale)
{
    int upper = uplo == 'U';
    for (blas_int i = 0; i < n; i++) {
        sb_t s = 0;
        double sc = 0;
        for (blas_int j = 0; j < n; j++) {
            blas_int r = trans == 'N' ? i : j, c = trans == 'N' ? j : i; /* the element of A */
            if (upper ? r > c : r < c) continue;
            sb_t e = r == c && unit ? 1 : a0[r + (size_t)c * lda];
            if (trans == 'C') e = sb_conj(e);
            sb_t xj = dense ? v[j] : sbt_vec_orig(x, j);
            s += e * xj;
            sc += (double)sb_abs1(e) * (double)sb_abs1(xj);
        }
        want[i] = s;
        scale[i] = sc;
    }
}

static void run_one(int kind, char uplo, char trans, char diag, blas_int n, blas_int ldextra, blas_int incx)
{
    int upper = uplo == 'U', unit = diag == 'U';
    blas_int lda = n + ldextra;
    size_t len = (size_t)lda * (size_t)n;
    sb_t *a = malloc(sizeof(sb_t) * len), *a0 = malloc(sizeof(sb_t) * len), *first = malloc(sizeof(sb_t) * (size_t)n);
    /* the stored triangle random (small off the diagonal, so the sums stay near 1), the rest NaN:
     * reading it shows as a wrong x */
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < lda; i++) {
            int mine = i < n && (upper ? i <= j : i >= j) && !(unit && i == j);
            a[i + (size_t)j * lda] = !mine ? sbt_nan() : i == j ? sbt_rand_elem() + 2 : sbt_rand_elem() / (sb_r)n;
        }
    memcpy(a0, a, sizeof(sb_t) * len);
    /* the packed copy of the stored triangle (a unit diagonal's NaN included: it must not be read) */
    sb_t *ap = malloc(sizeof(sb_t) * (size_t)n * (size_t)(n + 1) / 2 + sizeof(sb_t));
    size_t q = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = upper ? 0 : j; i <= (upper ? j : n - 1); i++) ap[q++] = a[i + (size_t)j * lda];
    sb_t *ap0 = malloc(sizeof(sb_t) * (q + 1));
    memcpy(ap0, ap, sizeof(sb_t) * q);
    sbt_vec x = sbt_vec_new(n, incx);
    for (blas_int i = 0; i < n; i += 7) *sbt_vec_at(&x, i) = 0; /* zero columns for the N form to skip */
    memcpy(x.copy, x.buf, x.total * sizeof(sb_t));
    sb_t *want = malloc(sizeof(sb_t) * (size_t)n), *got = malloc(sizeof(sb_t) * (size_t)n);
    double *scale = malloc(sizeof(double) * (size_t)n);
    static const int threads[] = {1, 2, 3};
    for (int t = 0; t < 3; t++) {
        memcpy(x.buf, x.copy, x.total * sizeof(sb_t));
        safeblas_set_num_threads(threads[t]);
        sbt_xerbla_reset();
        const char ul[2] = {uplo, 0}, tr[2] = {trans, 0}, dg[2] = {diag, 0};
        if (kind == TPMV) SB_F77(tpmv)(ul, tr, dg, &n, ap, x.v, &incx);
        else if (kind == TRMV) SB_F77(trmv)(ul, tr, dg, &n, a, &lda, x.v, &incx);
        else SB_F77(trsv)(ul, tr, dg, &n, a, &lda, x.v, &incx);
        sbt_expect_no_xerbla("trmv");
        CHECK(memcmp(a, a0, sizeof(sb_t) * len) == 0 && memcmp(ap, ap0, sizeof(sb_t) * q) == 0, "trmv wrote A");
        CHECK(sbt_vec_guards_intact(&x), "trmv n=%d incx=%d: wrote outside x", (int)n, (int)incx);
        if (t == 0) {
            for (blas_int i = 0; i < n; i++) first[i] = *sbt_vec_at(&x, i);
            /* trmv, tpmv: want = op(A) x_in against got = the result; trsv: want = op(A) times
             * the result against got = x_in */
            op_times(uplo, trans, unit, n, a0, lda, kind == TRSV ? first : x.copy, kind == TRSV ? 1 : 0, &x, want, scale);
            for (blas_int i = 0; i < n; i++) got[i] = kind == TRSV ? sbt_vec_orig(&x, i) : first[i];
            int bad = 0;
            for (blas_int i = 0; i < n && !bad; i++) bad = sb_abs1(got[i] - want[i]) > 8.0 * (n + 2) * SBT_EPS * scale[i];
            CHECK(!bad, "%s %c%c%c n=%d lda=%d incx=%d: wrong x", names[kind], uplo, trans, diag, (int)n, (int)lda,
                  (int)incx);
        } else {
            int same = 1;
            for (blas_int i = 0; i < n; i++) same &= sbt_bytes_equal(sbt_vec_at(&x, i), &first[i], sizeof(sb_t));
            CHECK(same, "%s %c%c%c n=%d incx=%d: %d threads differ from 1", names[kind], uplo, trans, diag,
                  (int)n, (int)incx, threads[t]);
        }
    }
    free(a), free(a0), free(ap), free(ap0), free(first), free(want), free(got), free(scale);
    sbt_vec_free(&x);
}

int main(void)
{
    setenv("SAFEBLAS_PARALLEL_THRESHOLD", "0", 1); /* before the first call reads it */
    /* one block (n <= 64), two, and several with a partial last one; tpmv splits from 128 on, and
     * its N form goes by four groups of columns at 1100 (tpmv.c) */
    static const blas_int sizes[] = {50, 65, 130, 200, 333, 1100};
    static const blas_int incs[] = {1, -2};
    static const char uplos[] = "UL", transs[] = "NTC", diags[] = "NU";
    for (int u = 0; u < 2; u++)
        for (int t = 0; t < 3; t++)
            for (int d = 0; d < 2; d++)
                for (int s = 0; s < (int)(sizeof sizes / sizeof sizes[0]); s++)
                    for (int i = 0; i < 2; i++)
                        for (int kind = TRMV; kind <= TRSV; kind++)
                            if (sizes[s] < 1000 || kind == TPMV)
                                run_one(kind, uplos[u], transs[t], diags[d], sizes[s], (s + i) % 3, incs[i]);
    return sbt_finish("level2_trmv_threads_" SB_UPPER);
}

/* No 32-bit truncation in libsafeblas64: calls whose sizes, increments, leading dimensions or
 * offsets do not fit in 32 bits, each checked exactly.
 *
 * Memory: the operands live in large MAP_NORESERVE anonymous mappings. Pages never touched cost
 * nothing; pages only read map the kernel's shared zero page (with transparent huge pages, the
 * huge zero page), so an 8 GiB vector of zeros with a few nonzero "spikes" costs a few pages of
 * memory, and a routine that reads all of it runs at cache speed. Only the gemm that writes
 * m*n > 2^31 elements needs real memory (8 GiB of float C); it is skipped, with a note, when the
 * machine does not have it available (SBT_BIG_GEMM=0 skips it too).
 *
 *  level 1, n > 2^31 (n = 2^31 + 10, incx = 1, 8 GiB of floats):
 *    isamax_, cblas_isamax64_  find the spike at index 2^31 + 5 (isamax_ returns 2^31 + 6: a
 *              64-bit result);
 *    sasum_    sums the spikes (one of them past 2^31);
 *    sdot_     x against itself reversed (incy = -1: starts (n-1)*1 elements in, i.e. > 2^31),
 *              which pairs element i with element n-1-i;
 *  level 1, increments > 2^31 (impossible with 32-bit integers):
 *    dasum_, idamax_, daxpy_, dcopy_ with n = 3 and incx = 2^31 + 1 (or -(2^31 + 1));
 *  level 2: dgemv_ with lda = 2^31 + 5;
 *  level 3: dgemm_ with lda, ldb, ldc > 2^31 (small m, n, k);
 *           sgemm_ with m*n > 2^31 (m = 2^16 + 1, n = 2^15 + 1, k = 1, C contiguous: its last
 *           column starts 2^31 + 32768 elements in), every element of C checked;
 *  and some of them through the 64_-suffixed names (dasum_64_, cblas_isamax64_).
 * The integers are spelled int64_t (the ABI of numpy/scipy ILP64 builds). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

typedef int64_t i64;

i64 idamax_(const i64 *n, const double *x, const i64 *incx);
double dasum_(const i64 *n, const double *x, const i64 *incx);
double ddot_(const i64 *n, const double *x, const i64 *incx, const double *y, const i64 *incy);
void daxpy_(const i64 *n, const double *a, const double *x, const i64 *incx, double *y, const i64 *incy);
void dcopy_(const i64 *n, const double *x, const i64 *incx, double *y, const i64 *incy);
void dgemv_(const char *t, const i64 *m, const i64 *n, const double *alpha, const double *a, const i64 *lda,
            const double *x, const i64 *incx, const double *beta, double *y, const i64 *incy);
void dgemm_(const char *ta, const char *tb, const i64 *m, const i64 *n, const i64 *k, const double *alpha,
            const double *a, const i64 *lda, const double *b, const i64 *ldb, const double *beta, double *c,
            const i64 *ldc);
void sgemm_(const char *ta, const char *tb, const i64 *m, const i64 *n, const i64 *k, const float *alpha,
            const float *a, const i64 *lda, const float *b, const i64 *ldb, const float *beta, float *c,
            const i64 *ldc);
i64 isamax_(const i64 *n, const float *x, const i64 *incx);
float sasum_(const i64 *n, const float *x, const i64 *incx);
float sdot_(const i64 *n, const float *x, const i64 *incx, const float *y, const i64 *incy);
double dasum_64_(const i64 *n, const double *x, const i64 *incx);
i64 cblas_isamax64_(i64 n, const float *x, i64 incx);
void safeblas_set_num_threads(int n);

static int passed, failed;
#define CHECK(cond, ...)                                                                                     \
    do {                                                                                                     \
        if (cond) passed++;                                                                                  \
        else {                                                                                               \
            failed++;                                                                                        \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                      \
            printf(__VA_ARGS__);                                                                             \
            printf("\n");                                                                                    \
        }                                                                                                    \
    } while (0)

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* A mapping of `bytes` that costs only the pages touched. huge_zero: the caller mostly reads it, so
 * ask for transparent huge pages (reads of untouched parts then map the huge zero page: fewer
 * faults); not for memory that gets written in bulk, where it would make the kernel compact
 * memory for huge pages. */
static void *big_map_as(size_t bytes, int huge_zero)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
    if (huge_zero) madvise(p, bytes, MADV_HUGEPAGE);
    return p;
}
#define big_map(bytes) big_map_as(bytes, 1)

static long mem_available_kib(void)
{
    FILE *f = fopen("/proc/meminfo", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "MemAvailable: %ld kB", &kib) == 1) break;
    if (f) fclose(f);
    return kib;
}

#define TWO31 ((i64)1 << 31)

static void level1_long_vectors(void)
{
    const i64 n = TWO31 + 10, one = 1, minus_one = -1;
    size_t bytes = (size_t)n * sizeof(float);
    float *x = big_map(bytes);
    /* spikes: 3 at 7, -5 at 2^31 + 5 (the largest magnitude, past 2^31), 2 at n - 1 */
    const i64 p0 = 7, p1 = TWO31 + 5, p2 = n - 1;
    x[p0] = 3.0f, x[p1] = -5.0f, x[p2] = 2.0f;
    double t0 = now();

    i64 im = isamax_(&n, x, &one);
    CHECK(im == p1 + 1, "isamax_(n = 2^31 + 10) = %lld, expected %lld", (long long)im, (long long)(p1 + 1));
    double t1 = now();
    i64 imc = cblas_isamax64_(n, x, 1);
    CHECK(imc == p1, "cblas_isamax64_(n = 2^31 + 10) = %lld (0-based), expected %lld", (long long)imc,
          (long long)p1);
    double t2 = now();
    float s = sasum_(&n, x, &one);
    CHECK(s == 10.0f, "sasum_(n = 2^31 + 10) = %.9g, expected 10", s);
    double t3 = now();

    /* reversed (incy = -1): pairs element i with element n-1-i. 3 at 7 pairs with 4 at n-8 (12,
     * counted at i = 7 and i = n-8); -5 at 2^31 + 5 pairs with element 4 and 2 at n-1 with
     * element 0, both zero. */
    x[n - 1 - p0] = 4.0f;
    float d = sdot_(&n, x, &one, x, &minus_one);
    CHECK(d == 24.0f, "sdot_(n = 2^31 + 10, incy = -1) = %.9g, expected 24", d);
    printf("level 1, n = 2^31 + 10 (8 GiB mapping, 4 spikes): isamax_ %.2f s, cblas_isamax64_ %.2f s, "
           "sasum_ %.2f s, sdot_ %.2f s\n", t1 - t0, t2 - t1, t3 - t2, now() - t3);
    munmap(x, bytes);
}

static void level1_huge_increments(void)
{
    const i64 n = 3, inc = TWO31 + 1, minc = -(TWO31 + 1), one = 1;
    size_t bytes = (size_t)(2 * inc + 1) * sizeof(double);
    double *x = big_map(bytes), *y = big_map(bytes);
    x[0] = 1.0, x[inc] = -7.0, x[2 * inc] = 2.5;

    double s = dasum_(&n, x, &inc);
    CHECK(s == 10.5, "dasum_(3, incx = 2^31 + 1) = %.17g, expected 10.5", s);
    s = dasum_64_(&n, x, &inc);
    CHECK(s == 10.5, "dasum_64_(3, incx = 2^31 + 1) = %.17g", s);
    i64 im = idamax_(&n, x, &inc);
    CHECK(im == 2, "idamax_(3, incx = 2^31 + 1) = %lld, expected 2", (long long)im);

    /* y := 2*x + y with incy negative: y[2*inc] gets x[0], y[0] gets x[2*inc] */
    double alpha = 2.0;
    y[0] = 100.0;
    daxpy_(&n, &alpha, x, &inc, y, &minc);
    CHECK(y[2 * inc] == 2.0 && y[inc] == -14.0 && y[0] == 105.0,
          "daxpy_(3, incx = 2^31 + 1, incy = -(2^31 + 1)): y = %g %g %g, expected 105 -14 2", y[0], y[inc],
          y[2 * inc]);

    double z[3] = {0, 0, 0};
    dcopy_(&n, x, &inc, z, &one);
    CHECK(z[0] == 1.0 && z[1] == -7.0 && z[2] == 2.5, "dcopy_(3, incx = 2^31 + 1): %g %g %g", z[0], z[1], z[2]);
    munmap(x, bytes), munmap(y, bytes);
}

static void level2_huge_lda(void)
{
    const i64 m = 3, n = 3, lda = TWO31 + 5, one = 1;
    size_t bytes = (size_t)((n - 1) * lda + m) * sizeof(double);
    double *a = big_map(bytes);
    for (i64 j = 0; j < n; j++)
        for (i64 i = 0; i < m; i++) a[i + j * lda] = (double)(1 + i + 10 * j);
    double x[3] = {1, 2, 3}, y[3] = {-1, -1, -1}, alpha = 1.0, beta = 0.0;
    dgemv_("N", &m, &n, &alpha, a, &lda, x, &one, &beta, y, &one);
    /* y_i = sum_j (1 + i + 10 j) x_j = 6 (1 + i) + 10 (0 + 2 + 6) = 6 + 6i + 80 */
    CHECK(y[0] == 86 && y[1] == 92 && y[2] == 98, "dgemv_ N (lda = 2^31 + 5): %g %g %g", y[0], y[1], y[2]);
    dgemv_("T", &m, &n, &alpha, a, &lda, x, &one, &beta, y, &one);
    /* y_j = sum_i (1 + i + 10 j) x_i = (1*1 + 2*2 + 3*3) + 60 j = 14 + 60 j */
    CHECK(y[0] == 14 && y[1] == 74 && y[2] == 134, "dgemv_ T (lda = 2^31 + 5): %g %g %g", y[0], y[1], y[2]);
    munmap(a, bytes);
}

static void level3_huge_ld(void)
{
    const i64 m = 3, n = 2, k = 2, lda = TWO31 + 7, ldb = 2 * TWO31 + 1, ldc = TWO31 + 3;
    size_t ba = (size_t)((k - 1) * lda + m) * 8, bb = (size_t)((n - 1) * ldb + k) * 8,
           bc = (size_t)((n - 1) * ldc + m) * 8;
    double *a = big_map(ba), *b = big_map(bb), *c = big_map(bc);
    for (i64 l = 0; l < k; l++)
        for (i64 i = 0; i < m; i++) a[i + l * lda] = (double)(i + 1 + 3 * l); /* A = [1 4; 2 5; 3 6] */
    for (i64 j = 0; j < n; j++)
        for (i64 l = 0; l < k; l++) b[l + j * ldb] = (double)(l + 1 + 2 * j); /* B = [1 3; 2 4] */
    for (i64 j = 0; j < n; j++)
        for (i64 i = 0; i < m; i++) c[i + j * ldc] = 1.0;
    double alpha = 1.0, beta = 1.0;
    dgemm_("N", "N", &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc);
    /* A*B = [9 19; 12 26; 15 33], plus 1 */
    const double want[6] = {10, 13, 16, 20, 27, 34};
    int ok = 1;
    for (i64 j = 0; j < n; j++)
        for (i64 i = 0; i < m; i++) ok &= c[i + j * ldc] == want[i + 3 * j];
    CHECK(ok, "dgemm_ (lda = 2^31 + 7, ldb = 2^32 + 1, ldc = 2^31 + 3): C = %g %g %g / %g %g %g", c[0], c[1],
          c[2], c[ldc], c[ldc + 1], c[ldc + 2]);
    munmap(a, ba), munmap(b, bb), munmap(c, bc);
}

/* C = A B with A: m x 1 (a_i = i mod 1021 + 1), B: 1 x n (b_j = j mod 1019 + 1): exact in float. */
static void level3_big_product(void)
{
    const char *env = getenv("SBT_BIG_GEMM");
    if (env && !strcmp(env, "0")) {
        printf("note: big sgemm skipped (SBT_BIG_GEMM=0)\n");
        return;
    }
    const i64 m = (1 << 16) + 1, n = (1 << 15) + 1, k = 1;
    size_t elems = (size_t)m * (size_t)n, bytes = elems * sizeof(float);
    long avail = mem_available_kib();
    if (avail >= 0 && (size_t)avail * 1024 < bytes + ((size_t)2 << 30)) {
        printf("note: big sgemm skipped: it needs %.1f GiB and %.1f GiB are available\n", bytes / 1073741824.0,
               avail / 1048576.0);
        return;
    }
    float *a = malloc(sizeof(float) * m), *b = malloc(sizeof(float) * n);
    for (i64 i = 0; i < m; i++) a[i] = (float)(i % 1021 + 1);
    for (i64 j = 0; j < n; j++) b[j] = (float)(j % 1019 + 1);
    float *c = big_map_as(bytes, 0);
    float alpha = 1.0f, beta = 0.0f;
    double t0 = now();
    sgemm_("N", "N", &m, &n, &k, &alpha, a, &m, b, &k, &beta, c, &m);
    double t1 = now();
    size_t bad = 0, first = 0;
    float *col = malloc(sizeof(float) * m);
    for (i64 j = 0; j < n; j++) {
        const float *cj = c + (size_t)j * m;
        float bj = b[j];
        for (i64 i = 0; i < m; i++) col[i] = a[i] * bj;
        if (memcmp(cj, col, sizeof(float) * m) == 0) continue;
        for (i64 i = 0; i < m; i++)
            if (cj[i] != col[i]) {
                if (!bad) first = (size_t)j * m + i;
                bad++;
            }
    }
    free(col);
    CHECK(bad == 0, "sgemm_ m*n = %zu > 2^31: %zu wrong elements, first at %zu (%g)", elems, bad, first,
          bad ? c[first] : 0.0);
    printf("sgemm m = %lld, n = %lld, k = 1 (m*n = 2^31 + %lld, C %.1f GiB): %.2f s, checked in %.2f s\n",
           (long long)m, (long long)n, (long long)(elems - ((size_t)1 << 31)), bytes / 1073741824.0, t1 - t0,
           now() - t1);
    munmap(c, bytes);
    free(a), free(b);
}

int main(int argc, char **argv)
{
    if (argc > 1) safeblas_set_num_threads(atoi(argv[1]));
    level1_huge_increments();
    level2_huge_lda();
    level3_huge_ld();
    level1_long_vectors();
    level3_big_product();
    printf("big_index: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

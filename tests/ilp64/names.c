/* The 64_-suffixed names of libsafeblas64 (the numpy/scipy ILP64 convention): dgemm_64_,
 * cblas_dgemm64_, dgetrf_64_ ... are the same functions as the plain names (same address) and
 * work when called with 64-bit integers. tests/ilp64/check_exports64.sh checks the whole list. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int64_t i64;
enum { RowMajor = 101, ColMajor = 102 };
enum { NoTrans = 111, Trans = 112 };

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

static void *sym(const char *name)
{
    void *p = dlsym(RTLD_DEFAULT, name);
    CHECK(p != NULL, "%s not found", name);
    return p;
}

typedef void (*dgemm_t)(const char *, const char *, const i64 *, const i64 *, const i64 *, const double *,
                        const double *, const i64 *, const double *, const i64 *, const double *, double *,
                        const i64 *);
typedef void (*cblas_dgemm_t)(int, int, int, i64, i64, i64, double, const double *, i64, const double *, i64,
                              double, double *, i64);
typedef void (*dgetrf_t)(const i64 *, const i64 *, double *, const i64 *, i64 *, i64 *);
typedef void (*setnt_t)(int);
typedef int (*getnt_t)(void);

/* linked by name (a consumer built against the 64_ names), the rest looked up */
void dgemm_64_(const char *, const char *, const i64 *, const i64 *, const i64 *, const double *, const double *,
               const i64 *, const double *, const i64 *, const double *, double *, const i64 *);
void cblas_dgemm64_(int, int, int, i64, i64, i64, double, const double *, i64, const double *, i64, double,
                    double *, i64);
void dgetrf_64_(const i64 *, const i64 *, double *, const i64 *, i64 *, i64 *);

int main(void)
{
    static const char *pairs[][2] = {
        {"dgemm_", "dgemm_64_"},         {"cblas_dgemm", "cblas_dgemm64_"}, {"dgetrf_", "dgetrf_64_"},
        {"zgemm_", "zgemm_64_"},         {"sgesv_", "sgesv_64_"},           {"zheev_", "zheev_64_"},
        {"cblas_zdotc_sub", "cblas_zdotc_sub64_"}, {"idamax_", "idamax_64_"}, {"xerbla_", "xerbla_64_"},
        {"lsame_", "lsame_64_"},         {"dsyevd_", "dsyevd_64_"},         {"cblas_sgemv", "cblas_sgemv64_"},
        {"openblas_set_num_threads", "openblas_set_num_threads64_"},
        {"openblas_get_config", "openblas_get_config64_"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        void *a = sym(pairs[i][0]), *b = sym(pairs[i][1]);
        CHECK(a == b, "%s and %s are different functions", pairs[i][0], pairs[i][1]);
        Dl_info info;
        CHECK(b && dladdr(b, &info) && info.dli_fname && strstr(info.dli_fname, "libsafeblas64"),
              "%s is not in libsafeblas64", pairs[i][1]);
    }
    /* LP64 spellings do not exist here */
    CHECK(dlsym(RTLD_DEFAULT, "dgemm_64_64_") == NULL, "doubly suffixed name exported");

    /* calls through the suffixed names, 64-bit integers */
    dgemm_t dgemm = dgemm_64_;
    cblas_dgemm_t cdgemm = cblas_dgemm64_;
    dgetrf_t dgetrf = dgetrf_64_;
    CHECK((void *)dgemm == sym("dgemm_"), "dgemm_64_ (linked) is not dlsym's dgemm_");
    CHECK((void *)dgetrf == sym("dgetrf_"), "dgetrf_64_ (linked) is not dlsym's dgetrf_");
    setnt_t setnt = (setnt_t)sym("openblas_set_num_threads64_");
    getnt_t getnt = (getnt_t)sym("openblas_get_num_threads64_");
    if (setnt && getnt) {
        setnt(3);
        CHECK(getnt() == 3, "openblas_get_num_threads64_ after set(3)");
    }

    const i64 m = 2, n = 2, k = 3;
    double a[6] = {1, 2, 3, 4, 5, 6}; /* column-major 2x3: [1 3 5; 2 4 6] */
    double b[6] = {1, 0, 2, 1, 0, 1}; /* column-major 3x2: [1 1; 0 0; 2 1] */
    double c[4] = {-1, -1, -1, -1}, alpha = 1, beta = 0;
    dgemm("N", "N", &m, &n, &k, &alpha, a, &m, b, &k, &beta, c, &m);
    /* [1 3 5; 2 4 6] [1 1; 0 0; 2 1] = [11 6; 14 8] */
    CHECK(c[0] == 11 && c[1] == 14 && c[2] == 6 && c[3] == 8, "dgemm_64_: %g %g %g %g", c[0], c[1], c[2], c[3]);
    double r[4] = {-1, -1, -1, -1};
    /* row-major: A is 2x3 [1 2 3; 4 5 6], B is 3x2 [1 0; 2 1; 0 1] -> [5 5; 14 11] */
    cdgemm(RowMajor, NoTrans, NoTrans, m, n, k, 1.0, a, k, b, n, 0.0, r, n);
    CHECK(r[0] == 5 && r[1] == 5 && r[2] == 14 && r[3] == 11, "cblas_dgemm64_: %g %g %g %g", r[0], r[1], r[2],
          r[3]);

    double lu[4] = {1, 4, 2, 3}; /* [1 2; 4 3] -> pivot row 2: L = [1 0; .25 1], U = [4 3; 0 1.25] */
    i64 ipiv[2], info = -1;
    memset(ipiv, 0xff, sizeof ipiv);
    const i64 two = 2;
    dgetrf(&two, &two, lu, &two, ipiv, &info);
    CHECK(info == 0 && ipiv[0] == 2 && ipiv[1] == 2 && lu[0] == 4 && lu[1] == 0.25 && lu[2] == 3 && lu[3] == 1.25,
          "dgetrf_64_: info %lld ipiv %lld %lld lu %g %g %g %g", (long long)info, (long long)ipiv[0],
          (long long)ipiv[1], lu[0], lu[1], lu[2], lu[3]);
    printf("names: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

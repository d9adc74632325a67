/* An ILP64 consumer of an installed SafeBLAS (tests/ilp64/install64.sh builds it against
 * safeblas64.pc and against <libdir>/safeblas64/lib{blas,lapack}64.so.3): dgemm_ and dgetrf_ with
 * 64-bit integers under the plain names, cblas_dgemm64_ and dgetrf_64_ under the suffixed ones; it
 * prints the file libsafeblas64 was mapped from. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int64_t i64;
void dgemm_(const char *, const char *, const i64 *, const i64 *, const i64 *, const double *, const double *,
            const i64 *, const double *, const i64 *, const double *, double *, const i64 *);
void dgetrf_(const i64 *, const i64 *, double *, const i64 *, i64 *, i64 *);
void dgetrf_64_(const i64 *, const i64 *, double *, const i64 *, i64 *, i64 *);
void cblas_dgemm64_(int, int, int, i64, i64, i64, double, const double *, i64, const double *, i64, double,
                    double *, i64);

int main(void)
{
    int bad = 0;
    const i64 two = 2;
    double a[4] = {1, 2, 3, 4}, b[4] = {1, 0, 1, 1}, c[4], one = 1, zero = 0;
    dgemm_("N", "N", &two, &two, &two, &one, a, &two, b, &two, &zero, c, &two); /* [1 3;2 4][1 1;0 1] */
    bad |= !(c[0] == 1 && c[1] == 2 && c[2] == 4 && c[3] == 6);
    double r[4];
    cblas_dgemm64_(102, 111, 111, 2, 2, 2, 1.0, a, 2, b, 2, 0.0, r, 2);
    bad |= memcmp(r, c, sizeof r) != 0;
    for (int pass = 0; pass < 2; pass++) {
        double lu[4] = {1, 4, 2, 3};
        i64 ipiv[2] = {-1, -1}, info = -1;
        (pass ? dgetrf_64_ : dgetrf_)(&two, &two, lu, &two, ipiv, &info);
        bad |= !(info == 0 && ipiv[0] == 2 && ipiv[1] == 2 && lu[0] == 4 && lu[1] == 0.25 && lu[3] == 1.25);
    }
    Dl_info info;
    const char *from = dladdr((void *)dgetrf_64_, &info) && info.dli_fname ? info.dli_fname : "?";
    printf("consumer64: %s, libsafeblas64 from %s\n", bad ? "WRONG RESULTS" : "ok", from);
    return bad;
}

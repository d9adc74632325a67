/* Torture case 6: idle workers sleep. After a large parallel call the process sleeps 2 s; the
 * CPU time it uses meanwhile (getrusage, all threads) must stay under 1% of a core (20 ms), at
 * the CPU count and oversubscribed. */
#include <sys/resource.h>

#include "torture.h"

#define N 200

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1e-6 * (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

int main(void)
{
    tt_init(120);
    double *a = tt_rand_mat(N, N, 51), *b = tt_rand_mat(N, N, 52);
    double *expect = malloc(sizeof(double) * N * N), *c = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, a, b, 0.0, expect);
    double *plain = tt_plain_product(N, N, N, a, b);
    const int counts[] = {2, 8};
    for (int i = 0; i < 2; i++) {
        tt_case = counts[i] == 2 ? "idle after a parallel call, 2 threads" : "idle after a parallel call, 8 threads";
        safeblas_set_num_threads(counts[i]);
        for (int r = 0; r < 3; r++) {
            tt_dgemm(N, N, N, 1.0, a, b, 0.0, c);
            CHECK(tt_relerr(c, expect, N * N) <= TT_TOL, "dgemm");
            CHECK(tt_pool_parallel(counts[i], N, N, N, a, b, plain, 0) >= 2, "pool job went parallel");
        }
        double c0 = cpu_seconds(), t0 = tt_now();
        struct timespec two = {2, 0};
        while (nanosleep(&two, &two) != 0) {
        }
        double used = cpu_seconds() - c0, wall = tt_now() - t0;
        printf("%d threads: %.3f ms CPU in %.2f s idle = %.3f%% of a core\n", counts[i], used * 1e3, wall,
               100 * used / wall);
        CHECK(used < 0.01 * wall, "%d threads: idle CPU %.3f s over %.2f s", counts[i], used, wall);
    }
    return sbt_finish("torture_idle_cpu");
}

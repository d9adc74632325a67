/* The motivating reproducer, against libsafeblas64: ILP64 dgetrf_ on a 200x200 identity, fork(),
 * the child _exit(0)s at once, the parent calls dgetrf_ again. 200 rounds at 2, 8 and 32 threads
 * (safeblas_set_num_threads). A hang is caught by the watchdog (alarm) here and by the CTest
 * TIMEOUT. Every factorisation is checked: info = 0, the factors are the identity, ipiv = 1..n
 * written as full 64-bit integers (ipiv and info start as all-ones bit patterns, so a 32-bit
 * store would leave the upper halves set).
 *
 * The integers are spelled int64_t on purpose (not safeblas_int): this is the ABI a numpy/scipy
 * ILP64 build uses. The same program also calls dgetrf_64_, the suffixed name. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void dgetrf_(const int64_t *m, const int64_t *n, double *a, const int64_t *lda, int64_t *ipiv, int64_t *info);
void dgetrf_64_(const int64_t *m, const int64_t *n, double *a, const int64_t *lda, int64_t *ipiv, int64_t *info);
void safeblas_set_num_threads(int n);
int safeblas_test_pool_workers(void); /* test hook (src/runtime/parallel.h): live pool threads */

#define N 200
static const char *volatile stage = "start";

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "fork_dgetrf: TIMEOUT (hang) in: ";
    write(2, msg, sizeof msg - 1);
    write(2, (const char *)stage, strlen((const char *)stage));
    write(2, "\n", 1);
    _exit(3);
}

static int check_lu(const double *a, const int64_t *ipiv, int64_t info)
{
    if (info != 0) return 0;
    for (int64_t j = 0; j < N; j++) {
        if (ipiv[j] != j + 1) return 0;
        for (int64_t i = 0; i < N; i++)
            if (a[i + j * N] != (i == j ? 1.0 : 0.0)) return 0;
    }
    return 1;
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    alarm(240);
    const int threads[] = {2, 8, 32};
    const int rounds = 200;
    double *a = malloc(sizeof(double) * N * N);
    int64_t *ipiv = malloc(sizeof(int64_t) * N);
    int64_t n = N, info;
    int failed = 0;
    const char *thr = getenv("SAFEBLAS_PARALLEL_THRESHOLD");
    int must_use_pool = thr && !strcmp(thr, "0");
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        int nt = threads[t];
        static char name[64];
        snprintf(name, sizeof name, "%d threads", nt);
        stage = name;
        safeblas_set_num_threads(nt);
        int bad_lu = 0, bad_child = 0, max_workers = 0;
        for (int r = 0; r <= rounds; r++) {
            memset(a, 0, sizeof(double) * N * N);
            for (int i = 0; i < N; i++) a[i + i * N] = 1.0;
            memset(ipiv, 0xff, sizeof(int64_t) * N);
            info = -1;
            if (r % 2) dgetrf_64_(&n, &n, a, &n, ipiv, &info);
            else dgetrf_(&n, &n, a, &n, ipiv, &info);
            if (!check_lu(a, ipiv, info)) bad_lu++;
            int w = safeblas_test_pool_workers();
            if (w > max_workers) max_workers = w;
            if (r == rounds) break;
            pid_t pid = fork();
            if (pid == 0) _exit(0);
            int st = 0;
            if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) bad_child++;
        }
        printf("%2d threads: %d fork rounds, %d wrong factorisations, %d failed children, pool threads up to %d\n",
               nt, rounds, bad_lu, bad_child, max_workers);
        if (bad_lu || bad_child) failed++;
        /* with SAFEBLAS_PARALLEL_THRESHOLD=0 every call goes to the pool: it must have threads */
        if (must_use_pool && max_workers < 1) {
            printf("FAIL: %d threads: dgetrf_ never used the pool (SAFEBLAS_PARALLEL_THRESHOLD=0)\n", nt);
            failed++;
        }
    }
    free(a), free(ipiv);
    printf("fork_dgetrf: %d passed, %d failed\n", (int)(sizeof threads / sizeof threads[0]) - failed, failed);
    return failed ? 1 : 0;
}

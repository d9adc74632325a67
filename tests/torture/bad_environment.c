/* Bad input: malformed or absurd thread counts in the environment (abc, -1, 0, 100000, empty,
 * for each of SAFEBLAS_NUM_THREADS, OPENBLAS_NUM_THREADS, OMP_NUM_THREADS) give exactly one clear
 * warning on stderr and a sane fallback (the CPUs available), and the program computes
 * correctly. Also: valid values and their precedence, SAFEBLAS_VERBOSE=1 printing the
 * configuration once, and a failing pthread_create (simulated with the test-only
 * SAFEBLAS_TEST_FAIL_THREAD_CREATE) meaning fewer threads and one warning. Each setting runs in
 * a fresh child process (this program re-executed with --child). */
#include <fcntl.h>

#include "torture.h"

#define N 64

static int child_main(void)
{
    double *a = tt_rand_mat(N, N, 81), *b = tt_rand_mat(N, N, 82);
    double *expect = malloc(sizeof(double) * N * N), *c = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, a, b, 0.0, expect);
    double *plain = tt_plain_product(N, N, N, a, b);
    int threads = safeblas_get_num_threads();
    int ok = 1;
    for (int i = 0; i < 3; i++) {
        tt_dgemm(N, N, N, 1.0, a, b, 0.0, c);
        if (tt_relerr(c, expect, N * N) > TT_TOL) ok = 0;
        if (tt_pool_gemm(threads, N, N, N, a, b, plain, 0) < 0) ok = 0;
    }
    (void)safeblas_get_config();
    printf("threads=%d procs=%d ok=%d workers=%d\n", threads, openblas_get_num_procs(), ok,
           safeblas_test_pool_workers());
    return 0;
}

typedef struct {
    int status, threads, procs, ok, workers;
    int warnings;   /* stderr lines with "warning" */
    char err[4096];
} child_result;

static void read_all(int fd, char *buf, size_t len)
{
    size_t n = 0;
    ssize_t r;
    while (n < len - 1 && (r = read(fd, buf + n, len - 1 - n)) > 0) n += (size_t)r;
    buf[n] = 0;
}

static int count_lines(const char *s, const char *needle)
{
    int n = 0;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)(len < 1000 ? len : 1000), s);
        if (strstr(line, needle)) n++;
        s += len + (e ? 1 : 0);
    }
    return n;
}

/* Run this program with --child and the given NAME=VALUE settings (NULL-terminated); the
 * thread-count variables not given are unset. */
static child_result run_child(const char *const *env)
{
    child_result r;
    memset(&r, 0, sizeof r);
    int out[2], err[2];
    if (pipe(out) || pipe(err)) abort();
    pid_t pid = fork();
    if (pid == 0) {
        alarm(60);
        dup2(out[1], 1), dup2(err[1], 2);
        close(out[0]), close(err[0]), close(out[1]), close(err[1]);
        unsetenv("SAFEBLAS_NUM_THREADS"), unsetenv("OPENBLAS_NUM_THREADS"), unsetenv("OMP_NUM_THREADS");
        unsetenv("SAFEBLAS_VERBOSE"), unsetenv("SAFEBLAS_TEST_FAIL_THREAD_CREATE");
        for (int i = 0; env[i]; i++) putenv((char *)env[i]);
        execl("/proc/self/exe", "bad_environment", "--child", (char *)NULL);
        _exit(127);
    }
    close(out[1]), close(err[1]);
    char obuf[1024];
    read_all(out[0], obuf, sizeof obuf);
    read_all(err[0], r.err, sizeof r.err);
    close(out[0]), close(err[0]);
    r.status = tt_wait(pid);
    r.threads = r.procs = r.ok = r.workers = -1;
    sscanf(obuf, "threads=%d procs=%d ok=%d workers=%d", &r.threads, &r.procs, &r.ok, &r.workers);
    r.warnings = count_lines(r.err, "warning");
    return r;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--child") == 0) return child_main();
    tt_init(240);
    const char *vars[] = {"SAFEBLAS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"};
    const char *bad[] = {"abc", "-1", "0", "100000", "", "2.5", "4x", "99999999999999999999"};
    int procs = openblas_get_num_procs();
    char setting[3][128];
    for (int v = 0; v < 3; v++)
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
            snprintf(setting[0], sizeof setting[0], "%s=%s", vars[v], bad[b]);
            tt_case = setting[0];
            const char *env[] = {setting[0], NULL};
            child_result r = run_child(env);
            CHECK(r.status == 0, "%s: child exited %d", setting[0], r.status);
            CHECK(r.warnings == 1, "%s: %d warnings (want 1): %s", setting[0], r.warnings, r.err);
            CHECK(strstr(r.err, vars[v]) != NULL, "%s: warning does not name the variable: %s", setting[0], r.err);
            CHECK(r.threads == procs, "%s: %d threads, want the fallback %d", setting[0], r.threads, procs);
            CHECK(r.ok == 1, "%s: wrong results", setting[0]);
        }
    printf("example warning: %s", run_child((const char *const[]){"OPENBLAS_NUM_THREADS=abc", NULL}).err);

    /* valid values and precedence */
    struct {
        const char *env[3];
        int threads, warnings;
    } good[] = {
        {{"SAFEBLAS_NUM_THREADS=3", NULL}, 3, 0},
        {{"OPENBLAS_NUM_THREADS=5", NULL}, 5, 0},
        {{"OMP_NUM_THREADS=4,2", NULL}, 4, 0},
        {{"OMP_NUM_THREADS= 6 ", NULL}, 6, 0},
        {{"SAFEBLAS_NUM_THREADS=2", "OPENBLAS_NUM_THREADS=5"}, 2, 0},
        {{"OPENBLAS_NUM_THREADS=7", "OMP_NUM_THREADS=3"}, 7, 0},
        {{"SAFEBLAS_NUM_THREADS=abc", "OPENBLAS_NUM_THREADS=3"}, 3, 1},
        {{"SAFEBLAS_NUM_THREADS=256", NULL}, 256, 0},
        {{"SAFEBLAS_NUM_THREADS=257", NULL}, procs, 1},
    };
    for (size_t g = 0; g < sizeof good / sizeof good[0]; g++) {
        tt_case = good[g].env[0];
        child_result r = run_child(good[g].env);
        CHECK(r.status == 0 && r.ok == 1, "%s %s: status %d ok %d", good[g].env[0], good[g].env[1] ? good[g].env[1] : "",
              r.status, r.ok);
        CHECK(r.threads == good[g].threads, "%s %s: %d threads, want %d", good[g].env[0],
              good[g].env[1] ? good[g].env[1] : "", r.threads, good[g].threads);
        CHECK(r.warnings == good[g].warnings, "%s: %d warnings, want %d: %s", good[g].env[0], r.warnings,
              good[g].warnings, r.err);
    }

    /* SAFEBLAS_VERBOSE=1: the configuration, once */
    tt_case = "SAFEBLAS_VERBOSE";
    child_result r = run_child((const char *const[]){"SAFEBLAS_VERBOSE=1", "SAFEBLAS_NUM_THREADS=3", NULL});
    CHECK(r.status == 0 && r.ok == 1, "verbose child");
    CHECK(count_lines(r.err, "SafeBLAS ") == 1 && strstr(r.err, "threads 3"), "verbose output: %s", r.err);
    printf("SAFEBLAS_VERBOSE=1 prints: %s", r.err);
    r = run_child((const char *const[]){"SAFEBLAS_NUM_THREADS=3", NULL});
    CHECK(r.err[0] == 0, "quiet by default, got: %s", r.err);

    /* pthread_create failing: fewer threads, one warning, right results */
    tt_case = "thread creation fails";
    for (int k = 0; k <= 2; k++) {
        char fail[64];
        snprintf(fail, sizeof fail, "SAFEBLAS_TEST_FAIL_THREAD_CREATE=%d", k);
        r = run_child((const char *const[]){"SAFEBLAS_NUM_THREADS=4", fail, NULL});
        CHECK(r.status == 0 && r.ok == 1, "%s: status %d ok %d", fail, r.status, r.ok);
        CHECK(r.workers == k, "%s: %d workers, want %d", fail, r.workers, k);
        CHECK(r.warnings == 1 && strstr(r.err, "worker thread"), "%s: warnings: %s", fail, r.err);
    }
    return sbt_finish("torture_bad_environment");
}

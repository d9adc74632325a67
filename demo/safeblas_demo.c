/* safeblas-demo: the main job (`make demo`).
 *
 *   safeblas-demo [--rounds N] [--no-peers]
 *
 * 1. What SafeBLAS found (CPU, kernel set, threads) and which file really serves dgemm_.
 * 2. A verified dgemm (n = 1000, checked against a plain oracle on a sample of entries), GFLOP/s.
 * 3. The motivating fork scenario in C at 1, 2, 4, 8, 16, 32 threads: a parallel dgemm, fork(),
 *    the child _exit(0)s, the parent computes again and checks; each round under a watchdog
 *    (alarm), so a hang is reported as a failure, not suffered.
 * 4. The same with numpy (demo/numpy_fork.py under /usr/bin/python3 on build/compat), skipped
 *    with a message while SafeBLAS has no LAPACK for numpy to load.
 * 4b. The same through numpy/scipy wheels from PyPI (demo/wheel_seed.py): their OpenBLAS 0.3.30,
 *    the same venv on the SafeBLAS rescue (scripts/wheel-rescue), the newest wheels.
 * 5. A short speed table: SafeBLAS against the peers Debian installs, each at its best as the
 *    benchmark runs it (bench/sbb_peers.h: the variables that override a peer's own CPU detection
 *    removed, its kernel named, and a kernel for the CPU's vector level tried where its own
 *    detection falls short).
 * Every measurement that could hang runs in a worker process (this program re-executed) under a
 * timeout. Exit status 0 when every check passed. */
#define _GNU_SOURCE
#include "sbb_common.h"
#include "sbb_peers.h"

#include <dlfcn.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SB_DEMO_DIR
#define SB_DEMO_DIR "demo"
#endif

/* Optional SafeBLAS API, looked up at run time so the demo builds whatever exists yet. */
static const char *(*get_config)(void);
static int (*get_num_threads)(void);
static void (*set_num_threads)(int);

static void find_api(void)
{
    get_config = (const char *(*)(void))dlsym(RTLD_DEFAULT, "safeblas_get_config");
    get_num_threads = (int (*)(void))dlsym(RTLD_DEFAULT, "safeblas_get_num_threads");
    set_num_threads = (void (*)(int))dlsym(RTLD_DEFAULT, "safeblas_set_num_threads");
    if (!get_num_threads) get_num_threads = (int (*)(void))dlsym(RTLD_DEFAULT, "openblas_get_num_threads");
    if (!set_num_threads) set_num_threads = (void (*)(int))dlsym(RTLD_DEFAULT, "openblas_set_num_threads");
}

/* C = alpha A B + beta C0 checked on `samples` entries against a plain dot product, with a
 * bound scaled to the sizes of the terms. Returns the number of bad entries. */
static int check_dgemm(int n, double alpha, const double *A, const double *B, double beta,
                       const double *C0, const double *C, int samples)
{
    int bad = 0;
    unsigned s = 12345;
    for (int t = 0; t < samples; t++) {
        s = s * 1664525u + 1013904223u;
        int i = (int)((s >> 8) % (unsigned)n);
        s = s * 1664525u + 1013904223u;
        int j = (int)((s >> 8) % (unsigned)n);
        double ref = 0.0, mag = 0.0;
        for (int k = 0; k < n; k++) {
            double p = A[i + (size_t)k * n] * B[k + (size_t)j * n];
            ref += p;
            mag += fabs(p);
        }
        double c0 = C0 ? C0[i + (size_t)j * n] : 0.0;
        ref = alpha * ref + beta * c0;
        mag = fabs(alpha) * mag + fabs(beta * c0);
        double err = fabs(C[i + (size_t)j * n] - ref);
        if (!(err <= 4.0 * (n + 2) * DBL_EPSILON * mag + DBL_MIN)) bad++;
    }
    return bad;
}

/* ---------------------------------------------------------------------------------------- */
/* Worker: the fork scenario at one thread count.                                            */

static volatile sig_atomic_t cur_round;
static void on_alarm(int sig)
{
    (void)sig;
    char msg[64];
    int len = snprintf(msg, sizeof msg, "D hang %d\n", (int)cur_round);
    if (write(1, msg, (size_t)len) < 0) {}
    _exit(3);
}

static int fork_worker(int threads, int rounds)
{
    sbb_lib L;
    char err[256];
    if (sbb_lib_open(&L, "SafeBLAS", NULL, err, sizeof err) != 0 || !L.dgemm) {
        printf("E dgemm_ is not in libsafeblas yet\n");
        return 1;
    }
    if (set_num_threads) set_num_threads(threads);
    const int n = 384;
    const sbb_int nn = n;
    const double one = 1.0, zero = 0.0;
    size_t sz = (size_t)n * n;
    double *A = malloc(sz * 8), *B = malloc(sz * 8), *C = malloc(sz * 8), *C0 = malloc(sz * 8);
    sbb_fill(A, sz, 11);
    sbb_fill(B, sz, 12);
    signal(SIGALRM, on_alarm);
    cur_round = -1;
    alarm(30);
    L.dgemm("N", "N", &nn, &nn, &nn, &one, A, &nn, B, &nn, &zero, C0, &nn, 1, 1);
    alarm(0);
    int failures = check_dgemm(n, 1.0, A, B, 0.0, NULL, C0, 64) ? 1 : 0;
    if (failures) printf("E the first dgemm is wrong\n");
    double start = sbb_now();
    for (int r = 0; r < rounds; r++) {
        cur_round = r;
        alarm(10);
        pid_t p = fork();
        if (p == 0) _exit(0);
        if (p < 0) { failures++; continue; }
        int st;
        while (waitpid(p, &st, 0) < 0 && errno == EINTR) {}
        memset(C, 0, sz * 8);
        L.dgemm("N", "N", &nn, &nn, &nn, &one, A, &nn, B, &nn, &zero, C, &nn, 1, 1);
        alarm(0);
        /* same thread count, same inputs: the same bytes (and the oracle agreed with C0) */
        if (memcmp(C, C0, sz * 8) != 0 && check_dgemm(n, 1.0, A, B, 0.0, NULL, C, 64) != 0) failures++;
    }
    double ms = (sbb_now() - start) * 1e3 / (rounds > 0 ? rounds : 1);
    printf("D done %d %d %.2f %d\n", rounds, failures, ms, get_num_threads ? get_num_threads() : -1);
    fflush(stdout);
    return 0;
}

/* Worker: the speed rows for one library ("self" = the linked SafeBLAS). */
static const struct { const char *r; int n; } speed_rows[] = {
    {"dgemm", 256}, {"dgemm", 1000}, {"sgemm", 256}, {"sgemm", 1000}, {"dgemv", 2000},
};
#define NSPEED ((int)(sizeof speed_rows / sizeof speed_rows[0]))

static int speed_worker(const char *name, const char *path)
{
    sbb_lib L;
    char err[512];
    if (sbb_lib_open(&L, name, strcmp(path, "self") ? path : NULL, err, sizeof err) != 0) {
        printf("E %s\n", err);
        return 1;
    }
    double last = 0;
    for (int i = 0; i < NSPEED; i++) {
        if (i && strcmp(speed_rows[i].r, speed_rows[i - 1].r)) last = 0;
        double g = sbb_gflops(&L, speed_rows[i].r, speed_rows[i].n, 0.3, 3.0, last);
        if (g > 0) last = g;
        printf("R %d %.4f\n", i, g);
        fflush(stdout);
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* The main job.                                                                             */

typedef struct {
    int rounds, failures, hang, threads_seen;
    double ms;
    char err[200];
} fork_res;

static void fork_line(const char *line, void *ctx)
{
    fork_res *r = ctx;
    int a, b, t;
    double ms;
    if (sscanf(line, "D done %d %d %lf %d", &a, &b, &ms, &t) == 4) {
        r->rounds = a;
        r->failures = b;
        r->ms = ms;
        r->threads_seen = t;
    } else if (sscanf(line, "D hang %d", &a) == 1) {
        r->hang = 1;
        r->rounds = a + 1;
    } else if (!strncmp(line, "E ", 2)) {
        snprintf(r->err, sizeof r->err, "%s", line + 2);
    }
}

static void speed_line(const char *line, void *ctx)
{
    double *g = ctx;
    int i;
    double v;
    if (sscanf(line, "R %d %lf", &i, &v) == 2 && i >= 0 && i < NSPEED) g[i] = v == 0 ? -4 : v;
}

static void echo_line(const char *line, void *ctx)
{
    (void)ctx;
    printf("    %s\n", line);
    fflush(stdout);
}

static void threads_env(char bufs[][48], const char *env[], int threads)
{
    const char *names[] = {"SAFEBLAS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS",
                           "OMP_NUM_THREADS"};
    for (int i = 0; i < 4; i++) {
        snprintf(bufs[i], 48, "%s=%d", names[i], threads);
        env[i] = bufs[i];
    }
    env[4] = NULL;
}

static void fmt(char *b, size_t len, double g)
{
    if (g > 0) snprintf(b, len, g >= 100 ? "%.0f" : g >= 10 ? "%.1f" : "%.2f", g);
    else snprintf(b, len, g == -1 ? "n/a" : g == -2 ? "slow" : g == 0 ? "—" : "err");
}

int main(int argc, char **argv)
{
    find_api();
    if (argc >= 4 && !strcmp(argv[1], "--fork-worker")) return fork_worker(atoi(argv[2]), atoi(argv[3]));
    if (argc >= 4 && !strcmp(argv[1], "--speed-worker")) return speed_worker(argv[2], argv[3]);
    if (argc >= 4 && !strcmp(argv[1], "--kernel-worker")) return sbb_kernel_worker_main(argc, argv);

    int rounds = 20, peers = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-peers")) peers = 0;
        else {
            fprintf(stderr, "usage: %s [--rounds N] [--no-peers]\n", argv[0]);
            return 2;
        }
    }
    if (rounds < 1) rounds = 1;
    int failed = 0;
    double t_start = sbb_now();

    /* 1. What SafeBLAS found */
    printf("SafeBLAS demo\n=============\n");
    printf("CPU:       %s, %d CPUs available to this process\n", sbb_cpu_model(), sbb_cpus_available());
    if (get_config) {
        const char *c = get_config();
        printf("SafeBLAS:  %s\n", c ? c : "(safeblas_get_config returned nothing)");
    } else {
        printf("SafeBLAS:  (safeblas_get_config() not in the library yet)\n");
    }
    if (get_num_threads) printf("threads:   %d\n", get_num_threads());
    sbb_lib L;
    char err[256];
    sbb_lib_open(&L, "SafeBLAS", NULL, err, sizeof err);
    printf("dgemm_ is served by: %s\n", L.served_by);
    if (L.dgemm && !strstr(L.served_by, "libsafeblas")) {
        printf("FAIL: dgemm_ does not come from libsafeblas\n");
        failed = 1;
    }

    /* 2. A verified dgemm */
    printf("\n1. Verified dgemm\n");
    if (!L.dgemm) {
        printf("   FAIL: dgemm_ is not in libsafeblas yet\n");
        failed = 1;
    } else {
        const int n = 1000;
        const sbb_int nn = n;
        const double alpha = 0.75, beta = -0.5;
        size_t sz = (size_t)n * n;
        double *A = malloc(sz * 8), *B = malloc(sz * 8), *C0 = malloc(sz * 8), *C = malloc(sz * 8);
        sbb_fill(A, sz, 1);
        sbb_fill(B, sz, 2);
        sbb_fill(C0, sz, 3);
        double best = INFINITY;
        int bad = 0;
        for (int rep = 0; rep < 3; rep++) {
            memcpy(C, C0, sz * 8);
            double s = sbb_now();
            L.dgemm("N", "N", &nn, &nn, &nn, &alpha, A, &nn, B, &nn, &beta, C, &nn, 1, 1);
            double t = sbb_now() - s;
            if (t < best) best = t;
            bad += check_dgemm(n, alpha, A, B, beta, C0, C, 200);
        }
        printf("   C = 0.75 A B - 0.5 C, n = %d: %s (600 sampled entries against the oracle, %d wrong), "
               "%.1f GFLOP/s (best of 3)\n", n, bad ? "FAIL" : "ok", bad, 2.0 * n * n * n / best / 1e9);
        if (bad) failed = 1;
        free(A); free(B); free(C0); free(C);
    }

    /* 3. The fork scenario in C */
    printf("\n2. The motivating fork scenario in C: parallel dgemm (n = 384), fork(), the child exits,\n"
           "   the parent computes again and compares; %d rounds per thread count, a round that takes\n"
           "   over 10 s counts as a hang\n\n", rounds);
    printf("   | threads | rounds | failures | ms/round | result |\n   |---:|---:|---:|---:|---|\n");
    const int tlist[] = {1, 2, 4, 8, 16, 32};
    for (int i = 0; i < 6; i++) {
        char rbuf[16], tbuf[16];
        snprintf(rbuf, sizeof rbuf, "%d", rounds);
        snprintf(tbuf, sizeof tbuf, "%d", tlist[i]);
        char *wargv[] = {(char *)sbb_self_exe(), "--fork-worker", tbuf, rbuf, NULL};
        char eb[5][48];
        const char *env[5];
        threads_env(eb, env, tlist[i]);
        fork_res r = {0};
        int rc = sbb_run_worker(wargv, env, 10.0 * rounds + 30.0, fork_line, &r);
        const char *verdict = "ok";
        if (r.err[0]) verdict = r.err;
        else if (r.hang) verdict = "HANG (watchdog fired)";
        else if (rc == -2) verdict = "HANG (worker killed)";
        else if (rc != 0) verdict = "worker crashed";
        else if (r.failures) verdict = "WRONG RESULTS";
        int ok = !strcmp(verdict, "ok");
        if (!ok) failed = 1;
        printf("   | %d | %d | %d | %.1f | %s |\n", tlist[i], r.rounds, ok ? 0 : (r.failures ? r.failures : 1),
               r.ms, verdict);
        fflush(stdout);
    }

    /* 4. numpy */
    printf("\n3. The motivating program with numpy (/usr/bin/python3, LD_LIBRARY_PATH=<build>/compat)\n");
    char compat[4200], lapack[4300], script[4200];
    snprintf(compat, sizeof compat, "%s/compat", sbb_self_dir());
    snprintf(lapack, sizeof lapack, "%s/liblapack.so.3", compat);
    snprintf(script, sizeof script, "%s/numpy_fork.py", SB_DEMO_DIR);
    if (access(lapack, F_OK) != 0) {
        printf("   skipped: %s does not exist yet (SafeBLAS has no LAPACK), so numpy would load the\n"
               "   system's liblapack.so.3 and the OpenBLAS under it; nothing to show until LAPACK lands.\n", lapack);
    } else if (access("/usr/bin/python3", X_OK) != 0 || access(script, R_OK) != 0) {
        printf("   skipped: /usr/bin/python3 or %s missing\n", script);
    } else {
        const int nt[] = {2, 8, 16};
        for (int i = 0; i < 3; i++) {
            char ld[4300], rb[16];
            snprintf(ld, sizeof ld, "LD_LIBRARY_PATH=%s", compat);
            snprintf(rb, sizeof rb, "%d", rounds);
            char eb[5][48];
            const char *env[6];
            threads_env(eb, env, nt[i]);
            env[4] = ld;
            env[5] = NULL;
            char *pargv[] = {"/usr/bin/python3", script, "--rounds", rb, "--compat", compat, NULL};
            int rc = sbb_run_worker(pargv, env, 10.0 * rounds + 60.0, echo_line, NULL);
            if (rc == 77) break; /* skipped: the script said why */
            if (rc != 0) {
                printf("   FAIL: numpy_fork.py at %d threads: %s\n", nt[i],
                       rc == -2 ? "timed out (hang)" : "exit status != 0");
                failed = 1;
            }
        }
    }

    /* 4b. The same program as users met it: numpy/scipy wheels from PyPI (demo/wheel_seed.py says
     * how); their OpenBLAS hanging is what is shown, only SafeBLAS hanging fails the demo. */
    printf("\n3b. The seed as users met it: numpy and scipy wheels from PyPI, their OpenBLAS, then the rescue\n");
    char wscript[4200];
    snprintf(wscript, sizeof wscript, "%s/wheel_seed.py", SB_DEMO_DIR);
    char *seedargv[] = {"/usr/bin/python3", wscript, "--build", (char *)sbb_self_dir(), NULL};
    int wrc = sbb_run_worker(seedargv, NULL, 400.0, echo_line, NULL);
    if (wrc != 0) {
        printf("   FAIL: wheel_seed.py: %s\n", wrc == -2 ? "timed out" : "exit status != 0 (see above)");
        failed = 1;
    }

    /* 5. Speed against the peers */
    printf("\n4. Speed: GFLOP/s with %d threads (libraries without threads use one), ratio = SafeBLAS / peer\n\n",
           sbb_cpus_available());
    double g[8][NSPEED];
    int have[8] = {0};
    static sbb_libinfo info[8];
    memset(g, 0, sizeof g);
    for (int p = 0; p < sbb_npeers && p < 8; p++) {
        if (p > 0 && (!peers || access(sbb_peers[p].path, R_OK) != 0)) continue;
        char nm[64];
        snprintf(nm, sizeof nm, "%s", sbb_peers[p].name);
        sbb_libinfo_get(nm, p == 0 ? NULL : sbb_peers[p].path, 1, &info[p]);
        char *wargv[] = {(char *)sbb_self_exe(), "--speed-worker", nm,
                         p == 0 ? "self" : (char *)sbb_peers[p].path, NULL};
        sbb_env e;
        sbb_env_init(&e);
        sbb_env_threads(&e, sbb_cpus_available());
        sbb_libinfo_env(&info[p], &e);
        int rc = sbb_run_worker(wargv, e.v, 60.0, speed_line, g[p]);
        have[p] = 1;
        if (rc != 0) fprintf(stderr, "demo: %s speed worker: status %d\n", sbb_peers[p].name, rc);
    }
    printf("   | routine | n | SafeBLAS |");
    for (int p = 1; p < sbb_npeers; p++) if (have[p]) printf(" %s | ratio |", sbb_peers[p].name);
    printf("\n   |---|---:|---:|");
    for (int p = 1; p < sbb_npeers; p++) if (have[p]) printf("---:|---:|");
    printf("\n");
    for (int i = 0; i < NSPEED; i++) {
        char b[32];
        fmt(b, sizeof b, g[0][i]);
        printf("   | %s | %d | %s |", speed_rows[i].r, speed_rows[i].n, b);
        for (int p = 1; p < sbb_npeers; p++) {
            if (!have[p]) continue;
            fmt(b, sizeof b, g[p][i]);
            if (g[0][i] > 0 && g[p][i] > 0) printf(" %s | %.2f |", b, g[0][i] / g[p][i]);
            else printf(" %s | — |", b);
        }
        printf("\n");
    }
    printf("\n   Kernels:\n");
    for (int p = 0; p < sbb_npeers && p < 8; p++) {
        if (!have[p]) continue;
        char how[512];
        sbb_libinfo_how(&info[p], how, sizeof how);
        printf("   - %s: %s — %s\n", sbb_peers[p].name, info[p].kernel, info[p].error[0] ? info[p].error : how);
    }
    char present[512];
    sbb_overrides_present(present, sizeof present);
    if (present[0]) printf("   The peers ran without %s, set in this environment (SafeBLAS kept it).\n", present);
    for (int p = 1; p < sbb_npeers; p++)
        if (peers && !have[p]) printf("   (%s not installed: %s)\n", sbb_peers[p].name, sbb_peers[p].path);

    printf("\n%s (%.0f s)\n", failed ? "DEMO FAILED: see FAIL/HANG above" : "all checks passed",
           sbb_now() - t_start);
    return failed ? 1 : 0;
}

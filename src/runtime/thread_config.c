/* Thread configuration: environment, CPUs available, per-thread and global thread counts.
 * See thread_config.h. Lock-free: every piece of state is an atomic written by "first writer
 * wins" or by plain stores of whole values, so fork() can come at any moment. */
#define _GNU_SOURCE
#include "runtime/thread_config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SAFEBLAS_VERSION
#define SAFEBLAS_VERSION "unknown"
#endif

#include "kernels/kernels.h"
#include "runtime/cpu.h"

/* The kernel table's name and the CPU description, referenced weakly so that the runtime
 * still links (and says "unknown") in a build without those modules. */
#pragma weak sb_kernel_name
#pragma weak sb_kernel_reason
#pragma weak sb_cpu_description

#define SB_STR2(x) #x
#define SB_STR(x) SB_STR2(x)

/* ---- state ---- */
static atomic_int g_ncpu;          /* CPUs available, 0 = not computed */
static atomic_int g_default;       /* threads from the environment/CPUs, 0 = not computed */
static atomic_int g_threads;       /* the global setting, 0 = use g_default */
static atomic_int g_init_done;     /* first-use work (warnings, verbose print) claimed */
static _Atomic double g_threshold = -1.0;
static atomic_long g_spin_ns = -1;
static atomic_int g_fail_create = -2; /* -2 = not read */
static _Atomic(const char *) g_source = "the CPUs available"; /* where g_default came from */
static SB_TLS int tls_threads;

/* ---- CPUs available ---- */
static int affinity_cpus(void)
{
    for (size_t ncpu = 1024; ncpu <= (1u << 20); ncpu *= 4) {
        cpu_set_t *set = CPU_ALLOC(ncpu);
        if (!set) break;
        size_t sz = CPU_ALLOC_SIZE(ncpu);
        CPU_ZERO_S(sz, set);
        if (sched_getaffinity(0, sz, set) == 0) {
            int n = CPU_COUNT_S(sz, set);
            CPU_FREE(set);
            return n > 0 ? n : 1;
        }
        CPU_FREE(set);
        if (errno != EINVAL) break;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static int read_file(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "re");
    if (!f) return 0;
    size_t n = fread(buf, 1, len - 1, f);
    fclose(f);
    buf[n] = 0;
    return n > 0;
}

/* cgroup v2: the smallest cpu.max quota/period on the path from our cgroup to the root.
 * Returns the CPU count it allows (rounded up), or 0 when unlimited/unknown. */
static int cgroup2_cpus(const char *cgpath)
{
    char dir[PATH_MAX], buf[128];
    int best = 0;
    snprintf(dir, sizeof dir, "/sys/fs/cgroup%s", cgpath);
    for (;;) {
        char file[PATH_MAX + 16];
        snprintf(file, sizeof file, "%s/cpu.max", dir);
        if (read_file(file, buf, sizeof buf)) {
            long long quota, period;
            if (strncmp(buf, "max", 3) != 0 && sscanf(buf, "%lld %lld", &quota, &period) == 2 && quota > 0 &&
                period > 0) {
                long long n = (quota + period - 1) / period;
                if (n < 1) n = 1;
                if (n < INT_MAX && (best == 0 || n < best)) best = (int)n;
            }
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash - dir < (long)strlen("/sys/fs/cgroup")) break;
        *slash = 0;
    }
    return best;
}

/* cgroup v1: cpu.cfs_quota_us / cpu.cfs_period_us of our cpu cgroup (or the mount's root). */
static int cgroup1_cpus(const char *cgpath)
{
    static const char *const mounts[] = {"/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct",
                                         "/sys/fs/cgroup/cpuacct,cpu"};
    char file[PATH_MAX + 64], buf[64];
    for (size_t m = 0; m < sizeof mounts / sizeof mounts[0]; m++) {
        for (int pass = 0; pass < 2; pass++) {
            const char *p = pass == 0 ? cgpath : "";
            long long quota, period;
            snprintf(file, sizeof file, "%s%s/cpu.cfs_quota_us", mounts[m], p);
            if (!read_file(file, buf, sizeof buf) || sscanf(buf, "%lld", &quota) != 1) continue;
            snprintf(file, sizeof file, "%s%s/cpu.cfs_period_us", mounts[m], p);
            if (!read_file(file, buf, sizeof buf) || sscanf(buf, "%lld", &period) != 1) continue;
            if (quota <= 0 || period <= 0) return 0;
            long long n = (quota + period - 1) / period;
            return n < 1 ? 1 : n < INT_MAX ? (int)n : 0;
        }
    }
    return 0;
}

static int cgroup_cpus(void)
{
    FILE *f = fopen("/proc/self/cgroup", "re");
    if (!f) return 0;
    char line[PATH_MAX + 64];
    int v1 = 0, v2 = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *c1 = strchr(line, ':');
        char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2) continue;
        const char *path = c2 + 1;
        if (strcmp(path, "/") == 0) path = "";
        *c2 = 0;
        const char *ctrls = c1 + 1;
        if (strncmp(line, "0:", 2) == 0 && *ctrls == 0) {
            int n = cgroup2_cpus(path);
            if (n > 0 && (v2 == 0 || n < v2)) v2 = n;
        } else {
            /* controllers are comma-separated; look for "cpu" exactly */
            char tmp[256];
            snprintf(tmp, sizeof tmp, ",%s,", ctrls);
            if (strstr(tmp, ",cpu,")) {
                int n = cgroup1_cpus(path);
                if (n > 0 && (v1 == 0 || n < v1)) v1 = n;
            }
        }
    }
    fclose(f);
    if (v1 && v2) return v1 < v2 ? v1 : v2;
    return v1 ? v1 : v2;
}

int sb_cpus_available(void)
{
    int n = atomic_load_explicit(&g_ncpu, memory_order_acquire);
    if (n > 0) return n;
    n = affinity_cpus();
    int q = cgroup_cpus();
    if (q > 0 && q < n) n = q;
    if (n < 1) n = 1;
    int expected = 0;
    atomic_compare_exchange_strong(&g_ncpu, &expected, n);
    return atomic_load(&g_ncpu);
}

/* ---- environment ---- */
/* Parse a thread count. Returns the count (1..SB_MAX_THREADS) or 0 with *why set. A list
 * ("4,2", as OMP_NUM_THREADS allows) counts by its first entry when allow_list is set. */
static int parse_threads(const char *s, int allow_list, const char **why)
{
    while (isspace((unsigned char)*s)) s++;
    if (*s == 0) {
        *why = "it is empty";
        return 0;
    }
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s) {
        *why = "it is not a number";
        return 0;
    }
    while (isspace((unsigned char)*end)) end++;
    if (*end != 0 && !(allow_list && *end == ',')) {
        *why = "it is not a whole number";
        return 0;
    }
    if (v < 1) {
        *why = "it is less than 1";
        return 0;
    }
    if (errno == ERANGE || v > SB_MAX_THREADS) {
        *why = "it is larger than " SB_STR(SB_MAX_THREADS);
        return 0;
    }
    return (int)v;
}

static const char *const env_names[] = {"SAFEBLAS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"};

/* The ranks of one MPI job on this node (1 outside MPI), from the variables Open MPI, MPICH and
 * MVAPICH set in every rank. */
static int mpi_local_ranks(void)
{
    static const char *const names[] = {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS", "MV2_COMM_WORLD_LOCAL_SIZE"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        char *end;
        long n = v ? strtol(v, &end, 10) : 0;
        if (v && end != v && *end == 0 && n >= 1 && n <= 1 << 20) return (int)n;
    }
    return 1;
}

/* Without a thread count in the environment, L local MPI ranks share the node: each rank takes
 * its share of the CPUs it may use, so that `mpirun -np 4` on 2 CPUs does not run 4 x 2 threads.
 * ceil(L * cpus / online) ranks are estimated to share this rank's CPUs: 1 when each rank is
 * bound to its own cores, L when none is bound. */
static int mpi_share(int cpus, int local)
{
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    if (online < cpus) online = cpus;
    long sharers = ((long)local * cpus + online - 1) / online;
    if (sharers < 1) sharers = 1;
    if (sharers > local) sharers = local;
    return cpus / sharers > 1 ? (int)(cpus / sharers) : 1;
}

/* The default thread count; warnings only when `warn` (the first-use pass). */
static int env_default(int warn)
{
    int result = 0;
    const char *source = "the CPUs available";
    const char *bad_name[3], *bad_val[3], *bad_why[3];
    int nbad = 0;
    for (int i = 0; i < 3 && result == 0; i++) {
        const char *v = getenv(env_names[i]);
        if (!v) continue;
        const char *why = "";
        int n = parse_threads(v, i == 2, &why);
        if (n > 0) {
            result = n;
            source = env_names[i];
        } else {
            bad_name[nbad] = env_names[i];
            bad_val[nbad] = v;
            bad_why[nbad] = why;
            nbad++;
        }
    }
    if (result == 0) {
        int local = mpi_local_ranks();
        result = sb_cpus_available();
        if (local > 1) {
            result = mpi_share(result, local);
            source = "the CPUs available, shared by the MPI ranks on this node";
        }
    }
    if (warn) {
        atomic_store(&g_source, source);
        for (int i = 0; i < nbad; i++)
            fprintf(stderr,
                    "SafeBLAS: warning: ignoring %s=\"%.40s\" (%s; expected a whole number from 1 to %d); "
                    "using %d thread%s (%s)\n",
                    bad_name[i], bad_val[i], bad_why[i], SB_MAX_THREADS, result, result == 1 ? "" : "s",
                    source);
    }
    return result;
}

static double env_double(const char *name, double dflt, double lo, double hi)
{
    const char *v = getenv(name);
    if (!v || !*v) return dflt;
    char *end;
    double d = strtod(v, &end);
    while (isspace((unsigned char)*end)) end++;
    if (end == v || *end || !(d >= lo && d <= hi)) {
        fprintf(stderr, "SafeBLAS: warning: ignoring %s=\"%.40s\" (expected a number from %g to %g)\n", name, v,
                lo, hi);
        return dflt;
    }
    return d;
}

static void print_config(void)
{
    char buf[512];
    sb_config_describe(buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
}

void sb_config_init(void)
{
    if (atomic_load_explicit(&g_default, memory_order_acquire) > 0) return;
    int first = atomic_exchange(&g_init_done, 1) == 0;
    int n = env_default(first);
    int expected = 0;
    atomic_compare_exchange_strong(&g_default, &expected, n);
    if (first) {
        (void)sb_config_parallel_threshold();
        (void)sb_config_spin_ns();
        const char *v = getenv("SAFEBLAS_VERBOSE");
        if (v && *v && strcmp(v, "0") != 0) print_config();
    }
}

int sb_config_threads_global(void)
{
    sb_config_init();
    int n = atomic_load_explicit(&g_threads, memory_order_relaxed);
    return n > 0 ? n : atomic_load_explicit(&g_default, memory_order_relaxed);
}

int sb_config_threads(void)
{
    int n = tls_threads;
    return n > 0 ? n : sb_config_threads_global();
}

void sb_config_set_threads(int n)
{
    sb_config_init();
    if (n > SB_MAX_THREADS) n = SB_MAX_THREADS;
    atomic_store(&g_threads, n < 1 ? 0 : n);
}

int sb_config_set_threads_local(int n)
{
    int prev = tls_threads;
    if (n > SB_MAX_THREADS) n = SB_MAX_THREADS;
    tls_threads = n < 1 ? 0 : n;
    return prev;
}

double sb_config_parallel_threshold(void)
{
    double t = atomic_load_explicit(&g_threshold, memory_order_relaxed);
    if (t >= 0) return t;
    t = env_double("SAFEBLAS_PARALLEL_THRESHOLD", SB_DEFAULT_PARALLEL_THRESHOLD, 0, 1e18);
    atomic_store(&g_threshold, t);
    return t;
}

long sb_config_spin_ns(void)
{
    long s = atomic_load_explicit(&g_spin_ns, memory_order_relaxed);
    if (s >= 0) return s;
    s = (long)(env_double("SAFEBLAS_SPIN_US", 50, 0, 10000) * 1000.0);
    atomic_store(&g_spin_ns, s);
    return s;
}

int sb_config_fail_create_after(void)
{
    int k = atomic_load_explicit(&g_fail_create, memory_order_relaxed);
    if (k != -2) return k;
    const char *v = getenv("SAFEBLAS_TEST_FAIL_THREAD_CREATE");
    k = v && *v ? atoi(v) : -1;
    if (k < -1) k = -1;
    atomic_store(&g_fail_create, k);
    return k;
}

const char *sb_config_kernel_name(void)
{
    const char *k = sb_kernel_name ? sb_kernel_name() : NULL;
    return k && *k ? k : "generic";
}

void sb_config_describe(char *buf, size_t len)
{
    sb_config_init();
    const char *cpu = sb_cpu_description ? sb_cpu_description() : NULL;
    int global = sb_config_threads_global();
    int mine = sb_config_threads();
    const char *why = sb_kernel_reason ? sb_kernel_reason() : NULL;
    char local[48] = "";
    if (mine != global) snprintf(local, sizeof local, ", %d on this thread", mine);
    snprintf(buf, len,
             "SafeBLAS %s: cpu %s; kernels %s (%s); threads %d%s (%s; %d CPUs available); "
             "pthreads pool, fork-safe",
             SAFEBLAS_VERSION, cpu && *cpu ? cpu : "unknown", sb_config_kernel_name(), why && *why ? why : "default",
             global, local,
             atomic_load_explicit(&g_threads, memory_order_relaxed) > 0 ? "set by the program" : atomic_load(&g_source),
             sb_cpus_available());
}

void sb_config_atfork_child(void)
{
    /* Nothing: the configuration holds no locks and no thread ids. */
}

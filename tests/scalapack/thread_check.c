/* One MPI rank's view of SafeBLAS's thread count (run under mpirun by thread_check.py; it is not
 * an MPI program, so it runs under any launcher). Prints one line:
 *
 *   RANK r LOCAL_RANK l LOCAL_SIZE n AFFINITY a CPUS_ONLINE o PROCS p THREADS t TASKS_BEFORE b
 *   TASKS_AFTER c CONFIG <safeblas_get_config()>
 *
 * a = CPUs in this process's affinity mask, p = openblas_get_num_procs() (what SafeBLAS thinks
 * it may use), t = safeblas_get_num_threads(), b/c = threads in /proc/self/task before and after
 * a dgemm big enough to use the whole pool (so c - b is the workers SafeBLAS really started). */
#define _GNU_SOURCE
#include <dirent.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "safeblas.h"

void dgemm_(const char *ta, const char *tb, const safeblas_int *m, const safeblas_int *n, const safeblas_int *k,
            const double *alpha, const double *a, const safeblas_int *lda, const double *b, const safeblas_int *ldb,
            const double *beta, double *c, const safeblas_int *ldc);

static int count_tasks(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n;
}

static const char *env_or(const char *name, const char *dflt)
{
    const char *v = getenv(name);
    return v && *v ? v : dflt;
}

int main(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    int aff = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : -1;
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    int before = count_tasks();

    safeblas_int n = 384;
    double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n),
           *c = malloc(sizeof(double) * n * n);
    if (!a || !b || !c) return 2;
    for (long i = 0; i < (long)n * n; i++) {
        a[i] = (double)(i % 7) - 3;
        b[i] = (double)(i % 5) - 2;
        c[i] = 0;
    }
    double one = 1, zero = 0;
    dgemm_("N", "N", &n, &n, &n, &one, a, &n, b, &n, &zero, c, &n);
    int after = count_tasks();

    printf("RANK %s LOCAL_RANK %s LOCAL_SIZE %s AFFINITY %d CPUS_ONLINE %ld PROCS %d THREADS %d TASKS_BEFORE %d "
           "TASKS_AFTER %d CONFIG %s\n",
           env_or("OMPI_COMM_WORLD_RANK", "?"), env_or("OMPI_COMM_WORLD_LOCAL_RANK", "?"),
           env_or("OMPI_COMM_WORLD_LOCAL_SIZE", "?"), aff, online, openblas_get_num_procs(),
           safeblas_get_num_threads(), before, after, safeblas_get_config());
    free(a);
    free(b);
    free(c);
    return 0;
}

/* The LAPACK part of safeblas-bench: dgetrf and dpotrf against the same library's dgemm, and
 * numpy's inv under /usr/bin/python3 (see sbb_lapack.h). */
#define _GNU_SOURCE
#include "sbb_lapack.h"

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*getrf_fn)(const sbb_int *, const sbb_int *, double *, const sbb_int *, sbb_int *, sbb_int *);
typedef void (*potrf_fn)(const char *, const sbb_int *, double *, const sbb_int *, sbb_int *, size_t);

double sbb_lapack_flops(const char *r, int n)
{
    double d = (double)n;
    if (!strcmp(r, "dgemm")) return 2.0 * d * d * d;
    if (!strcmp(r, "dgetrf")) return 2.0 / 3.0 * d * d * d - 0.5 * d * d + 5.0 / 6.0 * d;
    if (!strcmp(r, "dpotrf")) return d * d * d / 3.0 + 0.5 * d * d + d / 6.0;
    return 0.0;
}

double sbb_lapack_gflops(void *handle, const char *r, int n, double budget_s, double max_call_s,
                         double est_gflops)
{
    void *fn = dlsym(handle, !strcmp(r, "dgemm") ? "dgemm_" : !strcmp(r, "dgetrf") ? "dgetrf_" : "dpotrf_");
    if (!fn) return -1.0;
    double flops = sbb_lapack_flops(r, n);
    if (est_gflops > 0 && flops / (est_gflops * 1e9) > max_call_s) return -2.0;
    size_t nn = (size_t)n * (size_t)n;
    double *a0 = malloc(nn * 8), *a = malloc(nn * 8), *b = malloc(nn * 8);
    sbb_int *ipiv = malloc((size_t)n * sizeof(sbb_int));
    if (!a0 || !a || !b || !ipiv) {
        free(a0); free(a); free(b); free(ipiv);
        return -3.0;
    }
    sbb_fill(a0, nn, 11);
    sbb_fill(b, nn, 12);
    if (!strcmp(r, "dpotrf")) /* symmetric, diagonally dominant: positive definite */
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) a0[i + (size_t)j * n] = a0[j + (size_t)i * n];
            a0[j + (size_t)j * n] = fabs(a0[j + (size_t)j * n]) + (double)n;
        }
    const sbb_int N = n;
    const double one = 1.0, zero = 0.0;
    double best = INFINITY, start = sbb_now();
    int samples = 0, bad = 0;
    do {
        sbb_int info = 0;
        if (strcmp(r, "dgemm")) memcpy(a, a0, nn * 8); /* n^2, outside the timed call */
        double s = sbb_now();
        if (!strcmp(r, "dgemm"))
            ((sbb_gemm_fn)fn)("N", "N", &N, &N, &N, &one, a0, &N, b, &N, &zero, a, &N, 1, 1);
        else if (!strcmp(r, "dgetrf")) ((getrf_fn)fn)(&N, &N, a, &N, ipiv, &info);
        else ((potrf_fn)fn)("L", &N, a, &N, &info, 1);
        double t = sbb_now() - s;
        if (info != 0) bad = 1;
        if (t < best) best = t;
        samples++;
        /* one call beyond max_call_s: stop after it */
        if (t > max_call_s) break;
    } while ((sbb_now() - start < budget_s && samples < 200) || samples < 2);
    free(a0); free(a); free(b); free(ipiv);
    if (bad) return -3.0;
    return flops / best / 1e9;
}

/* numpy.linalg.inv, best of repeated calls, in ms; the BLAS the process mapped. */
const char *sbb_numpy_script =
    "import sys, time, numpy as np\n"
    "sizes = [int(x) for x in sys.argv[1:]]\n"
    "rng = np.random.default_rng(5)\n"
    "for n in sizes:\n"
    "    a = rng.standard_normal((n, n))\n"
    "    np.linalg.inv(a)\n"
    "    best = 1e9; t0 = time.perf_counter(); k = 0\n"
    "    while k < 3 or (time.perf_counter() - t0 < (1.0 if n < 1000 else 3.0) and k < 2000):\n"
    "        s = time.perf_counter(); x = np.linalg.inv(a); best = min(best, time.perf_counter() - s); k += 1\n"
    "    err = np.abs(a @ x - np.eye(n)).max()\n"
    "    print('N %d %.4f %d %.3g' % (n, best * 1e3, k, err), flush=True)\n"
    "libs = set()\n"
    "for line in open('/proc/self/maps'):\n"
    "    p = line.split()[-1]\n"
    "    if ('blas' in p or 'lapack' in p) and p.startswith('/'): libs.add(p)\n"
    "print('M ' + ' '.join(sorted(libs)), flush=True)\n";

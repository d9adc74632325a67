/* The FMA peak loops (see sbb_peak.h). Written in inline assembly so that the measured loop is
 * exactly N independent register-to-register FMAs per iteration whatever the compiler and its
 * optimisation level; each variant is a function with its own target attribute and only runs
 * after sbb_cpu_get() said the CPU and the OS support it. Enough accumulators to cover FMA
 * latency (4-5 cycles) x 2 FMA ports with room to spare: 12 ymm (of the 16 VEX registers), 24 zmm
 * (of 32). The accumulators grow by 1e-9 per FMA: no overflow, no subnormals. */
#define _GNU_SOURCE
#include "sbb_peak.h"
#include "sbb_common.h"
#include "sbb_cpu.h"

#include <pthread.h>
#include <stdlib.h>

static const double kd[2] = {0.999999, 1e-9};
static const float kf[2] = {0.999999f, 1e-9f};

#define A1(op, r, i) op " %%" r "14, %%" r "15, %%" r #i "\n\t"
#define A12(op, r) A1(op, r, 0) A1(op, r, 1) A1(op, r, 2) A1(op, r, 3) A1(op, r, 4) A1(op, r, 5) \
    A1(op, r, 6) A1(op, r, 7) A1(op, r, 8) A1(op, r, 9) A1(op, r, 10) A1(op, r, 11)
#define X1(op, r, i) op " %%" r #i ", %%" r #i ", %%" r #i "\n\t" /* zero register i */
#define X12(op, r) X1(op, r, 0) X1(op, r, 1) X1(op, r, 2) X1(op, r, 3) X1(op, r, 4) X1(op, r, 5) \
    X1(op, r, 6) X1(op, r, 7) X1(op, r, 8) X1(op, r, 9) X1(op, r, 10) X1(op, r, 11)
#define X24(op) X12(op, "zmm") X1(op, "zmm", 12) X1(op, "zmm", 13) X1(op, "zmm", 14) X1(op, "zmm", 15) \
    X1(op, "zmm", 16) X1(op, "zmm", 17) X1(op, "zmm", 18) X1(op, "zmm", 19) X1(op, "zmm", 20) \
    X1(op, "zmm", 21) X1(op, "zmm", 22) X1(op, "zmm", 23)
#define Z1(op, i) op " %%zmm30, %%zmm31, %%zmm" #i "\n\t"
#define Z24(op) Z1(op, 0) Z1(op, 1) Z1(op, 2) Z1(op, 3) Z1(op, 4) Z1(op, 5) Z1(op, 6) Z1(op, 7) \
    Z1(op, 8) Z1(op, 9) Z1(op, 10) Z1(op, 11) Z1(op, 12) Z1(op, 13) Z1(op, 14) Z1(op, 15) Z1(op, 16) \
    Z1(op, 17) Z1(op, 18) Z1(op, 19) Z1(op, 20) Z1(op, 21) Z1(op, 22) Z1(op, 23)
#define YMM_CLOBBERS "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", \
    "xmm10", "xmm11", "xmm14", "xmm15", "cc"
#define ZMM_CLOBBERS "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", \
    "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", \
    "xmm21", "xmm22", "xmm23", "xmm30", "xmm31", "cc"

/* Each returns the flops it did: iterations x FMAs x lanes x 2. */
__attribute__((target("avx2,fma"), noinline)) static double ymm_pd(long it)
{
    long n = it;
    __asm__ volatile("vbroadcastsd %1, %%ymm14\n\tvbroadcastsd %2, %%ymm15\n\t"
                     X12("vxorpd", "ymm")
                     "1:\n\t" A12("vfmadd231pd", "ymm") "dec %0\n\tjnz 1b\n\tvzeroupper\n\t"
                     : "+r"(n) : "m"(kd[0]), "m"(kd[1]) : YMM_CLOBBERS);
    return (double)it * 12 * 4 * 2;
}

__attribute__((target("avx2,fma"), noinline)) static double ymm_ps(long it)
{
    long n = it;
    __asm__ volatile("vbroadcastss %1, %%ymm14\n\tvbroadcastss %2, %%ymm15\n\t"
                     X12("vxorps", "ymm")
                     "1:\n\t" A12("vfmadd231ps", "ymm") "dec %0\n\tjnz 1b\n\tvzeroupper\n\t"
                     : "+r"(n) : "m"(kf[0]), "m"(kf[1]) : YMM_CLOBBERS);
    return (double)it * 12 * 8 * 2;
}

/* vpxord (AVX-512F) zeroes: vxorpd on zmm would need AVX-512DQ. */
__attribute__((target("avx512f"), noinline)) static double zmm_pd(long it)
{
    long n = it;
    __asm__ volatile("vbroadcastsd %1, %%zmm30\n\tvbroadcastsd %2, %%zmm31\n\t"
                     X24("vpxord")
                     "1:\n\t" Z24("vfmadd231pd") "dec %0\n\tjnz 1b\n\tvzeroupper\n\t"
                     : "+r"(n) : "m"(kd[0]), "m"(kd[1]) : ZMM_CLOBBERS);
    return (double)it * 24 * 8 * 2;
}

__attribute__((target("avx512f"), noinline)) static double zmm_ps(long it)
{
    long n = it;
    __asm__ volatile("vbroadcastss %1, %%zmm30\n\tvbroadcastss %2, %%zmm31\n\t"
                     X24("vpxord")
                     "1:\n\t" Z24("vfmadd231ps") "dec %0\n\tjnz 1b\n\tvzeroupper\n\t"
                     : "+r"(n) : "m"(kf[0]), "m"(kf[1]) : ZMM_CLOBBERS);
    return (double)it * 24 * 16 * 2;
}

typedef double (*loop_fn)(long);

/* Best GFLOP/s of slices of about 1 ms within `seconds`: short enough that on a busy machine
 * some slices run between two preemptions, long enough for the clock to resolve. */
static double rate(loop_fn f, double seconds)
{
    long it = 100;
    for (;;) { /* calibrate: a slice of at least 1 ms */
        double s = sbb_now();
        f(it);
        if (sbb_now() - s >= 0.001 || it > (1L << 40)) break;
        it *= 2;
    }
    for (double s = sbb_now(); sbb_now() - s < 0.02;) f(it); /* wake the vector units up */
    double best = 0.0, start = sbb_now();
    do {
        double s = sbb_now();
        double flops = f(it);
        double g = flops / (sbb_now() - s) / 1e9;
        if (g > best) best = g;
    } while (sbb_now() - start < seconds);
    return best;
}

typedef struct {
    loop_fn f;
    double seconds, g;
} job_t;

static void *run_job(void *p)
{
    job_t *j = p;
    j->g = rate(j->f, j->seconds);
    return NULL;
}

void sbb_peak_measure(sbb_peak *p, double seconds)
{
    const sbb_cpu *c = sbb_cpu_get();
    *p = (sbb_peak){0};
    if (c->level >= SBB_ISA_AVX2) {
        p->ymm_dp = rate(ymm_pd, seconds);
        p->ymm_sp = rate(ymm_ps, seconds);
    }
    if (c->avx512f && c->os_zmm) {
        p->zmm_dp = rate(zmm_pd, seconds);
        p->zmm_sp = rate(zmm_ps, seconds);
    }
    /* every CPU at once: tells whether threads share FMA units (SMT siblings under a hypervisor) */
    loop_fn widest = p->zmm_dp > p->ymm_dp ? zmm_pd : p->ymm_dp > 0 ? ymm_pd : NULL;
    int nt = sbb_cpus_available();
    if (!widest || nt < 2) return;
    job_t *jobs = calloc((size_t)nt, sizeof *jobs);
    pthread_t *tid = calloc((size_t)nt, sizeof *tid);
    int started = 0;
    for (int i = 0; i < nt; i++) {
        jobs[i] = (job_t){widest, seconds, 0.0};
        if (pthread_create(&tid[i], NULL, run_job, &jobs[i]) != 0) break;
        started++;
    }
    for (int i = 0; i < started; i++) {
        pthread_join(tid[i], NULL);
        p->all_dp += jobs[i].g;
    }
    p->all_threads = started;
    free(jobs);
    free(tid);
}

void sbb_peak_keep_best(sbb_peak *p, const sbb_peak *q)
{
    if (q->ymm_dp > p->ymm_dp) p->ymm_dp = q->ymm_dp;
    if (q->ymm_sp > p->ymm_sp) p->ymm_sp = q->ymm_sp;
    if (q->zmm_dp > p->zmm_dp) p->zmm_dp = q->zmm_dp;
    if (q->zmm_sp > p->zmm_sp) p->zmm_sp = q->zmm_sp;
    if (q->all_dp > p->all_dp) {
        p->all_dp = q->all_dp;
        p->all_threads = q->all_threads;
    }
}

double sbb_peak_dp(const sbb_peak *p) { return p->zmm_dp > p->ymm_dp ? p->zmm_dp : p->ymm_dp; }
double sbb_peak_sp(const sbb_peak *p) { return p->zmm_sp > p->ymm_sp ? p->zmm_sp : p->ymm_sp; }

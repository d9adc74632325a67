/* The machine's FMA peak, measured: a register-resident loop of independent FMAs (no loads, no
 * dependency chain shorter than latency x ports), ymm (AVX2+FMA) and, where the CPU and the OS
 * allow it, zmm (AVX-512F). GFLOP/s per thread, double and single precision. */
#ifndef SBB_PEAK_H
#define SBB_PEAK_H

typedef struct {
    double ymm_dp, ymm_sp; /* one thread; 0: the CPU cannot run it */
    double zmm_dp, zmm_sp;
    double all_dp;         /* every available CPU running the widest loop at once, DP, total */
    int all_threads;
} sbb_peak;

/* About `seconds` per variant (best of several slices). */
void sbb_peak_measure(sbb_peak *p, double seconds);

/* Keeps in p the higher of p's and q's figure for each variant: the peak measured more than once
 * (a busy machine only ever lowers it). */
void sbb_peak_keep_best(sbb_peak *p, const sbb_peak *q);

/* The highest of ymm/zmm, per thread: what level-3 rows are compared with. */
double sbb_peak_dp(const sbb_peak *p);
double sbb_peak_sp(const sbb_peak *p);

#endif

/* Every peer at its best: the environment its worker processes get, the kernel it runs, and how
 * that kernel was chosen. Shared by safeblas-bench and safeblas-demo.
 *
 * A peer runs without the variables through which a user, or a machine's profile, overrides its
 * own choice of kernel, cache sizes or thread layout (OPENBLAS_CORETYPE=Haswell on an AVX-512
 * machine halves OpenBLAS). SafeBLAS keeps the environment it was given.
 *
 * Where a peer's own detection falls short of the CPU (OpenBLAS 0.3.21 does not know newer Intel
 * models and falls back to its SSE3 "Prescott" kernels; BLIS 0.9 takes "haswell" on Xeons whose
 * FMA unit count it cannot tell), the kernel it has for the CPU's vector level is tried as well
 * (dgemm n = 512, one thread, twice each, alternately) and kept if it is faster; the report says
 * so, with both rates. */
#ifndef SBB_PEERS_H
#define SBB_PEERS_H

#include "sbb_common.h"

typedef struct {
    char kernel[64];      /* the kernel the measurements run with ("n/a": the library cannot tell) */
    char own[64];         /* the kernel the library picks itself, environment cleaned */
    char set[96];         /* "" or the VAR=VALUE the benchmark adds to get `kernel` */
    char tried[64];       /* the kernel tried against `own` ("": none was) */
    double own_g, set_g;  /* the probe that decided: own, tried (dgemm n = 512, GFLOP/s) */
    char version[640];    /* openblas_get_config(), safeblas_get_config(), BLIS version */
    char served_by[512];  /* the file that serves dgemm_ */
    char error[200];      /* the library would not load, the worker failed */
    int is_peer;
} sbb_libinfo;

/* Fills *out: runs this program as a kernel worker (see sbb_kernel_worker_main) once or a few
 * times. name: "SafeBLAS" keeps the environment, any other name is a peer. path NULL: the
 * SafeBLAS this program is linked with. probe: 0 takes the peer's own kernel without trying. */
void sbb_libinfo_get(const char *name, const char *path, int probe, sbb_libinfo *out);

/* Adds to e what every worker process of this library needs besides its thread count: for a
 * peer, the removal of each override variable and the benchmark's setting if any. */
void sbb_libinfo_env(const sbb_libinfo *info, sbb_env *e);

/* Run this program as a worker for one library: "--worker MODE NAME PATH [--quick]" (PATH NULL:
 * "self", the SafeBLAS the benchmark loads), with `threads` in every thread-count variable and the
 * library's environment (info, may be NULL); "bench: NAME MODE T threads ... S s" on stderr; every
 * stdout line goes to on_line. A timeout or a failed worker is described in note (when empty).
 * Returns sbb_run_worker's status. */
int sbb_run_lib_worker(const char *mode, const char *name, const char *path, const sbb_libinfo *info, int threads,
                       int quick, double timeout_s, void (*on_line)(const char *line, void *ctx), void *ctx,
                       char *note, size_t notelen);

/* How the kernel was chosen, for the report: "its own detection", "set for this run
 * (OPENBLAS_CORETYPE=Cooperlake): its own choice, Prescott, ran dgemm n = 512 at 16.3 GFLOP/s,
 * Cooperlake at 68.2", ... */
void sbb_libinfo_how(const sbb_libinfo *info, char *buf, size_t len);

/* "OPENBLAS_CORETYPE=Haswell, OPENBLAS_L2_SIZE=..." (the override variables set in this process,
 * which the peers run without), or "" when none is set. */
void sbb_overrides_present(char *buf, size_t len);
/* The names of all of them, comma separated, for the report. */
const char *sbb_overrides_list(void);

/* The kernel worker: "--kernel-worker NAME PATH [--force-check] [--rate]" (PATH "self": the
 * linked SafeBLAS). Prints "K version ...", "K served_by ...", "K kernel NAME"; with --force-check,
 * where the library took a kernel for a lower vector level than the CPU's and can be told
 * otherwise, "K force VAR=VALUE NAME"; with --rate "K gflops G" (dgemm n = 512). Returns the exit
 * status. */
int sbb_kernel_worker_main(int argc, char **argv);

#endif

/* CPU detection (plain C, compiled once): vendor, family/model, the instruction sets the CPU
 * has AND the operating system enables (XSAVE/XGETBV check), and cache sizes from cpuid.
 * Detected once (thread-safe), then read-only. Only src/kernels/ decides anything from it; the
 * runtime uses sb_cpu_description() for the configuration printout. */
#ifndef SB_RUNTIME_CPU_H
#define SB_RUNTIME_CPU_H

typedef struct {
    char vendor[13];   /* "GenuineIntel", "AuthenticAMD", ... */
    char brand[49];    /* processor brand string, blanks trimmed; may be empty */
    int family, model, stepping; /* display family/model (extended fields folded in) */
    int has_sse2, has_avx, has_fma, has_avx2;
    int has_avx512f, has_avx512dq, has_avx512bw, has_avx512vl;
    int os_avx;        /* OS saves YMM state (XCR0 bits 1,2) */
    int os_avx512;     /* OS saves ZMM/opmask state (XCR0 bits 5,6,7) */
    long l1d, l2, l3;  /* data/unified cache sizes in bytes per cache instance, 0 when unknown */
    int cache_line;    /* bytes, 64 when unknown */
} sb_cpu_info;

/* The detected CPU (never NULL). */
const sb_cpu_info *sb_cpu(void);

/* Usable instruction sets: the CPU has them and the OS saves their registers. */
int sb_cpu_can_avx2(void);   /* AVX2 + FMA + OS YMM support */
int sb_cpu_can_avx512(void); /* AVX-512 F/DQ/BW/VL + OS ZMM support */

/* One line for the configuration printout, e.g.
 * "AMD EPYC (AuthenticAMD family 25 model 17) AVX2 FMA; L1d 32 KiB, L2 1024 KiB, L3 32768 KiB". */
const char *sb_cpu_description(void);

#endif

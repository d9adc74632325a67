/* What the CPU is and which vector instructions this process may use: CPUID for the features,
 * XGETBV for the register state the OS saves (a CPU with AVX-512F under an OS or hypervisor that
 * does not enable zmm state cannot run zmm code). Shared by safeblas-bench and safeblas-demo. */
#ifndef SBB_CPU_H
#define SBB_CPU_H

#include <stddef.h>

/* The widest vector level usable here, in order. */
enum { SBB_ISA_SSE, SBB_ISA_AVX, SBB_ISA_AVX2, SBB_ISA_AVX512 };

typedef struct {
    char model[128];  /* "model name" from /proc/cpuinfo */
    char vendor[16];  /* "GenuineIntel", "AuthenticAMD" */
    int family, model_id, stepping;
    int avx, fma, avx2, avx512f, avx512dq, avx512bw, avx512vl, avx512cd, avx512_bf16, avx512_fp16;
    int os_ymm, os_zmm; /* XCR0 enables ymm (bits 1-2), zmm and mask registers (bits 5-7) */
    int level;          /* SBB_ISA_*: AVX-512 = F+DQ+BW+VL with zmm state; AVX2 = AVX2+FMA with ymm */
} sbb_cpu;

const sbb_cpu *sbb_cpu_get(void); /* filled on first use */

/* "GenuineIntel family 6 model 207 stepping 2; AVX AVX2 FMA AVX-512F/DQ/BW/VL/CD/BF16/FP16;
 * OS: ymm and zmm state enabled" */
void sbb_cpu_describe(char *buf, size_t len);

/* A short name for result files: "intel-xeon-family6-model207-2cpu". */
void sbb_cpu_slug(char *buf, size_t len);

#endif

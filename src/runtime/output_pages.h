/* Outputs still shared copy-on-write with another process after fork() (issue 12).
 *
 * After a fork, parent and child share every page of private memory until one of them writes
 * it. The first write copies the page, and when other threads of the writing process run on
 * other CPUs the kernel must also flush the old mapping from their TLBs: an interrupt to each of
 * those CPUs. Measured on the Xeon 6 model 207 (2 vCPUs, KVM): about 22 µs a page written by
 * two threads against 3.7 µs by one, so the first dgemm n = 256 into a C made before the fork,
 * with the child still alive, took 3.1 ms on 2 threads against 0.9 ms on one (n = 1000: 40 ms
 * against 33). The parallel runner therefore asks, before it hands out the parts of a job that
 * writes a matrix, whether the matrix's first page is still shared; if it is, the calling
 * thread alone makes the matrix's pages private in one madvise(MADV_POPULATE_WRITE), which
 * copies them as the writes would (the contents are unchanged) while no other thread of the
 * process is running the job: the same dgemm then took 0.5-0.6 ms on 2 threads.
 *
 * The question is one read of /proc/self/pagemap (present, anonymous, not mapped by another
 * process), asked only in a process that has forked or been forked since the library was
 * loaded: a program that never forks pays one load of a flag. Where pagemap cannot be read
 * or the kernel refuses the advice, the writes copy the pages as before. */
#ifndef SB_OUTPUT_PAGES_H
#define SB_OUTPUT_PAGES_H

#include <stddef.h>

/* A column-major matrix a job writes: m x n elements of elem bytes, ld elements apart. */
typedef struct {
    void *p;
    size_t elem;
    long m, n, ld;
} sb_output;

/* Make out's pages private to this process if its first page is still shared after a fork. */
void sb_output_make_private(const sb_output *out);

#endif

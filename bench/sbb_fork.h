/* The fork section of safeblas-bench: what fork() costs a program that keeps computing with a
 * library's threads (issues 3 and 12), at 2 and 16 threads, for SafeBLAS and the threaded peers.
 *
 * Measured in one worker process per library and thread count, each figure the best of 15
 * (quick) or 41 samples, against baselines taken in the same process:
 *  - fork + waitpid before the library is loaded, after it is loaded (no call yet), and after
 *    parallel calls (the pool's threads exist): the goal is after / loaded <= 1.2;
 *  - fork + waitpid in a copy of the process without a library that runs as many idle threads of
 *    its own as the library's pool (the price of threads themselves, glibc's and the kernel's);
 *  - dgemm (n = 256) alone, fork + waitpid + that dgemm, and fork + waitpid + writing the same
 *    C pages without BLAS (C's own copy-on-write): goal (fork+dgemm - dgemm) / (fork+touch) <= 1.3;
 *  - page faults per fork, in the parent (getrusage) and in the child (wait4), after the calls;
 *  - a parent whose child stays alive: the first dgemm after each fork, into a C the child shares;
 *  - the child's first parallel dgemm right after fork, and its second. */
#ifndef SBB_FORK_H
#define SBB_FORK_H

#include "sbb_common.h"
#include "sbb_peers.h"

#include <stdio.h>

/* Worker side ("--worker fork NAME PATH [--quick]"): loads PATH (NULL or "self": the linked
 * SafeBLAS) after its first baseline and prints "F <key> <value>" lines ("E <text>" on failure). */
int sbb_fork_worker(const char *name, const char *path, int quick);

typedef struct {
    const char *name, *path;   /* path NULL: the linked SafeBLAS */
    const sbb_libinfo *info;   /* whose environment rules its workers follow */
} sbb_fork_lib;

/* Parent side: runs each library at 2 and 16 threads, one fresh worker each, and writes the
 * markdown section to o. */
void sbb_fork_section(FILE *o, const sbb_fork_lib *libs, int nlibs, int quick);

#endif

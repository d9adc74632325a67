/* Outputs still shared copy-on-write after fork(); see output_pages.h. */
#define _GNU_SOURCE
#include "runtime/output_pages.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* Linux 5.14 and later */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* /proc/self/pagemap: one 64-bit entry per page */
#define PM_PRESENT (1ull << 63)
#define PM_FILE_OR_SHARED (1ull << 61)
#define PM_EXCLUSIVE (1ull << 56) /* mapped by this process only (Linux 4.2 and later) */

static atomic_int forked;          /* this process has forked or was forked since load */
static atomic_int pagemap_fd = -1; /* -1: not open yet; -2: cannot be read here */
static atomic_int populate_refused;
/* The output last found private, or made so: pages stay private until the next fork, so a job
 * writing the same matrix again (a loop, a factorization's steps) skips the two reads. */
static _Atomic uintptr_t last_private;

/* fork(): the parent only notes it; the child also drops the descriptor, which reads the
 * parent's page map (/proc/self was resolved when it was opened). */
static void note_fork_parent(void)
{
    atomic_store_explicit(&forked, 1, memory_order_relaxed);
    atomic_store_explicit(&last_private, 0, memory_order_relaxed);
}

static void note_fork_child(void)
{
    note_fork_parent();
    int fd = atomic_exchange_explicit(&pagemap_fd, -1, memory_order_relaxed);
    if (fd >= 0) close(fd);
}

__attribute__((constructor)) static void output_pages_load(void)
{
    pthread_atfork(NULL, note_fork_parent, note_fork_child);
}

__attribute__((destructor)) static void output_pages_unload(void) /* dlclose: no descriptor left behind */
{
    int fd = atomic_exchange(&pagemap_fd, -2);
    if (fd >= 0) close(fd);
}

static int open_pagemap(void)
{
    int fd = atomic_load_explicit(&pagemap_fd, memory_order_acquire);
    if (fd != -1) return fd;
    int mine = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (mine < 0) mine = -2;
    int expected = -1;
    if (!atomic_compare_exchange_strong(&pagemap_fd, &expected, mine)) {
        if (mine >= 0) close(mine); /* another thread opened it first */
        return expected;
    }
    return mine;
}

/* 1 when the page holding addr is anonymous private memory that another process maps too. */
static int page_shared(int fd, uintptr_t addr, size_t page)
{
    uint64_t e;
    if (pread(fd, &e, sizeof e, (off_t)(addr / page * sizeof e)) != (ssize_t)sizeof e) return 0;
    return (e & PM_PRESENT) && !(e & PM_FILE_OR_SHARED) && !(e & PM_EXCLUSIVE);
}

static void populate(uintptr_t lo, uintptr_t hi, size_t page)
{
    lo &= ~(uintptr_t)(page - 1);
    if (madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE) != 0 && errno == EINVAL)
        atomic_store_explicit(&populate_refused, 1, memory_order_relaxed);
}

void sb_output_make_private(const sb_output *out)
{
    if (!atomic_load_explicit(&forked, memory_order_relaxed)) return;
    if (out->m <= 0 || out->n <= 0 || atomic_load_explicit(&populate_refused, memory_order_relaxed)) return;
    size_t col = (size_t)out->m * out->elem, stride = (size_t)out->ld * out->elem;
    uintptr_t first = (uintptr_t)out->p, last = first + (size_t)(out->n - 1) * stride + col - 1;
    uintptr_t key = first * 31u + last; /* a collision only skips a check */
    if (atomic_load_explicit(&last_private, memory_order_relaxed) == key) return;
    int fd = open_pagemap();
    if (fd < 0) return;
    long ps = sysconf(_SC_PAGESIZE);
    size_t page = ps > 0 ? (size_t)ps : 4096;
    if (page_shared(fd, first, page) || page_shared(fd, last, page)) {
        if (out->n == 1 || stride - col < page) {
            populate(first, last + 1, page); /* the gaps between columns are less than a page */
        } else {
            /* columns far apart (a block of a larger matrix): only their own pages, which the job writes */
            for (long j = 0; j < out->n && !atomic_load_explicit(&populate_refused, memory_order_relaxed); j++) {
                uintptr_t c = first + (size_t)j * stride;
                populate(c, c + col, page);
            }
        }
    }
    atomic_store_explicit(&last_private, key, memory_order_relaxed);
}

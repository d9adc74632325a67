/* Running library calls with no memory at all: while no_memory is set, posix_memalign and mmap
 * fail. These definitions replace libc's for the library too (exported, and the unit tests link
 * with -rdynamic), so its temporaries and packing workspace (posix_memalign, or the per-thread
 * cache's mmap) are refused and the drivers take their unpacked fallbacks. Set it only around
 * the call under test, on one thread (the pool's start needs memory), before the thread has
 * cached a workspace. Include first (it defines _GNU_SOURCE). */
#ifndef SBT_NO_MEMORY_TEST_H
#define SBT_NO_MEMORY_TEST_H

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>

static volatile int no_memory;

__attribute__((visibility("default"))) int posix_memalign(void **p, size_t align, size_t bytes)
{
    static int (*real)(void **, size_t, size_t);
    if (no_memory) return ENOMEM;
    if (!real) real = (int (*)(void **, size_t, size_t))dlsym(RTLD_NEXT, "posix_memalign");
    return real(p, align, bytes);
}

__attribute__((visibility("default"))) void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    static void *(*real)(void *, size_t, int, int, int, off_t);
    if (no_memory) return MAP_FAILED;
    if (!real) real = (void *(*)(void *, size_t, int, int, int, off_t))dlsym(RTLD_NEXT, "mmap");
    return real(addr, len, prot, flags, fd, off);
}

#endif

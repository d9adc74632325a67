/* Per-thread cached packing workspace; see workspace.h. */
#include "kernels/workspace.h"

#include "runtime/cpu.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>

static pthread_key_t ws_key;
static pthread_once_t ws_once = PTHREAD_ONCE_INIT;
static int ws_key_ok;

/* A cached block is a mapping of its own: a 64-byte header holding the mapping's length (the
 * key's destructor gets only the pointer), then the block. */
#define HEADER 64

static __thread struct {
    char *p;            /* the cached block (also the key's value, so thread exit frees it) */
    size_t cap;         /* its size in bytes */
    int busy;           /* handed out and not yet put back */
    int kept_over_fork; /* busy at a fork: this fork copies it (see ws_prepare) */
} ws;

#define SB_MIN_SIZE(a, b) ((a) < (b) ? (a) : (b))

static size_t mapping_length(char *p) { return *(size_t *)(p - HEADER); }

static void unmap_block(void *p)
{
    if (p) munmap((char *)p - HEADER, mapping_length(p));
}

static void ws_thread_exit(void *p) { unmap_block(p); }

/* fork(), in the forking thread. The block is MADV_DONTFORK: a child does not get it, so fork
 * neither copies its page tables nor leaves it copy-on-write for the parent's next call to
 * fault on page by page. Only a block in use at the fork (a signal handler that forks in the
 * middle of a call, whose child may return into it) is copied, for that fork only. */
static void ws_prepare(void)
{
    if (ws.busy && ws.p) {
        madvise(ws.p - HEADER, mapping_length(ws.p), MADV_DOFORK);
        ws.kept_over_fork = 1;
    }
}

static void ws_parent(void)
{
    if (ws.kept_over_fork) madvise(ws.p - HEADER, mapping_length(ws.p), MADV_DONTFORK);
    ws.kept_over_fork = 0;
}

static void ws_child(void)
{
    if (ws.kept_over_fork) {
        ws_parent(); /* the child's copy is its own block now */
        return;
    }
    /* not mapped in this process: forget it */
    ws.p = NULL;
    ws.cap = 0;
    if (ws_key_ok) pthread_setspecific(ws_key, NULL);
}

static void ws_init(void)
{
    ws_key_ok = pthread_key_create(&ws_key, ws_thread_exit) == 0;
    if (ws_key_ok) pthread_atfork(ws_prepare, ws_parent, ws_child);
}

static void *alloc64(size_t bytes)
{
    void *p = NULL;
    if (bytes == 0) bytes = 64;
    return posix_memalign(&p, 64, bytes) == 0 ? p : NULL;
}

/* Replace the cached block by one of cap bytes. The order matters for a fork that interrupts it
 * (from a signal handler): the new block is published in ws.p before it is marked DONTFORK, so
 * at every instant the block in ws.p is either copied by a fork or kept by ws_prepare. */
/* Linux 5.14 and later; older kernels refuse it (EINVAL) and the pages fault in as they are used */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static int grow(size_t cap, size_t need)
{
    void *old = ws.p;
    ws.p = NULL;
    ws.cap = 0;
    pthread_setspecific(ws_key, NULL);
    unmap_block(old);
    size_t len = cap + HEADER;
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return 0;
    *(size_t *)m = len;
    if (pthread_setspecific(ws_key, m + HEADER) != 0) {
        munmap(m, len);
        return 0;
    }
    ws.p = m + HEADER;
    ws.cap = cap;
    madvise(m, len, MADV_DONTFORK); /* if refused, fork merely copies it, as malloc'd memory */
    /* The pages this call will write, in one system call rather than one fault each: 1 MiB took
     * 110 us against 240-410 us by faults (Xeon 6 model 207, KVM). A new block is the first call
     * of a thread, or of a child after fork (blocks are not inherited), so this is what a task
     * forked per job pays on its first product. The rest of the block faults in when used. */
    madvise(m, SB_MIN_SIZE(len, need + HEADER), MADV_POPULATE_WRITE);
    return 1;
}

size_t sb_workspace_cache_max(void)
{
    static atomic_size_t limit; /* two threads at once only compute the same value twice */
    size_t v = atomic_load_explicit(&limit, memory_order_relaxed);
    if (!v) {
        long l2 = sb_cpu()->l2;
        size_t four = l2 > 0 ? 4 * (size_t)l2 : 0;
        v = four > SB_WORKSPACE_SMALL ? four : SB_WORKSPACE_SMALL;
        atomic_store_explicit(&limit, v, memory_order_relaxed);
    }
    return v;
}

void *sb_workspace_get(size_t bytes, int *owned)
{
    const size_t max = sb_workspace_cache_max();
    if (bytes <= max && !ws.busy) {
        ws.busy = 1;
        if (ws.cap < bytes) {
            pthread_once(&ws_once, ws_init);
            /* grow: at least 64 KiB, at least double, at most the cache limit */
            size_t cap = ws.cap * 2;
            if (cap < ((size_t)64 << 10)) cap = (size_t)64 << 10;
            if (cap < bytes) cap = bytes;
            if (cap > max) cap = max;
            if (!ws_key_ok || !grow(cap, bytes)) {
                ws.busy = 0;
                goto uncached;
            }
        }
        *owned = 0;
        return ws.p;
    }
uncached:
    *owned = 1;
    return alloc64(bytes);
}

void sb_workspace_put(void *p, int owned)
{
    if (owned) free(p);
    else ws.busy = 0;
}

/* Unload or exit: free the calling thread's block and retire the key, so no thread exit after
 * an unload calls into unloaded code (other threads' blocks are then simply not freed). */
__attribute__((destructor)) static void ws_unload(void)
{
    if (!ws_key_ok || ws.busy) return;
    pthread_setspecific(ws_key, NULL);
    unmap_block(ws.p);
    ws.p = NULL;
    ws.cap = 0;
    pthread_key_delete(ws_key);
    ws_key_ok = 0;
}

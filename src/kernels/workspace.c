/* Per-thread cached packing workspace; see workspace.h. */
#include "kernels/workspace.h"

#include <pthread.h>
#include <stdlib.h>

static pthread_key_t ws_key;
static pthread_once_t ws_once = PTHREAD_ONCE_INIT;
static int ws_key_ok;

static __thread struct {
    void *p;     /* the cached block (also the key's value, so thread exit frees it) */
    size_t cap;  /* its size in bytes */
    int busy;    /* handed out and not yet put back */
} ws;

static void ws_thread_exit(void *p)
{
    free(p);
}

static void ws_make_key(void)
{
    ws_key_ok = pthread_key_create(&ws_key, ws_thread_exit) == 0;
}

static void *alloc64(size_t bytes)
{
    void *p = NULL;
    if (bytes == 0) bytes = 64;
    return posix_memalign(&p, 64, bytes) == 0 ? p : NULL;
}

void *sb_workspace_get(size_t bytes, int *owned)
{
    if (bytes <= SB_WORKSPACE_CACHE_MAX && !ws.busy) {
        if (ws.cap < bytes) {
            pthread_once(&ws_once, ws_make_key);
            if (!ws_key_ok) goto uncached;
            /* grow: at least 64 KiB, at least double, at most the cache limit */
            size_t cap = ws.cap * 2;
            if (cap < ((size_t)64 << 10)) cap = (size_t)64 << 10;
            if (cap < bytes) cap = bytes;
            if (cap > SB_WORKSPACE_CACHE_MAX) cap = SB_WORKSPACE_CACHE_MAX;
            pthread_setspecific(ws_key, NULL);
            free(ws.p);
            ws.p = NULL;
            ws.cap = 0;
            void *p = alloc64(cap);
            if (!p) goto uncached;
            if (pthread_setspecific(ws_key, p) != 0) {
                free(p);
                goto uncached;
            }
            ws.p = p;
            ws.cap = cap;
        }
        ws.busy = 1;
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
    free(ws.p);
    ws.p = NULL;
    ws.cap = 0;
    pthread_key_delete(ws_key);
    ws_key_ok = 0;
}

/* Packing workspace for the level-3 drivers (plain C, compiled once).
 *
 * sb_workspace_get(bytes, &owned) returns a 64-byte aligned block of at least `bytes` bytes, or
 * NULL. Blocks up to sb_workspace_cache_max() bytes come from a per-thread cache that is kept
 * between calls (so repeated calls do not pay malloc/free and first-touch page faults every
 * call); larger ones, or a nested request while the thread's cache is in use, are allocated
 * for the call. The limit is four times L2 (at least 2 MiB): room for gemm's packed A block
 * (about half of L2) and B panel (at most three times L2, kernel_table.c), so every gemm call
 * reuses its thread's buffers. A thread keeps at most that much (8 MiB on a 2 MiB L2).
 * Release with sb_workspace_put(p, owned) on the same thread.
 * Lifetime: a thread's cached block is freed when the thread exits (pthread key destructor) and,
 * for the thread that unloads the library (dlclose, exit), by a library destructor.
 *
 * Each cached block is a mapping of its own marked MADV_DONTFORK: fork() neither copies its page
 * tables nor leaves its pages copy-on-write, so the parent's next call does not fault on every
 * page of every thread's buffers (the cost of a fork stays that of the program's own memory).
 * A child starts without cached blocks, except a block in use by the forking thread at that
 * instant (a fork from a signal handler in the middle of a call), which that fork copies. */
#ifndef SB_KERNELS_WORKSPACE_H
#define SB_KERNELS_WORKSPACE_H

#include <stddef.h>

/* "small": the size below which a driver may copy an operand to save work (symm.c) */
#define SB_WORKSPACE_SMALL ((size_t)2 << 20)

size_t sb_workspace_cache_max(void);

void *sb_workspace_get(size_t bytes, int *owned);
void sb_workspace_put(void *p, int owned);

#endif

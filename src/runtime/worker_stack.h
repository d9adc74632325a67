/* The pool's own stacks for its worker threads (worker_stack.c). */
#ifndef SB_WORKER_STACK_H
#define SB_WORKER_STACK_H
#include <pthread.h>
#include <stddef.h>

typedef struct {
    void *base;  /* lowest address of the mapping (its first page is the guard); NULL: none */
    size_t size; /* bytes mapped, guard included */
} sb_worker_stack;

/* Set *attr to run a thread on s (mapping it on first use). Returns 1 with attr initialised,
 * or 0 where no stack could be mapped: the thread then gets glibc's own stack (attr untouched). */
int sb_worker_stack_attr(sb_worker_stack *s, pthread_attr_t *attr);

/* Called by the thread itself, first thing: keep the part of its stack below the current frame
 * out of children (MADV_DONTFORK). No-op for a glibc stack (s->base NULL). */
void sb_worker_stack_keep_from_children(const sb_worker_stack *s);

/* Unmap s; its thread must have been joined (or never started). */
void sb_worker_stack_free(sb_worker_stack *s);
#endif

/* The thread pool: fork-safe by construction.
 *
 * One pool per process, created lazily by the first job that wants threads. The rules:
 *
 *  - One job at a time. A caller claims the pool with a compare-and-swap on `busy`; a caller
 *    that finds it busy runs its own job on its own thread. Nobody ever waits for another
 *    caller, so concurrent callers cannot deadlock or convoy.
 *  - A job is one 64-bit word (sequence | workers allowed | parts | next part) plus fn/ctx.
 *    Parts are handed out by compare-and-swap on that word, first come first served; the caller
 *    takes parts too, and waits only for parts that someone has claimed. A worker that is late,
 *    slow to wake, or gone (idle exit) is therefore never waited for: its parts go to others.
 *  - Waking: each worker has its own futex word. The caller wakes workers 0 and 1, worker i
 *    wakes 2i+2 and 2i+3 (a tree, so 31 wake-ups do not all cost the caller a system call) and
 *    only while parts are left. Idle workers spin for SAFEBLAS_SPIN_US (default 50 µs; not at
 *    all when there are more threads than CPUs), or HOT_SPIN_NS while jobs come closer together
 *    than that, offering their CPU to anything else runnable there every few µs, and then
 *    sleep; after 10 s asleep a worker exits, and the next job starts it again (a program
 *    whose main thread calls pthread_exit therefore still ends).
 *  - A woken worker that finds itself on the caller's CPU (the kernel put it there and it has
 *    preempted the caller) yields once before taking a part, so the caller goes on with the
 *    parts instead of the two taking turns. These two rules keep a sleeping worker from
 *    holding up a call made after a pause (issue 12: 2.2x the 1-thread time at dgemv n = 512;
 *    the parked_workers torture case checks it).
 *  - Sleeping workers 0 and 1 are kept off the caller's CPU while they are woken
 *    (keep_off_caller_cpu; they do it themselves before they sleep, off the last caller's CPU,
 *    so that the caller pays no system call for it), so that the wake-up puts them on another
 *    CPU where they help; and a
 *    small job that finds the workers asleep outside a run of calls does not wake them at all,
 *    nor does a short compute-bound one in a run (sb_threads_for, sb_threads_for_compute).
 *  - fork(): a pthread_atfork handler for the CHILD only. The child has one thread and none of
 *    the parent's workers, so it overwrites the pool state with a fresh one and leaves the old
 *    worker table unwritten (no lock is unlocked or taken, no thread joined, a generation
 *    counter is bumped); its next parallel call starts new workers. The parent's pool is not
 *    touched before or after fork, whatever other threads are doing inside SafeBLAS; the
 *    packing buffers are kept out of the child altogether (kernels/workspace.c), so the parent
 *    does not pay copy-on-write faults on them after the fork either. The workers' stacks are
 *    the pool's own (worker_stack.c): all but their top pages are kept out of children, and
 *    glibc does not write to the descriptor of a thread on a stack it was given, so a live
 *    worker costs a fork about half what it did (issue 12). What is left is glibc's price for
 *    a process with threads (it locks and resets malloc and stdio around the fork: about 25 µs
 *    and 14 page faults here), and the kernel's few µs per thread.
 *  - After a fork, a job that writes a matrix the fork left shared with the other process
 *    (sb_parallel_run_writing) has the calling thread copy that matrix's pages first, before
 *    any worker runs: copied by several running threads, every page cost an interrupt to each
 *    of their CPUs (output_pages.h).
 *  - Nesting: a call from a pool worker, from inside a part, or from inside an OpenMP parallel
 *    region (omp_in_parallel, weak or found with dlsym) runs on the calling thread.
 *  - Failure to allocate the worker table or to start a thread: carry on with the workers
 *    there are (possibly none), one warning each.
 *  - Unload (dlclose, or exit): a destructor claims the idle pool, tells the workers to exit
 *    and joins them. If a job is running at that moment it does nothing (exit is never blocked
 *    behind a job); the pool then stays claimed so later calls run single-threaded.
 *
 * All shared state is C11 atomics; fn/ctx are published by the release store of the job word
 * and read only after a successful claim (acquire), so ThreadSanitizer can follow it. */
#define _GNU_SOURCE
#include "runtime/parallel.h"

#include <dlfcn.h>
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "common/blas.h"
#include "runtime/output_pages.h"
#include "runtime/thread_config.h"
#include "runtime/worker_stack.h"

#define MAX_WORKERS (SB_MAX_THREADS - 1)
#define IDLE_EXIT_NS (10LL * 1000000000LL)

/* The job word: seq (16) | workers allowed (8) | parts (20) | next unclaimed part (20). */
#define NEXT_MASK 0xFFFFFull
#define NP_SHIFT 20
#define NW_SHIFT 40
#define SEQ_SHIFT 48
#define MAX_PARTS ((int)NEXT_MASK)

enum { W_NONE = 0, W_LIVE = 1, W_EXITED = 2 };

struct worker {
    atomic_uint wake;    /* futex word: bumped to hand this worker a job */
    atomic_int sleeping; /* 1 while in (or about to enter) futex_wait on wake */
    atomic_int state;    /* W_NONE, W_LIVE (thread started), W_EXITED (thread returned, not joined) */
    int index;
    pthread_t tid;
    sb_worker_stack stack; /* the pool's own stack for this slot, kept for its next thread */
    atomic_int os_tid;     /* the thread's kernel id (for sched_setaffinity), 0 until it runs */
    atomic_int narrowed;   /* kept off a caller's CPU for the next wake-up (see keep_off_caller_cpu) */
    atomic_int off_cpu;    /* the CPU it is kept off while narrowed */
    cpu_set_t own_mask;    /* its affinity when it started, which it takes back once woken (its own) */
    int own_mask_ok;
} __attribute__((aligned(64)));

struct pool {
    atomic_int busy;             /* a caller owns the pool (0/1) */
    atomic_int shutdown;         /* set by the destructor */
    _Atomic uint64_t job;        /* see above */
    atomic_uint done;            /* futex word: parts finished in the current job */
    atomic_int caller_sleeping;  /* the caller sleeps on `done` */
    atomic_int caller_cpu;       /* the CPU the caller was on when it published the job */
    atomic_llong wake_sent_ns;   /* when the caller last published a job (woke worker 0) */
    atomic_llong arrival_ns;     /* how long worker 0 takes to arrive once woken (average; 0: unknown) */
    atomic_long spin_ns;         /* how long idle threads spin before sleeping */
    atomic_int live;             /* worker threads running (for tests) */
    atomic_uint generation;      /* bumped in the child at each fork */
    _Atomic(struct worker *) w;  /* MAX_WORKERS slots, allocated once */
    /* written only by the owner of `busy` */
    sb_part_fn fn;
    void *ctx;
    unsigned seq;
    int created;                 /* threads started so far (fault injection counts these) */
    struct worker *left_behind;  /* in a child: the parent's worker table (see atfork_child) */
};

static struct pool P;
/* The runtime's thread-local variables are initial-exec (SB_TLS), which makes the library's whole
 * TLS block static, also when it is loaded with dlopen (numpy, the benchmark): a worker's first
 * use of TLS then costs no malloc, and so no malloc arena of its own, whose lock and pages
 * every fork would copy and fault on (about 6 µs per worker and fork on the Xeon 6 model 207).
 * The price: the block (32 bytes) comes out of glibc's small reserve for dlopen'ed libraries,
 * so it must stay small (no buffers in TLS: see thread_api.c). */
static SB_TLS int tls_depth; /* > 0: pool worker, or running a part */
static atomic_int warned_create, warned_alloc;

/* ---------------------------------------------------------------------------------------------
 * Small helpers */
static long futex_wait(atomic_uint *addr, unsigned val, const struct timespec *rel)
{
    return syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, rel, NULL, 0);
}

static void futex_wake(atomic_uint *addr, int n)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/* A spinning thread may share its CPU with the thread it waits for (a worker woken onto the
 * caller's CPU, more threads than CPUs, another program): every few microseconds of spinning it
 * offers the CPU to whatever else is runnable there. Where nothing else is, sched_yield returns
 * at once and the spin goes on. */
static inline void spin_pause(unsigned i)
{
    cpu_relax();
    if ((i & 63) == 0) sched_yield();
}

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* OpenMP: a weak reference finds omp_in_parallel when the OpenMP runtime was loaded with the
 * program; dlsym finds one loaded later into the global scope. */
extern int omp_in_parallel(void) __attribute__((weak));
static _Atomic(void *) omp_fn_found;

static int in_openmp_region(void)
{
    int (*f)(void) = omp_in_parallel;
    if (!f) {
        void *p = atomic_load_explicit(&omp_fn_found, memory_order_relaxed);
        if (!p) {
            p = dlsym(RTLD_DEFAULT, "omp_in_parallel");
            if (p) atomic_store_explicit(&omp_fn_found, p, memory_order_relaxed);
        }
        f = (int (*)(void))p;
    }
    return f ? f() != 0 : 0;
}

int sb_in_parallel(void)
{
    return tls_depth > 0 || in_openmp_region();
}

static void run_inline(int nparts, sb_part_fn fn, void *ctx)
{
    tls_depth++;
    for (int i = 0; i < nparts; i++) fn(ctx, i, nparts);
    tls_depth--;
}

static void wake_worker(struct worker *w)
{
    atomic_fetch_add(&w->wake, 1);
    if (atomic_load(&w->sleeping)) futex_wake(&w->wake, 1);
}

/* ---------------------------------------------------------------------------------------------
 * Running parts (caller and workers alike). me = worker index, -1 for the caller. */
static void run_parts(int me)
{
    struct worker *slots = atomic_load_explicit(&P.w, memory_order_acquire);
    uint64_t v = atomic_load_explicit(&P.job, memory_order_acquire);
    int woke_children = me < 0, gave_way = me < 0;
    for (;;) {
        int nw = (int)((v >> NW_SHIFT) & 0xFF);
        int np = (int)((v >> NP_SHIFT) & NEXT_MASK);
        int nx = (int)(v & NEXT_MASK);
        if (me >= nw || nx >= np) return;
        if (!woke_children) {
            /* pass the wake-up on before working: children 2i+2 and 2i+3 */
            woke_children = 1;
            for (int c = 2 * me + 2; c <= 2 * me + 3 && c < nw; c++) wake_worker(&slots[c]);
        }
        if (!gave_way) {
            /* A worker woken onto the caller's CPU has preempted the caller: running parts
             * here would only take turns with it. Give the CPU back once; the caller goes on
             * with the parts, and this worker takes what is left when it next runs. */
            gave_way = 1;
            if (sched_getcpu() == atomic_load_explicit(&P.caller_cpu, memory_order_relaxed)) {
                sched_yield();
                v = atomic_load_explicit(&P.job, memory_order_acquire);
                continue;
            }
        }
        if (!atomic_compare_exchange_weak_explicit(&P.job, &v, v + 1, memory_order_acq_rel,
                                                   memory_order_acquire))
            continue;
        /* part nx is ours: the job cannot end before we report it, so fn/ctx are stable */
        P.fn(P.ctx, nx, np);
        unsigned d = atomic_fetch_add(&P.done, 1) + 1;
        if ((int)d == np && atomic_load(&P.caller_sleeping)) futex_wake(&P.done, 1);
        v = atomic_load_explicit(&P.job, memory_order_acquire);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Workers */

/* A worker whose last job came less than HOT_SPIN_NS after the one before spins that long for the
 * next. LAPACK's reductions issue a parallel call every 100-300 µs with single-threaded gemvs in
 * between: dsytrd (numpy's eigh) at n = 2000 calls dsymv on 2 threads about 1700 times, and with
 * the 50 µs spin the worker had gone to sleep before most of them, to start 40-60 µs late
 * (the Xeon 6 model 207, KVM): 331-348 ms on 2 threads against 309-313 with a 300 µs spin and
 * 304-309 for OpenBLAS, whose threads spin far longer. A program that pauses longer between
 * calls keeps the short spin. */
#define HOT_SPIN_NS 500000L

/* A worker about to sleep (0 or 1, the two the caller wakes itself) keeps itself off the CPU
 * the last caller ran on, as keep_off_caller_cpu below would at the next wake-up, but in the
 * worker's own time: there the two system calls cost the caller 5-8 µs of every call that wakes
 * it (Zen 5, KVM, 2 vCPUs), next to 10-17 µs for the wake-up itself. A caller on another CPU by
 * then narrows it again itself. */
static void keep_self_off_caller_cpu(struct worker *w)
{
    int cpu = atomic_load_explicit(&P.caller_cpu, memory_order_relaxed);
    if (w->index > 1 || !w->own_mask_ok || cpu < 0 || cpu >= CPU_SETSIZE) return;
    if (atomic_load_explicit(&w->narrowed, memory_order_relaxed)) return;
    cpu_set_t mask = w->own_mask;
    if (!CPU_ISSET(cpu, &mask) || CPU_COUNT(&mask) < 2) return;
    CPU_CLR(cpu, &mask);
    if (sched_setaffinity(0, sizeof mask, &mask) != 0) return;
    atomic_store_explicit(&w->off_cpu, cpu, memory_order_relaxed);
    atomic_store_explicit(&w->narrowed, 1, memory_order_release);
}

/* Wait until w->wake differs from seen; returns the new value, or seen after IDLE_EXIT_NS.
 * *hot: the last wait was short (see HOT_SPIN_NS); updated here. */
static unsigned wait_for_job(struct worker *w, unsigned seen, int *hot, int *slept)
{
    *slept = 0;
    unsigned cur;
    long spin = atomic_load_explicit(&P.spin_ns, memory_order_relaxed);
    long long t0 = now_ns();
    if (spin > 0) {
        if (*hot && spin < HOT_SPIN_NS) spin = HOT_SPIN_NS;
        for (unsigned i = 1;; i++) {
            cur = atomic_load_explicit(&w->wake, memory_order_acquire);
            if (cur != seen) {
                *hot = now_ns() - t0 < HOT_SPIN_NS;
                return cur;
            }
            spin_pause(i);
            if ((i & 63) == 0 && now_ns() - t0 > spin) break;
        }
    }
    keep_self_off_caller_cpu(w);
    *slept = 1;
    long long deadline = now_ns() + IDLE_EXIT_NS;
    for (;;) {
        atomic_store(&w->sleeping, 1);
        cur = atomic_load(&w->wake);
        if (cur != seen) break;
        long long left = deadline - now_ns();
        if (left <= 0) break;
        struct timespec rel = {(time_t)(left / 1000000000LL), (long)(left % 1000000000LL)};
        futex_wait(&w->wake, seen, &rel);
    }
    atomic_store(&w->sleeping, 0);
    *hot = now_ns() - t0 < HOT_SPIN_NS;
    return atomic_load_explicit(&w->wake, memory_order_acquire);
}

/* Worker 0, woken from its sleep: how long after the caller's wake-up it runs, averaged (a
 * quarter of each new sample); threads_for weighs short jobs against it. Samples over 10 ms
 * (the machine was busy elsewhere) are left out. */
static void note_arrival(void)
{
    long long sent = atomic_load_explicit(&P.wake_sent_ns, memory_order_relaxed);
    long long d = now_ns() - sent;
    if (sent <= 0 || d <= 0 || d > 10000000LL) return;
    long long old = atomic_load_explicit(&P.arrival_ns, memory_order_relaxed);
    atomic_store_explicit(&P.arrival_ns, old > 0 ? (3 * old + d) / 4 : d, memory_order_relaxed);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    w->own_mask_ok = sched_getaffinity(0, sizeof w->own_mask, &w->own_mask) == 0;
    atomic_store(&w->os_tid, (int)syscall(SYS_gettid));
    tls_depth = 1;
    sb_worker_stack_keep_from_children(&w->stack);
    unsigned seen = 0; /* the owner zeroes wake before starting the thread */
    int hot = 0, slept = 0;
    for (;;) {
        unsigned cur = wait_for_job(w, seen, &hot, &slept);
        if (cur == seen) break; /* idle too long: exit; the next job starts a new thread */
        seen = cur;
        if (slept && w->index == 0) note_arrival();
        if (atomic_load_explicit(&P.shutdown, memory_order_acquire)) break;
        run_parts(w->index);
        if (atomic_load_explicit(&w->narrowed, memory_order_acquire)) { /* placed: its whole affinity back */
            if (w->own_mask_ok) sched_setaffinity(0, sizeof w->own_mask, &w->own_mask);
            atomic_store(&w->narrowed, 0);
        }
    }
    atomic_fetch_sub(&P.live, 1);
    atomic_store(&w->state, W_EXITED);
    return NULL;
}

static void warn_once(atomic_int *flag, const char *what, int err, int threads)
{
    if (atomic_exchange(flag, 1)) return;
    fprintf(stderr, "SafeBLAS: warning: %s (%s); continuing with %d thread%s\n", what, strerror(err), threads,
            threads == 1 ? "" : "s");
}

/* Owner of `busy` only: make workers 0..want-1 live; returns how many are (contiguous). */
static int ensure_workers(int want)
{
    struct worker *slots = atomic_load_explicit(&P.w, memory_order_relaxed);
    if (!slots) {
        slots = aligned_alloc(64, sizeof(struct worker) * MAX_WORKERS);
        if (!slots) {
            warn_once(&warned_alloc, "could not allocate the thread pool", ENOMEM, 1);
            return 0;
        }
        memset(slots, 0, sizeof(struct worker) * MAX_WORKERS);
        atomic_store_explicit(&P.w, slots, memory_order_release);
    }
    int fail_after = sb_config_fail_create_after();
    int i;
    for (i = 0; i < want; i++) {
        struct worker *w = &slots[i];
        int st = atomic_load(&w->state);
        if (st == W_LIVE) continue;
        if (st == W_EXITED) {
            pthread_join(w->tid, NULL);
            atomic_store(&w->state, W_NONE);
        }
        w->index = i;
        atomic_store(&w->narrowed, 0);
        atomic_store(&w->off_cpu, -1);
        atomic_store(&w->os_tid, 0);
        atomic_store(&w->wake, 0);
        atomic_store(&w->sleeping, 0);
        atomic_store(&w->state, W_LIVE);
        atomic_fetch_add(&P.live, 1);
        int rc;
        if (fail_after >= 0 && P.created >= fail_after) {
            rc = EAGAIN;
        } else {
            sigset_t all, old;
            sigfillset(&all);
            pthread_sigmask(SIG_SETMASK, &all, &old); /* workers take no signals */
            pthread_attr_t attr;
            int own = sb_worker_stack_attr(&w->stack, &attr); /* 0: glibc's stack after all */
            rc = pthread_create(&w->tid, own ? &attr : NULL, worker_main, w);
            if (own) pthread_attr_destroy(&attr);
            pthread_sigmask(SIG_SETMASK, &old, NULL);
        }
        if (rc != 0) {
            atomic_fetch_sub(&P.live, 1);
            atomic_store(&w->state, W_NONE);
            warn_once(&warned_create, "could not start a worker thread", rc, i + 1);
            break;
        }
        P.created++;
    }
    return i;
}

/* Owner of `busy` only. A sleeping worker that the caller wakes is put by the kernel on the
 * caller's own CPU when the other CPUs are idle vCPUs (KVM reports them preempted): there it can
 * only take turns with the caller. So a sleeping worker about to be woken gets the caller's
 * affinity minus the caller's CPU, and the wake puts it on another CPU (about 40-60 µs later on
 * the Xeon 6 model 207 VM); once it has run its parts it takes back the affinity it started with
 * (worker_main), so that a busy CPU never holds it for long. 0.7 µs per system call (5-8 µs for
 * the two on the Zen 5 VM: see keep_self_off_caller_cpu); nothing where the caller may run on one
 * CPU only. */
static void keep_off_caller_cpu(struct worker *slots, int nw, int cpu)
{
    if (cpu < 0 || cpu >= CPU_SETSIZE) return;
    cpu_set_t mask;
    int have_mask = 0;
    for (int i = 0; i < nw; i++) {
        struct worker *w = &slots[i];
        int tid = atomic_load_explicit(&w->os_tid, memory_order_relaxed);
        if (tid == 0 || !atomic_load_explicit(&w->sleeping, memory_order_relaxed)) continue;
        if (atomic_load_explicit(&w->narrowed, memory_order_acquire) &&
            atomic_load_explicit(&w->off_cpu, memory_order_relaxed) == cpu)
            continue; /* already off this CPU (it narrowed itself, or an earlier caller did) */
        if (!have_mask) {
            if (sched_getaffinity(0, sizeof mask, &mask) != 0 || !CPU_ISSET(cpu, &mask) || CPU_COUNT(&mask) < 2) return;
            CPU_CLR(cpu, &mask);
            have_mask = 1;
        }
        if (sched_setaffinity(tid, sizeof mask, &mask) == 0) {
            atomic_store_explicit(&w->off_cpu, cpu, memory_order_relaxed);
            atomic_store(&w->narrowed, 1);
        }
    }
}

/* ---------------------------------------------------------------------------------------------
 * Jobs */
static void run_job(int max_threads, int nparts, sb_part_fn fn, void *ctx, const sb_output *out)
{
    if (nparts <= 1) {
        run_inline(1, fn, ctx);
        return;
    }
    int nt = sb_in_parallel() ? 1 : sb_config_threads();
    if (nt > nparts) nt = nparts;
    if (nt > max_threads) nt = max_threads;
    int expected = 0;
    if (nt <= 1 || nparts > MAX_PARTS ||
        !atomic_compare_exchange_strong_explicit(&P.busy, &expected, 1, memory_order_acquire,
                                                 memory_order_relaxed)) {
        run_inline(nparts, fn, ctx);
        return;
    }
    /* before any other thread runs a part, and before workers are started for this job: a
     * running worker would take an interrupt for every page made private (output_pages.h) */
    if (out) sb_output_make_private(out);
    int nw = ensure_workers(nt - 1);
    if (nw == 0) {
        atomic_store_explicit(&P.busy, 0, memory_order_release);
        run_inline(nparts, fn, ctx);
        return;
    }
    long spin = nw + 1 <= sb_cpus_available() ? sb_config_spin_ns() : 0; /* no spinning when oversubscribed */
    atomic_store_explicit(&P.spin_ns, spin, memory_order_relaxed);

    struct worker *slots = atomic_load_explicit(&P.w, memory_order_relaxed);
    P.fn = fn;
    P.ctx = ctx;
    P.seq++;
    atomic_store_explicit(&P.done, 0, memory_order_relaxed);
    atomic_store_explicit(&P.caller_sleeping, 0, memory_order_relaxed);
    int cpu = sched_getcpu();
    atomic_store_explicit(&P.caller_cpu, cpu, memory_order_relaxed);
    keep_off_caller_cpu(slots, nw < 2 ? nw : 2, cpu); /* the two the caller wakes itself */
    uint64_t word = ((uint64_t)(P.seq & 0xFFFF) << SEQ_SHIFT) | ((uint64_t)nw << NW_SHIFT) |
                    ((uint64_t)nparts << NP_SHIFT);
    /* every job, not only when worker 0 is seen asleep: one that falls asleep just after such a
     * look and is woken by this job measures its arrival from this job, not from an older one */
    atomic_store_explicit(&P.wake_sent_ns, now_ns(), memory_order_relaxed);
    atomic_store_explicit(&P.job, word, memory_order_release);
    wake_worker(&slots[0]);
    if (nw > 1) wake_worker(&slots[1]);

    tls_depth++;
    run_parts(-1);
    tls_depth--;

    /* wait for the parts others claimed */
    unsigned np = (unsigned)nparts;
    if (atomic_load_explicit(&P.done, memory_order_acquire) != np && spin > 0) {
        long long t0 = now_ns();
        for (unsigned i = 1; atomic_load_explicit(&P.done, memory_order_acquire) != np; i++) {
            cpu_relax();
            if ((i & 63) == 0 && now_ns() - t0 > spin) break;
        }
    }
    for (;;) {
        unsigned d = atomic_load_explicit(&P.done, memory_order_acquire);
        if (d == np) break;
        atomic_store(&P.caller_sleeping, 1);
        d = atomic_load(&P.done);
        if (d == np) break;
        futex_wait(&P.done, d, NULL);
    }
    atomic_store_explicit(&P.busy, 0, memory_order_release);
}

void sb_parallel_run(int nparts, sb_part_fn fn, void *ctx)
{
    run_job(nparts, nparts, fn, ctx, NULL);
}

void sb_parallel_run_writing(int nparts, sb_part_fn fn, void *ctx, void *out, size_t elem, long m, long n, long ld)
{
    sb_output o = {out, elem, m, n, ld};
    run_job(nparts, nparts, fn, ctx, &o);
}

void sb_parallel_run_writing_on(int threads, int nparts, sb_part_fn fn, void *ctx, void *out, size_t elem, long m,
                                long n, long ld)
{
    sb_output o = {out, elem, m, n, ld};
    run_job(threads, nparts, fn, ctx, &o);
}

/* A call made while the workers sleep (issue 12). A parked worker starts late: woken onto
 * another CPU (see keep_off_caller_cpu) it ran 40-60 µs after the wake on the 2-vCPU Xeon 6
 * model 207 (KVM), and the wake-up cost the caller 12 µs; a worker that spins takes its part at
 * once. So a job of less than PARKED_FACTOR times the parallel threshold (dgemm n = 160, about
 * 0.1 ms on one core at the default) that finds worker 0 asleep (or not there) runs on the
 * calling thread, unless it comes in a run of calls: the previous such request started no more
 * than the workers' spin after it must have ended, taking it to last up to twice its length
 * estimated at NS_PER_FLOP (calls back to back, where waking the workers pays over the calls
 * that follow while they spin). Twice: LAPACK's dgebrd (numpy's svd) issues a gemv on its
 * trailing matrix every 270 µs at n = 1000, where the estimate said 200; with the estimate alone
 * none of them woke the workers, and dgebrd on 2 threads took 185-196 ms against 168-174 (1
 * thread: 238). A factorization of n = 200, whose one parallel update comes every 200 µs, does
 * not wake them for it (it was 10% slower on 2 threads than on 1). The bits are the same either
 * way. */
#define PARKED_FACTOR 4.0
#define NS_PER_FLOP 0.05 /* 20 GFLOP/s: gemm runs faster, a memory-bound gemv (2 flop-equivalents a flop) slower */
static atomic_llong last_request_ns, last_request_len_ns;
static atomic_int close_requests; /* requests in a row within the previous one's length */

/* Compute-bound jobs (level 3: gemm, trsm, ...) run two to three times faster than NS_PER_FLOP
 * says: one of under COMPUTE_WAKE_FACTOR times the threshold (dgemm 104 x 104 x 96, 2.1 Mflop:
 * 35 µs on one core of the Xeon 6 model 207) is over before a parked worker starts (the wake costs
 * the caller 11 µs, the worker arrives 30-60 µs later), so it does not wake one even in a run of
 * calls. In numpy's solve at n = 200 that was getrf's one large update, which woke the worker
 * every call for nothing (its spin was over before getrs's solves came); eigh and svd at n = 200
 * had one to three such wake-ups a call. Memory-bound level-2 calls keep the run rule: dgebrd's
 * gemv at n = 1000 needs it (with this rule on level-2 calls too, numpy svd 1000 on 2 threads took
 * 350 ms against 323). */
#define COMPUTE_WAKE_FACTOR 2.0
/* ...unless it is one of a string of calls back to back: from the RUN_WAKE_CALLS-th request in a
 * row that came within the previous one's estimated length (plus the workers' spin) of its start,
 * the workers are woken, and they stay awake while such calls keep coming. A loop of cgemm or
 * zgemm n = 64 (2.1 Mflop) or dtrsm m = n = 128 otherwise never used the second thread on the
 * EPYC family 25 model 1 (Zen 3, 2 vCPUs), where OpenBLAS, whose workers spin, ran 1.5x faster.
 * With three, numpy's solve, inv, det, cholesky, qr, lstsq, eigh and svd at n = 200 on 2
 * threads took the same time with the rule as without it. */
#define RUN_WAKE_CALLS 3
#define SAME_CALL_NS 1000
/* And a compute-bound job that finds the workers asleep and is not in a run wakes them only from
 * COMPUTE_PARKED_FACTOR times the threshold: it runs two to three times faster per flop than a
 * memory-bound one, so at the same flop count the worker's late start is that much more of it.
 * dgemm after a 2 ms pause, median of 201 calls, 2 threads over 1 (Xeon 6 model 207, KVM, 2
 * vCPUs): n = 160 (4.1 times) 1.09-1.11 and n = 180 0.96-1.14 when they were woken, 0.97-1.06
 * when not; n = 200 0.86-0.96 woken. */
#define COMPUTE_PARKED_FACTOR 6.0
/* With the threshold lowered (SAFEBLAS_PARALLEL_THRESHOLD, 0 in the parked_workers torture case)
 * the two rules above no longer hold short jobs back. On the EPYC family 25 model 1 (Zen 3, KVM,
 * 2 vCPUs) a woken worker ran 50-70 µs after the wake, the wake cost the caller 14-19 µs, and
 * splitting dgemv N n = 512 into row halves made each half-pass slower (two 256-row passes
 * after a 1 ms pause: 70 µs against 42-52 for one 512-row pass): every call parallel, that dgemv
 * after a pause took 1.6-1.8x its 1-thread time in 5 runs out of 8, the caller doing both halves
 * in most calls because the worker came after it had finished the first. So a job estimated
 * at under ARRIVAL_FACTOR times the measured arrival does not wake a sleeping worker: the worker
 * could take at most half of what is left once it arrives. */
#define ARRIVAL_FACTOR 2.0

static int workers_parked(void)
{
    struct worker *slots = atomic_load_explicit(&P.w, memory_order_acquire);
    if (!slots) return 1;
    return atomic_load_explicit(&slots[0].state, memory_order_relaxed) != W_LIVE ||
           atomic_load_explicit(&slots[0].sleeping, memory_order_relaxed);
}

static int threads_for(double flops, double wake_min, double parked_factor)
{
    /* cheapest tests first: small calls must not pay for the OpenMP lookup */
    int n = sb_config_threads();
    if (n <= 1) return 1;
    double t = sb_config_parallel_threshold();
    if (!(flops >= t)) return 1;
    if (sb_in_parallel()) return 1;
    long long now = now_ns();
    long long last = atomic_exchange_explicit(&last_request_ns, now, memory_order_relaxed);
    long long last_len = atomic_exchange_explicit(&last_request_len_ns, (long long)(flops * NS_PER_FLOP),
                                                  memory_order_relaxed);
    long long gap = now - last, spin = sb_config_spin_ns();
    int in_run = gap - 2 * last_len <= spin;
    /* a request within SAME_CALL_NS of the last is the same call asking again (gemm's choice of
     * its small kernel, then its driver): not one more call of a run */
    int close_run = atomic_load_explicit(&close_requests, memory_order_relaxed);
    if (gap > SAME_CALL_NS && gap <= last_len + spin)
        close_run = atomic_fetch_add_explicit(&close_requests, 1, memory_order_relaxed) + 1;
    else if (gap > SAME_CALL_NS)
        atomic_store_explicit(&close_requests, close_run = 0, memory_order_relaxed);
    if (t > 0) {
        /* every thread should get at least half the threshold's worth of work */
        double merit = flops / (0.5 * t);
        if (merit < n) n = merit < 2 ? 2 : (int)merit;
        if (flops < parked_factor * t && workers_parked() &&
            ((flops < wake_min * t && close_run < RUN_WAKE_CALLS) || !in_run))
            return 1;
    }
    /* Whatever the threshold: a job outside a run that would be over, or nearly, before a
     * sleeping worker 0 could arrive (under ARRIVAL_FACTOR times the arrival time measured on
     * this machine, note_arrival) runs on the calling thread; woken, the worker would take at
     * most a sliver of it and cost the caller the wake-up and a split of its work. */
    long long arrival = atomic_load_explicit(&P.arrival_ns, memory_order_relaxed);
    if (arrival > 0 && !in_run && flops * NS_PER_FLOP < ARRIVAL_FACTOR * (double)arrival && workers_parked())
        return 1;
    return n;
}

int sb_threads_for(double flops)
{
    return threads_for(flops, 0, PARKED_FACTOR);
}

int sb_threads_for_compute(double flops)
{
    return threads_for(flops, COMPUTE_WAKE_FACTOR, COMPUTE_PARKED_FACTOR);
}

/* Memory-bound level-2 products below the threshold, while worker 0 is awake (still spinning
 * after the last job, so taking a part costs it a few microseconds, not a wake-up): from
 * AWAKE_FRACTION of the threshold on, two threads. LAPACK's reductions (dgebrd in numpy's svd,
 * dsytrd in eigh) call gemv and symv on a trailing matrix that shrinks column by column, every
 * few hundred microseconds: at n = 1000 a third of dgebrd's gemv work is on matrices under
 * the threshold (m*n < 500k). */
#define AWAKE_FRACTION 0.25

int sb_threads_if_awake(double flops)
{
    if (sb_config_threads() <= 1) return 1;
    double t = sb_config_parallel_threshold();
    if (!(flops >= AWAKE_FRACTION * t) || workers_parked() || sb_in_parallel()) return 1;
    return 2;
}

/* ---------------------------------------------------------------------------------------------
 * fork, load, unload */
static void atfork_child(void)
{
    /* One thread here, and none of the parent's workers: start over. Locks are not taken or
     * released; the state is simply overwritten. The parent's worker table is left unwritten
     * (clearing it would copy its 16 KiB into every child); the child's first parallel call
     * makes a new one, and the old one stays reachable so leak checkers do not report it. Its
     * stacks are not in the child (see worker_stack.c) and are never freed here. */
    P.left_behind = atomic_load_explicit(&P.w, memory_order_relaxed);
    atomic_store_explicit(&P.w, NULL, memory_order_relaxed);
    atomic_store_explicit(&P.busy, 0, memory_order_relaxed);
    atomic_store_explicit(&P.shutdown, 0, memory_order_relaxed);
    atomic_store_explicit(&P.job, 0, memory_order_relaxed);
    atomic_store_explicit(&P.done, 0, memory_order_relaxed);
    atomic_store_explicit(&P.caller_sleeping, 0, memory_order_relaxed);
    atomic_store_explicit(&P.live, 0, memory_order_relaxed);
    atomic_fetch_add_explicit(&P.generation, 1, memory_order_relaxed);
    P.fn = NULL;
    P.ctx = NULL;
    P.created = 0;
    /* The forking thread may have been inside a job of its own (a part that forks): in the
     * child it is just a thread again. */
    tls_depth = 0;
    sb_config_atfork_child();
}

__attribute__((constructor)) static void pool_load(void)
{
    pthread_atfork(NULL, NULL, atfork_child);
}

__attribute__((destructor)) static void pool_unload(void)
{
    struct worker *slots = atomic_load(&P.w);
    if (!slots) return;
    int expected = 0;
    if (!atomic_compare_exchange_strong(&P.busy, &expected, 1)) return; /* a job is running: leave it */
    atomic_store(&P.shutdown, 1);
    for (int i = 0; i < MAX_WORKERS; i++)
        if (atomic_load(&slots[i].state) != W_NONE) wake_worker(&slots[i]);
    for (int i = 0; i < MAX_WORKERS; i++) {
        if (atomic_load(&slots[i].state) != W_NONE) {
            pthread_join(slots[i].tid, NULL);
            atomic_store(&slots[i].state, W_NONE);
        }
        sb_worker_stack_free(&slots[i].stack); /* its thread, if any, is joined */
    }
    atomic_store(&P.w, NULL);
    free(slots);
    /* busy stays 1: anything called after this runs on the calling thread */
}

/* ---------------------------------------------------------------------------------------------
 * Test hooks (see parallel.h) */
SB_API void safeblas_test_parallel_run(int nparts, sb_part_fn part, void *ctx)
{
    sb_parallel_run(nparts, part, ctx);
}

SB_API int safeblas_test_pool_workers(void)
{
    return atomic_load(&P.live);
}

SB_API unsigned safeblas_test_pool_generation(void)
{
    return atomic_load(&P.generation);
}

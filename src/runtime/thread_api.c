/* The public thread-control API (include/safeblas.h) and the OpenBLAS names mapped onto it. */
#include "safeblas.h"

#include <pthread.h>
#include <stdlib.h>

#include "common/blas.h"
#include "runtime/thread_config.h"

/* The configuration string is the calling thread's (its thread count may be its own), in a
 * buffer per thread that is kept out of thread-local storage: the library's TLS is initial-exec
 * (see parallel.c) and must fit in the few hundred bytes glibc keeps for libraries loaded with
 * dlopen. If the buffer cannot be made, one shared buffer serves. */
#define CONFIG_LEN 512
static pthread_key_t config_key;
static pthread_once_t config_once = PTHREAD_ONCE_INIT;
static int config_key_ok;
static char config_shared[CONFIG_LEN];

static void config_key_make(void)
{
    config_key_ok = pthread_key_create(&config_key, free) == 0;
}

static char *config_string(void)
{
    pthread_once(&config_once, config_key_make);
    char *buf = config_key_ok ? pthread_getspecific(config_key) : NULL;
    if (!buf && config_key_ok && (buf = malloc(CONFIG_LEN)) && pthread_setspecific(config_key, buf) != 0) {
        free(buf);
        buf = NULL;
    }
    if (!buf) buf = config_shared;
    sb_config_describe(buf, CONFIG_LEN);
    return buf;
}

SB_API void safeblas_set_num_threads(int n)
{
    sb_config_set_threads(n);
}

SB_API int safeblas_get_num_threads(void)
{
    return sb_config_threads();
}

SB_API int safeblas_set_num_threads_local(int n)
{
    sb_config_init();
    return sb_config_set_threads_local(n);
}

SB_API const char *safeblas_get_config(void)
{
    return config_string();
}

SB_API void openblas_set_num_threads(int n)
{
    sb_config_set_threads(n);
}

SB_API int openblas_get_num_threads(void)
{
    return sb_config_threads();
}

SB_API int openblas_set_num_threads_local(int n)
{
    return safeblas_set_num_threads_local(n);
}

SB_API int openblas_get_num_procs(void)
{
    return sb_cpus_available();
}

SB_API int openblas_get_parallel(void)
{
    return 1;
}

SB_API char *openblas_get_config(void)
{
    return config_string();
}

SB_API char *openblas_get_corename(void)
{
    return (char *)sb_config_kernel_name();
}

SB_API void goto_set_num_threads(int n)
{
    sb_config_set_threads(n);
}

/* The public thread-control API (include/safeblas.h) and the OpenBLAS names mapped onto it. */
#include "safeblas.h"

#include "common/blas.h"
#include "runtime/thread_config.h"

static _Thread_local char config_buf[512];

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
    sb_config_describe(config_buf, sizeof config_buf);
    return config_buf;
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
    sb_config_describe(config_buf, sizeof config_buf);
    return config_buf;
}

SB_API char *openblas_get_corename(void)
{
    return (char *)sb_config_kernel_name();
}

SB_API void goto_set_num_threads(int n)
{
    sb_config_set_threads(n);
}

/* PNG plots of the benchmark's rows with gnuplot (pngcairo): GFLOP/s against n (log scale), one
 * line per library, the measured FMA peak as a horizontal line; one file per routine, one panel
 * per thread count. */
#ifndef SBB_PLOT_H
#define SBB_PLOT_H

#include <stddef.h>

#define SBB_PLOT_LIBS 8
#define SBB_PLOT_PTS 32

typedef struct {
    char title[64];                       /* "1 thread" */
    double peak;                          /* GFLOP/s; 0: no line */
    char peak_label[64];                  /* "FMA peak (zmm, DP)" */
    int nlibs, npts;
    const char *lib[SBB_PLOT_LIBS];
    int n[SBB_PLOT_PTS];
    double g[SBB_PLOT_LIBS][SBB_PLOT_PTS]; /* <= 0: no point */
} sbb_plot_panel;

/* gnuplot with the pngcairo terminal, or NULL with the reason in why. */
int sbb_plot_available(char *why, size_t len);

/* Writes path (a .png); 0, or -1 with a message in err. */
int sbb_plot_png(const char *path, const char *title, const sbb_plot_panel *panels, int npanels, char *err,
                 size_t errlen);

#endif

/* bad_plugin.c: plugins the program must refuse. BAD_ABI: built for
 * another ABI version; otherwise a KPI whose id is a built-in one's. */
#include <msp-scorecard/kpi.h>

static const struct msp_kpi_def defs[] = {{
    .id = "utilization",
    .name = "Clash",
    .formula = "a second utilization",
    .unit = MSP_KPI_RATIO,
    .levels = MSP_KPI_AT_TEAM,
}};

#ifdef BAD_ABI
static const struct msp_kpi_plugin plugin = {MSP_KPI_ABI_VERSION + 1, 1, defs};
#else
static const struct msp_kpi_plugin plugin = {MSP_KPI_ABI_VERSION, 1, defs};
#endif

const struct msp_kpi_plugin *msp_kpi_plugin_init(const struct msp_kpi_api *a)
{
    (void)a;
    return &plugin;
}

/*
 * billable_share.c: an example KPI plugin for msp-scorecard. Of the hours a
 * technician entered with a billable flag, the share that was billable.
 *
 * Build (the header is installed as <msp-scorecard/kpi.h>):
 *     cc -shared -fPIC -o billable_share.so billable_share.c
 * Run:
 *     msp-scorecard --plugin ./billable_share.so DIR
 * or put the .so in the folder the settings' plugin_dir names.
 */
#include <math.h>

#include <msp-scorecard/kpi.h>

static const struct msp_kpi_api *api;

static void on_entry(struct msp_kpi_ctx *ctx, const struct msp_kpi_entry *e)
{
    if (e->billable < 0 || e->absence)
        return; /* not flagged either way, or not work */
    api->add_tech_team(ctx, e->person, api->period_of(ctx, e->start), e->billable ? e->hours : 0,
                       e->hours);
}

static const struct msp_kpi_def defs[] = {{
    .id = "billable_share",
    .name = "Billable Share",
    .formula = "billable hours / hours of time entries with a billable flag (absence left out)",
    .needs = "time_entries:billable|time_entries:non_billable",
    .unit = MSP_KPI_RATIO,
    .better = MSP_KPI_HIGHER,
    .target = 0.70,
    .weight = 0,
    .levels = MSP_KPI_AT_TECH | MSP_KPI_AT_TEAM,
    .on_entry = on_entry,
}};

static const struct msp_kpi_plugin plugin = {MSP_KPI_ABI_VERSION, 1, defs};

const struct msp_kpi_plugin *msp_kpi_plugin_init(const struct msp_kpi_api *a)
{
    if (a->abi_version != MSP_KPI_ABI_VERSION)
        return NULL;
    api = a;
    return &plugin;
}

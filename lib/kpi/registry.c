/*
 * registry.c: every KPI module, one line each, in the order they appear in
 * reports. A new KPI: write lib/kpi/NAME.c (copy template.c.txt), then add
 * its extern and its line below. Nothing else changes. tech_score derives
 * from the others, so it stays last.
 */
#include "kpi/registry.h"

#include <string.h>

extern const struct msc_kpi_module msc_kpi_utilization, msc_kpi_realtime_entry,
    msc_kpi_sla_triage, msc_kpi_sla_engagement, msc_kpi_sla_completion, msc_kpi_est_vs_actual,
    msc_kpi_escalation_rate, msc_kpi_reopen_rate, msc_kpi_fcr, msc_kpi_survey_score,
    msc_kpi_mttr, msc_kpi_csat_positive, msc_kpi_csat_net, msc_kpi_reactive_hours_per_endpoint,
    msc_kpi_tickets_per_endpoint, msc_kpi_hours, msc_kpi_labor_cost, msc_kpi_revenue,
    msc_kpi_effective_rate, msc_kpi_margin, msc_kpi_billed_vs_worked, msc_kpi_agreement_usage,
    msc_kpi_tech_score;

const struct msc_kpi_module *const msc_kpi_registry[] = {
    &msc_kpi_utilization,
    &msc_kpi_realtime_entry,
    &msc_kpi_sla_triage,
    &msc_kpi_sla_engagement,
    &msc_kpi_sla_completion,
    &msc_kpi_est_vs_actual,
    &msc_kpi_escalation_rate,
    &msc_kpi_reopen_rate,
    &msc_kpi_fcr,
    &msc_kpi_survey_score,
    &msc_kpi_mttr,
    &msc_kpi_csat_positive,
    &msc_kpi_csat_net,
    &msc_kpi_reactive_hours_per_endpoint,
    &msc_kpi_tickets_per_endpoint,
    &msc_kpi_hours,
    &msc_kpi_labor_cost,
    &msc_kpi_revenue,
    &msc_kpi_effective_rate,
    &msc_kpi_margin,
    &msc_kpi_billed_vs_worked,
    &msc_kpi_agreement_usage,
    &msc_kpi_tech_score,
};

const size_t msc_kpi_count = sizeof msc_kpi_registry / sizeof msc_kpi_registry[0];

int msc_kpi_find(const char *id)
{
    for (size_t i = 0; i < msc_kpi_count; i++)
        if (strcmp(msc_kpi_registry[i]->id, id) == 0)
            return (int)i;
    return -1;
}

/*
 * registry.c: every built-in KPI module, one line each, in the order they
 * appear in reports. A new KPI: write lib/kpi/NAME.c (copy template.c.txt),
 * then add its extern and its line below. Nothing else changes. tech_score
 * derives from the others, and the bonus from any of them (its goals), so
 * they stay last.
 */
#include "kpi/registry.h"
#include "util/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct msc_kpi_module msc_kpi_utilization, msc_kpi_realtime_entry,
    msc_kpi_sla_triage, msc_kpi_sla_engagement, msc_kpi_sla_completion, msc_kpi_est_vs_actual,
    msc_kpi_escalation_rate, msc_kpi_reopen_rate, msc_kpi_fcr, msc_kpi_survey_score,
    msc_kpi_mttr, msc_kpi_csat_positive, msc_kpi_csat_net, msc_kpi_reactive_hours_per_endpoint,
    msc_kpi_tickets_per_endpoint, msc_kpi_hours, msc_kpi_labor_cost, msc_kpi_revenue,
    msc_kpi_effective_rate, msc_kpi_margin, msc_kpi_billed_vs_worked, msc_kpi_agreement_usage,
    msc_kpi_tech_score, msc_kpi_bonus_pool, msc_kpi_bonus_released, msc_kpi_bonus;

const struct msc_kpi_module *const msc_kpi_builtin[] = {
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
    &msc_kpi_bonus_pool,
    &msc_kpi_bonus_released,
    &msc_kpi_bonus,
};

const size_t msc_kpi_builtin_count = sizeof msc_kpi_builtin / sizeof msc_kpi_builtin[0];

_Static_assert(sizeof msc_kpi_builtin / sizeof msc_kpi_builtin[0] <= MSC_MAX_KPIS,
               "the built-in KPIs do not fit MSC_MAX_KPIS");

void msc_kpis_init(struct msc_kpis *k)
{
    memset(k, 0, sizeof *k);
    for (size_t i = 0; i < msc_kpi_builtin_count; i++)
        k->mod[k->count++] = msc_kpi_builtin[i];
}

int msc_kpis_find(const struct msc_kpis *k, const char *id)
{
    for (size_t i = 0; i < k->count; i++)
        if (strcmp(k->mod[i]->id, id) == 0)
            return (int)i;
    return -1;
}

/* One "file" or "file:field" item of a needs string. */
static int known_input(const char *item, size_t len)
{
    char file[40], field[40];
    size_t colon = strcspn(item, ":");
    if (colon > len)
        colon = len;
    if (colon + 4 >= sizeof file || len - colon >= sizeof field)
        return 0;
    snprintf(file, sizeof file, "%.*s.csv", (int)colon, item);
    int f = msc_schema_file(file);
    if (f < 0)
        return 0;
    if (colon == len)
        return 1;
    snprintf(field, sizeof field, "%.*s", (int)(len - colon - 1), item + colon + 1);
    return msc_schema_field(f, field) >= 0;
}

const char *msc_kpi_check_needs(const char *needs, char *buf, size_t cap)
{
    for (const char *p = needs; p && *p;) {
        size_t one = strcspn(p, ",|");
        if (!known_input(p, one)) {
            snprintf(buf, cap, "'%.*s' is no canonical file or file:field", (int)one, p);
            return buf;
        }
        p += one + (p[one] != '\0');
    }
    return NULL;
}

enum msc_status msc_kpis_add(struct msc_kpis *k, const struct msc_kpi_module *mod,
                             const char *from, struct msc_error *err)
{
    char why[160];
    const char *id = mod->id ? mod->id : "";
    if (!*id || strlen(id) >= 48 || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(id))
        return msc_error_set(err, MSC_ERR_USAGE, "%s: KPI id '%.48s' is not lower-case letters, "
                             "digits and _", from, id);
    if (msc_kpis_find(k, id) >= 0)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: KPI '%s' clashes with a KPI already loaded",
                             from, id);
    if (!mod->name || !mod->formula)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: KPI '%s' has no name or formula", from, id);
    if (msc_kpi_check_needs(mod->needs, why, sizeof why))
        return msc_error_set(err, MSC_ERR_USAGE, "%s: KPI '%s' needs: %s", from, id, why);
    if (k->count >= MSC_MAX_KPIS)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: more than %d KPIs", from, MSC_MAX_KPIS);
    k->mod[k->count++] = mod;
    return MSC_OK;
}

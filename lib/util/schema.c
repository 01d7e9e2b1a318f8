/* schema.c: the canonical names of data-model.md. */
#include "util/schema.h"

#include <string.h>

const char *const msc_file_names[MSC_FILE_COUNT] = {
    "tickets.csv", "time_entries.csv", "surveys.csv", "clients.csv", "resources.csv",
};

static const char *const ticket_names[] = {
    "ticket_id", "ticket_number", "created", "client", "ticket_type", "resource",
    "first_response_due", "first_response", "resolution_plan_due", "resolution_plan",
    "resolved_due", "resolved", "completed", "estimated_hours", "escalations", "reopens",
    "first_response_met", "resolution_plan_met", "resolved_met", "sla_excluded", "title", "queue",
    "priority", "status", NULL};
static const char *const entry_names[] = {
    "ticket_id", "resource", "start", "end", "date_worked", "hours_worked", "hours_billed",
    "billable", "non_billable", "work_type", "client", "entered", "entry_id", NULL};
static const char *const survey_names[] = {
    "ticket_id", "resource", "client", "received", "score", "scale_max", "survey_id", NULL};
static const char *const client_names[] = {"client", "endpoints", "monthly_revenue", "month",
                                           "agreement", "included_hours", NULL};
static const char *const resource_names[] = {
    "resource", "weekly_hours", "hourly_cost", "start_date", "end_date", "include", "team", "email",
    "monthly_pay", NULL};

const char *const *const msc_field_names[MSC_FILE_COUNT] = {
    ticket_names, entry_names, survey_names, client_names, resource_names};
const int msc_field_count[MSC_FILE_COUNT] = {MSC_T_COUNT, MSC_E_COUNT, MSC_S_COUNT, MSC_C_COUNT,
                                             MSC_R_COUNT};

/* A file's fields are bits of an unsigned (model.h's has_field) and index
 * fixed tables of MSC_MAX_FIELDS. */
_Static_assert(MSC_T_COUNT <= MSC_MAX_FIELDS && MSC_E_COUNT <= MSC_MAX_FIELDS &&
                   MSC_S_COUNT <= MSC_MAX_FIELDS && MSC_C_COUNT <= MSC_MAX_FIELDS &&
                   MSC_R_COUNT <= MSC_MAX_FIELDS,
               "a file has more canonical fields than MSC_MAX_FIELDS");
_Static_assert(MSC_MAX_FIELDS <= 32, "has_field holds a bit per field in an unsigned");

int msc_schema_file(const char *name)
{
    for (int f = 0; f < MSC_FILE_COUNT; f++)
        if (strcmp(msc_file_names[f], name) == 0)
            return f;
    return -1;
}

int msc_schema_field(int file, const char *name)
{
    for (int k = 0; msc_field_names[file][k]; k++)
        if (strcmp(msc_field_names[file][k], name) == 0)
            return k;
    return -1;
}

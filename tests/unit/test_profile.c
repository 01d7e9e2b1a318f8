/* test_profile.c: the built-in profiles read every header psa-profiles.md's
 * tables 9.1-9.3 list for them as the field the table puts it under, and
 * every canonical name as its own field. The tables are copied here (tests
 * read nothing outside the repository); the spec's research labels are
 * written as data-model.md's fields (company = client, created_at = created,
 * assigned_tech and tech = resource, ticket_ref = ticket_id, sla_met = the
 * *_met flag the profile defaults of 9.4 name). Rows of the tables with no
 * field in data-model.md (resolved_by, actual_hours, endpoint / CI, reopen
 * indicator, notes, comment, exclude, contacts) are left out, as are
 * ConnectWise's slaStatus (a status word, not a verdict), Marked Done (a
 * flag, not a time) and HaloPSA's timetakenadjusted (an adjustment). */
#include "check.h"
#include "read/profile.h"

#include <stdio.h>
#include <string.h>

struct row {
    const char *profile;
    enum msc_file file;
    const char *field;
    const char *headers; /* '|'-separated, as the table lists them */
};

#define T MSC_FILE_TICKETS
#define E MSC_FILE_TIME
#define S MSC_FILE_SURVEYS

static const struct row spec[] = {
    /* 9.1 Tickets */
    {"autotask", T, "ticket_id", "id|Ticket ID"},
    {"connectwise", T, "ticket_id", "id|TicketNbr|SR_Service_RecID|Ticket #"},
    {"halopsa", T, "ticket_id", "faultid|id|Ticket ID"},
    {"autotask", T, "ticket_number", "ticketNumber|Ticket Number|Autotask Ticket Number"},
    {"autotask", T, "title", "title|Title"},
    {"connectwise", T, "title", "summary|Summary"},
    {"halopsa", T, "title", "summary|symptom|Summary|Subject"},
    {"autotask", T, "client", "companyID|Account|Organization|Company"},
    {"connectwise", T, "client", "company|company_name|Company"},
    {"halopsa", T, "client", "client_name|aareadesc|Client|Customer"},
    {"autotask", T, "created", "createDate|Create Date/Time|Created"},
    {"connectwise", T, "created", "_info.dateEntered|dateEntered|date_entered|Entered|date_opened"},
    {"halopsa", T, "created", "dateoccurred|dateoccured|Date Opened|Date Occurred"},
    {"autotask", T, "first_response", "firstResponseDateTime"},
    {"connectwise", T, "first_response", "dateResponded|date_responded_utc|Responded|acknowledgement_date"},
    {"halopsa", T, "first_response", "responsedate|fresponsedate|Date Responded|Responded Date"},
    {"autotask", T, "first_response_due", "firstResponseDueDateTime"},
    {"halopsa", T, "first_response_due", "respondbydate|FRespondByDate|Target Response Date"},
    {"autotask", T, "resolution_plan", "resolutionPlanDateTime"},
    {"connectwise", T, "resolution_plan", "dateResplan|date_resplan_utc"},
    {"autotask", T, "resolution_plan_due", "resolutionPlanDueDateTime"},
    {"autotask", T, "resolved", "resolvedDateTime"},
    {"connectwise", T, "resolved", "dateResolved|date_resolved_utc"},
    {"halopsa", T, "resolved", "dateclosed|datecleared|Date Resolved|Date Closed"},
    {"autotask", T, "resolved_due", "resolvedDueDateTime|dueDateTime"},
    {"connectwise", T, "resolved_due", "requiredDate|Date_Required"},
    {"halopsa", T, "resolved_due", "fixbydate|Target Resolution Date|Resolution Date"},
    {"autotask", T, "completed", "completedDate|Complete Date"},
    {"connectwise", T, "completed", "closedDate|date_closed"},
    {"halopsa", T, "completed", "dateclosed|datecleared"},
    {"autotask", T, "status", "status|Status"},
    {"connectwise", T, "status", "status|status_description|Status"},
    {"halopsa", T, "status", "status_id|tstatusdesc|Status"},
    {"autotask", T, "priority", "priority|Priority"},
    {"connectwise", T, "priority", "priority|Priority"},
    {"halopsa", T, "priority", "priority_id|pdesc|Priority|Priority Description"},
    {"autotask", T, "queue", "queueID|Queue"},
    {"connectwise", T, "queue", "board|board_name|Board"},
    {"halopsa", T, "queue", "team|sectio_|Team|Section"},
    {"autotask", T, "ticket_type", "ticketType|issueType|subIssueType|ticketCategory|source"},
    {"connectwise", T, "ticket_type", "type|subType|item|recordType|source|ServiceType"},
    {"halopsa", T, "ticket_type",
     "tickettype_id|rtdesc|Ticket Type|category_1|category_2|category_3|category_4|Category"},
    {"autotask", T, "resource", "assignedResourceID|Primary Resource"},
    {"connectwise", T, "resource", "owner|resources|resource_list|Resource"},
    {"halopsa", T, "resource", "agent_id|uname|Agent"},
    {"autotask", T, "estimated_hours", "estimatedHours|Estimated Hours"},
    {"connectwise", T, "estimated_hours", "budgetHours|Hours Budget"},
    {"halopsa", T, "estimated_hours", "estimate"},
    {"autotask", T, "first_response_met", "IsFirstResponseMet"},
    {"autotask", T, "resolution_plan_met", "IsResolutionPlanMet"},
    {"autotask", T, "resolved_met", "IsResolutionMet|serviceLevelAgreementHasBeenMet"},
    {"connectwise", T, "first_response_met", "MetResponseSLA"},
    {"connectwise", T, "resolved_met", "isInSla"},
    {"halopsa", T, "first_response_met", "slaresponsestate|Response State"},
    {"halopsa", T, "resolved_met", "slastate|Resolution State"},
    {"halopsa", T, "sla_excluded", "excludefromsla|FexcludefromSLA"},
    /* 9.2 Time entries */
    {"autotask", E, "entry_id", "id"},
    {"connectwise", E, "entry_id", "id|Time_RecID"},
    {"halopsa", E, "entry_id", "id|actionnumber"},
    {"autotask", E, "ticket_id", "ticketID|Autotask Ticket Number"},
    {"connectwise", E, "ticket_id", "chargeToId|SR_Service_RecID|ticketID"},
    {"halopsa", E, "ticket_id", "ticket_id|faultid|Ticket ID"},
    {"autotask", E, "resource", "resourceID|Resource"},
    {"connectwise", E, "resource", "member|member_id|enteredBy|name"},
    {"halopsa", E, "resource", "who|who_agentid|Performed By"},
    {"autotask", E, "date_worked", "dateWorked"},
    {"connectwise", E, "date_worked", "Date_Start|timeStart"},
    {"halopsa", E, "date_worked", "whe_|datetime|When"},
    {"autotask", E, "start", "startDateTime|Start Date/Time"},
    {"connectwise", E, "start", "timeStart|time_start"},
    {"halopsa", E, "start", "actionarrivaldate"},
    {"autotask", E, "end", "endDateTime|End Date/Time"},
    {"connectwise", E, "end", "timeEnd|time_end"},
    {"halopsa", E, "end", "actioncompletiondate"},
    {"autotask", E, "hours_worked", "hoursWorked"},
    {"connectwise", E, "hours_worked", "actualHours|hours_actual|hours"},
    {"halopsa", E, "hours_worked", "timetaken|Time Taken"},
    {"autotask", E, "hours_billed", "hoursToBill"},
    {"connectwise", E, "hours_billed", "hoursBilled|Billable_Hrs|hoursbilled"},
    {"halopsa", E, "hours_billed", "actionchargehours"},
    {"autotask", E, "non_billable", "isNonBillable"},
    {"connectwise", E, "billable", "billableOption"},
    {"autotask", E, "entered", "createDateTime"},
    {"connectwise", E, "entered", "dateEntered|date_entered_utc"},
    {"halopsa", E, "entered", "actiondatecreated"},
    {"autotask", E, "work_type", "billingCodeID|roleID|timeEntryType"},
    {"connectwise", E, "work_type", "workType|workRole"},
    {"halopsa", E, "work_type", "outcome|actoutcome"},
    /* 9.3 Surveys */
    {"autotask", S, "survey_id", "id"},
    {"connectwise", S, "survey_id", "id"},
    {"autotask", S, "ticket_id", "ticketID"},
    {"connectwise", S, "ticket_id", "ticketId"},
    {"halopsa", S, "ticket_id", "fbfaultid"},
    {"autotask", S, "client", "companyID"},
    {"connectwise", S, "client", "company"},
    {"autotask", S, "score", "surveyRating|resourceRating|companyRating|contactRating"},
    {"connectwise", S, "score", "totalPoints"},
    {"halopsa", S, "score", "fbscore|satisfactionlevel"},
    {"autotask", S, "received", "completeDate|sendDate"},
    {"connectwise", S, "received", "_info.dateEntered"},
};

static int field_index(enum msc_file file, const char *name)
{
    for (int f = 0; msc_field_names[file][f]; f++)
        if (strcmp(msc_field_names[file][f], name) == 0)
            return f;
    return -1;
}

/* Whether the profile, given a header row of this one header, reads it as field. */
static int reads_as(const struct msc_profile *p, enum msc_file file, const char *header, int field)
{
    struct msc_header_map map;
    const char *row[] = {header};
    return msc_profile_map_header(p, file, row, 1, &map) >= 0 && field >= 0 && map.col[field] == 0;
}

int main(void)
{
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++) {
        const struct row *r = &spec[i];
        const struct msc_profile *p = msc_profile_find(r->profile);
        int field = field_index(r->file, r->field);
        CHECK(p && field >= 0);
        for (const char *h = r->headers; p && *h;) {
            size_t len = strcspn(h, "|");
            char one[64];
            snprintf(one, sizeof one, "%.*s", (int)len, h);
            if (!reads_as(p, r->file, one, field)) {
                CHECK(0);
                fprintf(stderr, "  %s does not read %s '%s' as %s\n", r->profile, msc_file_names[r->file],
                        one, r->field);
            } else {
                CHECK(1);
            }
            h += len + (h[len] == '|');
        }
    }
    /* Canonical names everywhere: each profile reads each field under its own name. */
    for (int i = 0; msc_profiles[i]; i++)
        for (int file = 0; file < MSC_FILE_COUNT; file++)
            for (int f = 0; msc_field_names[file][f]; f++)
                if (!reads_as(msc_profiles[i], (enum msc_file)file, msc_field_names[file][f], f)) {
                    CHECK(0);
                    fprintf(stderr, "  %s does not read %s '%s' as itself\n", msc_profiles[i]->name,
                            msc_file_names[file], msc_field_names[file][f]);
                }
    return check_report("profile");
}

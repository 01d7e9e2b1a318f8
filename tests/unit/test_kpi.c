/* test_kpi.c: utilization and agreement usage through the library, against
 * hand arithmetic. */
#include "check.h"
#include "fixture.h"
#include "read/field.h"
#include "run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/msc-test-kpi-XXXXXX";

static void write_file(const char *name, const char *text) { fixture_write(dir, name, text); }

static double value(struct msc_run *run, const char *kpi, enum msc_level level, const char *who)
{
    struct msc_names *names = level == MSC_LEVEL_CLIENT ? &run->model.clients : &run->model.people;
    int subject = level == MSC_LEVEL_TEAM ? -1 : msc_names_find(names, who);
    const struct msc_row *row = msc_report_find(&run->report, msc_kpis_find(&run->kpis, kpi), level, subject,
                                                run->model.last_period);
    return row ? row->value : NAN;
}

/* February 2026: 20 weekdays (Mon 2 .. Fri 27); Monday 16 is a holiday.
 * Returns the run's status. */
static enum msc_status run_feb_partial(struct msc_run *run, int billable_basis, int partial)
{
    struct msc_run_opts o;
    struct msc_error err = {0};
    msc_run_opts_init(&o);
    o.dir = dir;
    o.month = 2026 * 12 + 1;
    o.months = 1;
    o.partial = partial;
    msc_run_init(run);
    msc_settings_add_holiday(&run->settings, msc_days_from_civil(2026, 2, 16));
    run->settings.utilization_billable = billable_basis;
    return msc_run_execute(run, &o, &err);
}

static void run_feb(struct msc_run *run, int billable_basis)
{
    CHECK(run_feb_partial(run, billable_basis, 0) == MSC_OK);
}

int main(void)
{
    if (!fixture_open(dir))
        return 1;
    /* A2 makes the data reach the end of February. */
    write_file("tickets.csv", "ticket_id,created,client,resource\n"
                              "A1,2026-02-03 09:00,Acme,Ann\n"
                              "A2,2026-02-27 16:00,Acme,Ann\n");
    write_file("resources.csv", "resource,weekly_hours,start_date,include\n"
                                "Ann,40,,yes\n"
                                "Ben,30,2026-02-16,yes\n"
                                "Desk,40,,no\n");
    write_file("time_entries.csv", "ticket_id,resource,start,date_worked,hours_worked,billable,work_type,client\n"
                                   "A1,Ann,2026-02-02 09:00,,6,no,Regular,\n"
                                   "A1,Ann,2026-02-04 09:00,,4,no,,\n"
                                   ",Ann,2026-02-05 09:00,,2,no,Internal,\n"
                                   ",Ann,,2026-02-10,8,no,PTO,\n"
                                   ",Ben,2026-02-17 09:00,,6,yes,Regular,Acme\n"
                                   ",Desk,2026-02-17 09:00,,5,no,Regular,Acme\n");
    struct msc_run run;
    run_feb(&run, 0);
    /* Ann: (20 weekdays - 1 holiday) x 40 / 5 = 152, less 8 h PTO = 144;
     * client work 6 + 4 (an empty work type on a ticket is client work);
     * Internal and PTO are not. 10 / 144. */
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TECH, "Ann"), 10.0 / 144);
    /* Ben starts Monday 16: 10 weekdays, less the holiday, x 30 / 5 = 54. */
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TECH, "Ben"), 6.0 / 54);
    /* Desk has include = no: no row, and out of the team's sums. */
    CHECK(isnan(value(&run, "utilization", MSC_LEVEL_TECH, "Desk")));
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TEAM, NULL), 16.0 / 198);
    msc_run_release(&run);

    /* utilization_basis = billable counts only billable entries. */
    run_feb(&run, 1);
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TECH, "Ann"), 0.0);
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TECH, "Ben"), 6.0 / 54);
    msc_run_release(&run);

    /* A technician with no capacity in the period has no value, not 0. */
    write_file("time_entries.csv", "ticket_id,resource,start,hours_worked\n"
                                   "A1,Desk,2026-02-02 09:00,1\n"
                                   "A1,Cy,2026-03-03 09:00,2\n");
    run_feb(&run, 0);
    CHECK(isnan(value(&run, "utilization", MSC_LEVEL_TECH, "Cy")));
    /* Ann is listed and employed: capacity 152, nothing logged: 0, not blank. */
    CHECK(value(&run, "utilization", MSC_LEVEL_TECH, "Ann") == 0);
    msc_run_release(&run);

    /* Capacity counts only from the first time entry's day (Wed 4) ... */
    write_file("time_entries.csv", "ticket_id,resource,start,date_worked,hours_worked,work_type\n"
                                   "A1,Ann,2026-02-04 09:00,,4,\n");
    run_feb(&run, 0);
    /* 18 weekdays from the 4th to the 27th, less the holiday: 17 x 8 = 136. */
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TECH, "Ann"), 4.0 / 136);
    msc_run_release(&run);

    /* ... to the data's end: exports that stop on Tue 10 February do not
     * cover the month (exit 3) unless the report is asked for as partial;
     * then Wed 4 .. Tue 10 is 5 weekdays, 40 hours. */
    write_file("tickets.csv", "ticket_id,created,client,resource\n"
                              "A1,2026-02-03 09:00,Acme,Ann\n");
    write_file("time_entries.csv", "ticket_id,resource,start,date_worked,hours_worked,work_type\n"
                                   "A1,Ann,2026-02-04 09:00,,4,\n"
                                   ",Ann,,2026-02-10,8,Internal\n");
    CHECK(run_feb_partial(&run, 0, 0) == MSC_ERR_INPUT);
    msc_run_release(&run);
    CHECK(run_feb_partial(&run, 0, 1) == MSC_OK);
    CHECK(run.report.partial);
    CHECK_NEAR(value(&run, "utilization", MSC_LEVEL_TECH, "Ann"), 4.0 / 40);
    /* The as-of time is the data's end. */
    CHECK(run.model.as_of == msc_days_from_civil(2026, 2, 10) * 86400);
    msc_run_release(&run);

    /* agreement_usage: Acme's hours in February over the 20 its fixed fee
     * includes; Beta has no included hours, so no row and not in the team.
     * Acme: A1 6 + 4 (Ann), Ben 6 and Desk 5 for Acme (anyone's hours, as
     * client hours count them) = 21; Ann's Internal hour names no client. */
    write_file("tickets.csv", "ticket_id,created,client,resource\n"
                              "A1,2026-02-03 09:00,Acme,Ann\n"
                              "A2,2026-02-27 16:00,Acme,Ann\n");
    write_file("time_entries.csv", "ticket_id,resource,start,date_worked,hours_worked,billable,work_type,client\n"
                                   "A1,Ann,2026-02-02 09:00,,6,no,Regular,\n"
                                   "A1,Ann,2026-02-04 09:00,,4,no,,\n"
                                   ",Ann,2026-02-05 09:00,,1,no,Internal,\n"
                                   ",Ben,2026-02-17 09:00,,6,yes,Regular,Acme\n"
                                   ",Desk,2026-02-17 09:00,,5,no,Regular,Acme\n"
                                   ",Ben,2026-02-18 09:00,,3,yes,Regular,Beta\n");
    write_file("clients.csv", "client,endpoints,monthly_revenue,agreement,included_hours\n"
                              "Acme,10,2000,fixed fee,20\n"
                              "Beta,5,500,T&M,\n");
    run_feb(&run, 0);
    CHECK_NEAR(value(&run, "agreement_usage", MSC_LEVEL_CLIENT, "Acme"), 21.0 / 20);
    CHECK(isnan(value(&run, "agreement_usage", MSC_LEVEL_CLIENT, "Beta")));
    CHECK_NEAR(value(&run, "agreement_usage", MSC_LEVEL_TEAM, NULL), 21.0 / 20);
    msc_run_release(&run);

    fixture_close(dir, "tickets.csv\0resources.csv\0time_entries.csv\0clients.csv\0");
    return check_report("kpi");
}

/* test_bonus.c: the pooled bonus (kpis.md "Pooled bonus") through the
 * library on a small fixture, against hand arithmetic. */
#include "check.h"
#include "fixture.h"
#include "report/bonus.h"
#include "report/summary.h"
#include "run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/msc-test-bonus-XXXXXX";

static void write_file(const char *name, const char *text) { fixture_write(dir, name, text); }

static double value(struct msc_run *run, const char *kpi, const char *who)
{
    int subject = who ? msc_names_find(&run->model.people, who) : -1;
    return msc_report_value(&run->report, msc_kpis_find(&run->kpis, kpi),
                            who ? MSC_LEVEL_TECH : MSC_LEVEL_TEAM, subject, run->model.last_period);
}

/* February 2026 with the settings [bonus] body given. */
static void run_feb(struct msc_run *run, const char *bonus)
{
    char settings[1024], path[256];
    snprintf(settings, sizeof settings, "[bonus]\n%s", bonus);
    write_file("settings.ini", settings);
    snprintf(path, sizeof path, "%s/settings.ini", dir);
    struct msc_run_opts o;
    struct msc_error err = {0};
    msc_run_opts_init(&o);
    o.dir = dir;
    o.month = 2026 * 12 + 1;
    o.months = 1;
    msc_run_init(run);
    CHECK(msc_settings_load(&run->settings, path, &err) == MSC_OK);
    CHECK(msc_run_execute(run, &o, &err) == MSC_OK);
}

/* A run with these settings and --kpi list fails as a usage error saying msg. */
static void expect_usage(const char *settings, const char *kpis, const char *msg)
{
    struct msc_run run;
    struct msc_error err = {0};
    char path[256];
    write_file("settings.ini", settings);
    snprintf(path, sizeof path, "%s/settings.ini", dir);
    msc_run_init(&run);
    CHECK(msc_settings_load(&run.settings, path, &err) == MSC_OK);
    struct msc_run_opts o;
    msc_run_opts_init(&o);
    o.dir = dir;
    o.kpis = kpis;
    CHECK(msc_run_execute(&run, &o, &err) == MSC_ERR_USAGE);
    CHECK(strstr(err.msg, msg) != NULL);
    msc_run_release(&run);
}

int main(void)
{
    if (!fixture_open(dir))
        return 1;
    /* Two reactive tickets: mttr (3 h + 1 h) / 2 = 2 h, met against 5 h;
     * sla_triage 1 of 2 = 50%, missed against 97%; no surveys.csv, so
     * csat_positive has no value: not met. */
    write_file("tickets.csv", "ticket_id,created,resolved,client,resource,first_response_met\n"
                              "A1,2026-02-03 09:00,2026-02-03 12:00,Acme,Ann,yes\n"
                              "A2,2026-02-27 16:00,2026-02-27 17:00,Acme,Ben,no\n");
    /* Capacity runs from the first entry (Mon 2 Feb) to the data's end (Fri
     * 27): 20 weekdays. Ann 40 h a week: 20 x 8 = 160 h; Ben 20 h: 20 x 4 =
     * 80 h; Cat is in another team; Dan is include = false. */
    write_file("time_entries.csv", "ticket_id,resource,start,hours_worked\n"
                                   "A1,Ann,2026-02-02 09:00,2\n"
                                   "A2,Ben,2026-02-27 16:00,1\n");
    write_file("resources.csv", "resource,weekly_hours,team,include,monthly_pay\n"
                                "Ann,40,Help Desk,,5000\n"
                                "Ben,20, help desk ,,4000\n"
                                "Cat,40,Projects,,6000\n"
                                "Dan,40,Help Desk,false,3000\n");
    /* Managed-services revenue: Acme's 100,000 only (Beta is T&M, Gamma
     * names no agreement and the list is set). */
    write_file("clients.csv", "client,endpoints,monthly_revenue,agreement\n"
                              "Acme,10,100000,Managed\n"
                              "Beta,5,20000,T&M\n"
                              "Gamma,5,30000,\n");

    /* per_goal, available hours: pool 5% x 100,000 = 5,000; 1 of 3 goals
     * met releases 5,000 / 3 = 1,666.67; Ann 160 / 240 of it = 1,111.11,
     * Ben 80 / 240 = 555.56. Ann's share of her 5,000 pay: 22.2%. */
    struct msc_run run;
    run_feb(&run, "pool_share = 5%\nmanaged_agreements = Managed\nteam = Help Desk|Field\n"
                  "goals = mttr, sla_triage, csat_positive\n");
    CHECK_NEAR(value(&run, "bonus_pool", NULL), 5000.0);
    CHECK_NEAR(value(&run, "bonus_released", NULL), 5000.0 / 3);
    CHECK_NEAR(value(&run, "bonus", "Ann"), 5000.0 / 3 * 160 / 240);
    CHECK_NEAR(value(&run, "bonus", "Ben"), 5000.0 / 3 * 80 / 240);
    CHECK(isnan(value(&run, "bonus", "Cat")));
    CHECK(isnan(value(&run, "bonus", "Dan")));
    struct msc_bonus b;
    CHECK(msc_report_bonus(&run.report, &b) == 0);
    CHECK(b.nperiods == 1 && b.ngoals == 3 && b.nmembers == 2);
    CHECK_NEAR(b.period[0].revenue, 100000.0);
    CHECK(b.period[0].met == 1 && b.period[0].goal[0].met && !b.period[0].goal[1].met);
    CHECK(isnan(b.period[0].goal[2].value));
    CHECK_NEAR(msc_bonus_share_of_pay(&run.report, &b, b.member[0], b.period[0].period),
               5000.0 / 3 * 160 / 240 / 5000);
    msc_bonus_release(&b);
    char sentence[512], *mail = NULL;
    msc_report_bonus_sentence(&run.report, sentence, sizeof sentence);
    struct msc_error mail_err = {0};
    CHECK(msc_report_summary(&run.report, &mail, &mail_err) == MSC_OK);
    CHECK(mail && strstr(mail, sentence) != NULL); /* the mail carries the same sentence */
    free(mail);
    CHECK(strcmp(sentence, "Bonus 2026-02: 1,667 of 5,000 released (1 of 3 goals met: SLA: Triage "
                        "(first response) missed, 50% against 97%; Positive CSAT missed, no data "
                        "against 99%)") == 0);
    if (strstr(sentence, "Bonus") != sentence || strchr(sentence, '(') == NULL)
        fprintf(stderr, "%s\n", sentence);
    msc_run_release(&run);

    /* all_or_nothing: a goal missed releases nothing; the shares are 0. */
    run_feb(&run, "pool_share = 5%\nmanaged_agreements = Managed\nteam = Help Desk\npayout = all_or_nothing\n");
    CHECK_NEAR(value(&run, "bonus_pool", NULL), 5000.0);
    CHECK_NEAR(value(&run, "bonus_released", NULL), 0.0);
    CHECK_NEAR(value(&run, "bonus", "Ann"), 0.0);
    msc_run_release(&run);

    /* all_or_nothing with mttr the only goal: met, the whole 5,000; split
     * equal between Ann and Ben: 2,500 each. */
    run_feb(&run, "pool_share = 5%\nmanaged_agreements = Managed\nteam = Help Desk\n"
                  "payout = all_or_nothing\ngoals = mttr\nsplit = equal\n");
    CHECK_NEAR(value(&run, "bonus_released", NULL), 5000.0);
    CHECK_NEAR(value(&run, "bonus", "Ann"), 2500.0);
    CHECK_NEAR(value(&run, "bonus", "Ben"), 2500.0);
    msc_run_release(&run);

    /* Defaults: every client's revenue (150,000) x 3% = 4,500; every
     * technician shares (Ann 160 h, Ben 80 h, Cat 160 h; not Dan); 1 of 3
     * default goals met: 1,500; Cat 160 / 400 of it = 600. */
    run_feb(&run, "pool_share = 3%\n");
    CHECK_NEAR(value(&run, "bonus_pool", NULL), 4500.0);
    CHECK_NEAR(value(&run, "bonus_released", NULL), 1500.0);
    CHECK_NEAR(value(&run, "bonus", "Cat"), 600.0);
    CHECK(isnan(value(&run, "bonus", "Dan")));
    msc_run_release(&run);

    /* Without [bonus] the three KPIs are left out as if --kpi had not
     * named them: no empty column, no "has no value" note. */
    {
        struct msc_run off;
        struct msc_error err = {0};
        struct msc_run_opts o;
        msc_run_opts_init(&o);
        o.dir = dir;
        o.month = 2026 * 12 + 1;
        o.months = 1;
        msc_run_init(&off);
        CHECK(msc_run_execute(&off, &o, &err) == MSC_OK);
        for (const char *id = "bonus_pool\0bonus_released\0bonus\0"; *id; id += strlen(id) + 1)
            CHECK(!off.report.kpi[msc_kpis_find(&off.kpis, id)].selected);
        char none[64];
        msc_report_bonus_sentence(&off.report, none, sizeof none);
        CHECK(none[0] == '\0');
        msc_run_release(&off);
    }

    /* --kpi with the bonus but without one of its goals is a usage error;
     * so is a goal that is no KPI, naming the settings line. */
    expect_usage("[bonus]\npool_share = 3%\n", "bonus_pool,bonus_released,mttr,csat_positive",
                 "needs 'sla_triage'");
    expect_usage("[bonus]\n\ngoals = mttr, nope\n", NULL, "settings.ini:3: goals: unknown KPI 'nope'");

    fixture_close(dir, "tickets.csv\0resources.csv\0time_entries.csv\0clients.csv\0settings.ini\0");
    return check_report("bonus");
}

/*
 * test_modules.c: each KPI module fed records by hand (kpi_harness.h),
 * with small cases worked out by hand; every module's `needs` against the
 * schema; and the template as a new KPI would start.
 */
#include "check.h"
#include "kpi_harness.h"

#include <math.h>

/* The template, as copied: its module is msc_kpi_NAME. */
#include "kpi/template.c.txt"

extern const struct msc_kpi_module msc_kpi_escalation_rate, msc_kpi_reopen_rate,
    msc_kpi_sla_triage, msc_kpi_est_vs_actual, msc_kpi_realtime_entry, msc_kpi_hours,
    msc_kpi_survey_score, msc_kpi_csat_positive, msc_kpi_fcr;

static const int64_t MAR = 2026 * 12 + 2;

static void test_needs(void)
{
    char why[160];
    for (size_t k = 0; k < msc_kpi_builtin_count; k++) {
        const char *bad = msc_kpi_check_needs(msc_kpi_builtin[k]->needs, why, sizeof why);
        CHECK(!bad);
        if (bad)
            fprintf(stderr, "  %s: %s\n", msc_kpi_builtin[k]->id, bad);
    }
    CHECK(msc_kpi_check_needs("tickets:resolvd_due", why, sizeof why));
    CHECK(msc_kpi_check_needs("ticket", why, sizeof why));
    CHECK(!msc_kpi_check_needs("tickets:resolved_due|tickets:resolved_met,time_entries", why, sizeof why));
    /* The set refuses a taken id and a bad needs. */
    struct msc_kpis set;
    struct msc_error err = {0};
    msc_kpis_init(&set);
    CHECK(set.count == msc_kpi_builtin_count && set.count <= MSC_MAX_KPIS);
    struct msc_kpi_module twin = msc_kpi_fcr, typo = msc_kpi_fcr;
    CHECK(msc_kpis_add(&set, &twin, "test", &err) == MSC_ERR_USAGE);
    typo.id = "fcr2";
    typo.needs = "tickets:reopns";
    CHECK(msc_kpis_add(&set, &typo, "test", &err) == MSC_ERR_USAGE && strstr(err.msg, "reopns"));
    typo.needs = "tickets:reopens";
    CHECK(msc_kpis_add(&set, &typo, "test", &err) == MSC_OK && msc_kpis_find(&set, "fcr2") >= 0);
    msc_kpis_release(&set);
}

/* The template: a completed ticket counts 1 of 1 for its technician and
 * the team, in the month it completed; an open one not at all. */
static void test_template(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_NAME, MAR);
    struct msc_ticket done = harness_ticket(&h, "Alice", day(2026, 3, 5));
    struct msc_ticket open = harness_ticket(&h, "Bob", day(2026, 3, 6));
    open.completed = MSC_TIME_NONE;
    harness_feed_ticket(&h, &done);
    harness_feed_ticket(&h, &open);
    CHECK(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Alice"), MAR) == 1);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Bob"), MAR)));
    CHECK(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR) == 1);
    harness_release(&h);
}

/* 4 completed tickets, 1 escalated, 2 reopened (one twice): escalation
 * rate 1/4, reopen rate 2/4; an open ticket counts for neither. */
static void test_escalation_reopen(void)
{
    const struct msc_kpi_module *mods[2] = {&msc_kpi_escalation_rate, &msc_kpi_reopen_rate};
    const double want[2] = {0.25, 0.5};
    for (int i = 0; i < 2; i++) {
        struct harness h;
        harness_init(&h, mods[i], MAR);
        h.model.has_escalations = h.model.has_reopens = 1;
        struct msc_ticket t[5];
        for (int k = 0; k < 5; k++)
            t[k] = harness_ticket(&h, "Alice", day(2026, 3, 2 + k));
        t[0].escalations = 1;
        t[1].reopens = 1;
        t[2].reopens = 2;
        t[4].completed = MSC_TIME_NONE;
        t[4].escalations = t[4].reopens = 3;
        for (int k = 0; k < 5; k++)
            harness_feed_ticket(&h, &t[k]);
        CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Alice"), MAR), want[i]);
        CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), want[i]);
        harness_release(&h);
    }
}

/* Triage: met (done before due), missed (late), missed (not done, due
 * before as-of), the PSA's verdict met though late, excluded, pending (due
 * after as-of): 2 of 4. */
static void test_sla_triage(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_sla_triage, MAR);
    int64_t due = day(2026, 3, 10);
    struct msc_ticket t[6];
    for (int k = 0; k < 6; k++) {
        t[k] = harness_ticket(&h, "Alice", day(2026, 3, 9));
        t[k].due[MSC_TRIAGE] = due;
    }
    t[0].done[MSC_TRIAGE] = due - 60;
    t[1].done[MSC_TRIAGE] = due + 60;
    t[3].done[MSC_TRIAGE] = due + 60;
    t[3].verdict[MSC_TRIAGE] = MSC_VERDICT_MET;
    t[4].verdict[MSC_TRIAGE] = MSC_VERDICT_EXCLUDED;
    t[5].due[MSC_TRIAGE] = day(2026, 4, 2);
    for (int k = 0; k < 6; k++)
        harness_feed_ticket(&h, &t[k]);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 0.5);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR + 1)));
    harness_release(&h);
}

/* 6 h worked on a 4 h estimate and 3 h on 4 h: 9 / 8; no estimate, a zero
 * one and an open ticket count not at all. */
static void test_est_vs_actual(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_est_vs_actual, MAR);
    struct msc_ticket t[5];
    for (int k = 0; k < 5; k++) {
        t[k] = harness_ticket(&h, "Alice", day(2026, 3, 3));
        t[k].estimated_hours = 4;
        t[k].hours = k == 0 ? 6 : 3;
    }
    t[2].estimated_hours = NAN;
    t[3].estimated_hours = 0;
    t[4].completed = MSC_TIME_NONE;
    for (int k = 0; k < 5; k++)
        harness_feed_ticket(&h, &t[k]);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Alice"), MAR), 9.0 / 8);
    harness_release(&h);
}

static struct msc_entry entry(int who, int64_t start, double hours)
{
    struct msc_entry e = {.person = who, .client = -1, .start = start,
                          .end = start + (int64_t)(hours * 3600), .entered = MSC_TIME_NONE,
                          .hours = hours, .billable = -1};
    return e;
}

/* Entered 10 and 30 minutes after the end (on time, 30 is the limit),
 * 31 minutes after (late), never (left out): 2 of 3. */
static void test_realtime_entry(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_realtime_entry, MAR);
    int alice = person(&h, "Alice");
    const int minutes[4] = {10, 30, 31, -1};
    for (int k = 0; k < 4; k++) {
        struct msc_entry e = entry(alice, day(2026, 3, 4) + 9 * 3600, 1);
        e.entered = minutes[k] < 0 ? MSC_TIME_NONE : e.end + minutes[k] * 60;
        harness_feed_entry(&h, &e);
    }
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, alice, MAR), 2.0 / 3);
    harness_release(&h);
}

/* Hours by client: 1.5 + 2 for Acme, 0.5 for Globex, 4 without a client
 * (in nobody's sum); the team has the clients' 4. */
static void test_hours(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_hours, MAR);
    int alice = person(&h, "Alice"), acme = client(&h, "Acme"), globex = client(&h, "Globex");
    const int who[4] = {acme, acme, globex, -1};
    const double hours[4] = {1.5, 2, 0.5, 4};
    for (int k = 0; k < 4; k++) {
        struct msc_entry e = entry(alice, day(2026, 3, 4), hours[k]);
        e.client = who[k];
        harness_feed_entry(&h, &e);
    }
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 3.5);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, globex, MAR), 0.5);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 4.0);
    harness_release(&h);
}

/* Surveys 1.0, 0.8 (positive: the band's edge) and 0.5 of Alice's, 0.9
 * without a technician: survey score (1 + 0.8 + 0.5) / 3 for Alice and
 * (1 + 0.8 + 0.5 + 0.9) / 4 for the team; positive 2 of 3 and 3 of 4. */
static void test_surveys(void)
{
    const double ratio[4] = {1.0, 0.8, 0.5, 0.9};
    struct harness h[2];
    harness_init(&h[0], &msc_kpi_survey_score, MAR);
    harness_init(&h[1], &msc_kpi_csat_positive, MAR);
    for (int i = 0; i < 2; i++) {
        int alice = person(&h[i], "Alice");
        for (int k = 0; k < 4; k++) {
            struct msc_survey s = {.person = k < 3 ? alice : -1, .client = -1,
                                   .received = day(2026, 3, 20), .ratio = ratio[k]};
            harness_feed_survey(&h[i], &s);
        }
    }
    CHECK_NEAR(harness_value(&h[0], MSC_LEVEL_TECH, person(&h[0], "Alice"), MAR), 2.3 / 3);
    CHECK_NEAR(harness_value(&h[0], MSC_LEVEL_TEAM, -1, MAR), 3.2 / 4);
    CHECK_NEAR(harness_value(&h[1], MSC_LEVEL_TECH, person(&h[1], "Alice"), MAR), 2.0 / 3);
    CHECK_NEAR(harness_value(&h[1], MSC_LEVEL_TEAM, -1, MAR), 0.75);
    harness_release(&h[0]);
    harness_release(&h[1]);
}

/* First contact: one entry, no escalation or reopen. Of one-entry, a
 * two-entry, an escalated and a no-entry ticket (left out): 1 of 3. */
static void test_fcr(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_fcr, MAR);
    struct msc_ticket t[4];
    for (int k = 0; k < 4; k++) {
        t[k] = harness_ticket(&h, "Alice", day(2026, 3, 12));
        t[k].entries = 1;
    }
    t[1].entries = 2;
    t[2].escalations = 1;
    t[3].entries = 0;
    for (int k = 0; k < 4; k++)
        harness_feed_ticket(&h, &t[k]);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 1.0 / 3);
    harness_release(&h);
}

int main(void)
{
    test_needs();
    test_template();
    test_escalation_reopen();
    test_sla_triage();
    test_est_vs_actual();
    test_realtime_entry();
    test_hours();
    test_surveys();
    test_fcr();
    return check_report("test_modules");
}

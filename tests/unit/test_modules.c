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
    msc_kpi_survey_score, msc_kpi_csat_positive, msc_kpi_fcr, msc_kpi_utilization, msc_kpi_mttr,
    msc_kpi_csat_net, msc_kpi_reactive_hours_per_endpoint, msc_kpi_tickets_per_endpoint,
    msc_kpi_labor_cost, msc_kpi_revenue, msc_kpi_effective_rate, msc_kpi_margin,
    msc_kpi_tech_score, msc_kpi_sla_engagement, msc_kpi_sla_completion, msc_kpi_billed_vs_worked,
    msc_kpi_agreement_usage;

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
        harness_due(&h, &t[k], MSC_TRIAGE, due);
    }
    harness_done(&h, &t[0], MSC_TRIAGE, due - 60);
    harness_done(&h, &t[1], MSC_TRIAGE, due + 60);
    harness_done(&h, &t[3], MSC_TRIAGE, due + 60);
    msc_ticket_set_verdict(&t[3], MSC_TRIAGE, MSC_VERDICT_MET);
    msc_ticket_set_verdict(&t[4], MSC_TRIAGE, MSC_VERDICT_EXCLUDED);
    harness_due(&h, &t[5], MSC_TRIAGE, day(2026, 4, 2));
    for (int k = 0; k < 6; k++)
        harness_feed_ticket(&h, &t[k]);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 0.5);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR + 1)));
    harness_release(&h);
}

/* A ticket keeps its times as 32-bit seconds after created, and whole in
 * the model's side table once one is further than 68 years away (a
 * mistyped year): every time reads back as it was set, before and after
 * the switch; so does resolved, which is done[completion], else completed.
 * The SLA counts a ticket done in 1926 as met (done before due). */
static void test_ticket_times(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_sla_triage, MAR);
    int64_t created = day(2026, 3, 9);
    struct msc_ticket t = harness_ticket(&h, "Alice", created);
    const int64_t near[] = {created, created + INT32_MAX, created + INT32_MIN + 1, created - 60};
    for (int i = 0; i < 4; i++) {
        harness_due(&h, &t, MSC_TRIAGE, near[i]);
        CHECK(msc_ticket_due(&h.model, &t, MSC_TRIAGE) == near[i]);
    }
    CHECK(!t.wide && msc_ticket_done(&h.model, &t, MSC_ENGAGEMENT) == MSC_TIME_NONE);
    t.completed = created + 3600;
    CHECK(msc_ticket_resolved(&h.model, &t) == created + 3600);
    harness_due(&h, &t, MSC_TRIAGE, day(2026, 3, 10));
    harness_done(&h, &t, MSC_COMPLETION, created + 7200);
    CHECK(msc_ticket_resolved(&h.model, &t) == created + 7200);
    harness_done(&h, &t, MSC_TRIAGE, day(1926, 3, 9));
    CHECK(t.wide);
    CHECK(msc_ticket_done(&h.model, &t, MSC_TRIAGE) == day(1926, 3, 9));
    CHECK(msc_ticket_due(&h.model, &t, MSC_TRIAGE) == day(2026, 3, 10));
    CHECK(msc_ticket_resolved(&h.model, &t) == created + 7200);
    CHECK(msc_ticket_due(&h.model, &t, MSC_ENGAGEMENT) == MSC_TIME_NONE);
    harness_done(&h, &t, MSC_ENGAGEMENT, created + INT32_MAX + 1);
    CHECK(msc_ticket_done(&h.model, &t, MSC_ENGAGEMENT) == created + INT32_MAX + 1);
    msc_ticket_set_verdict(&t, MSC_ENGAGEMENT, MSC_VERDICT_EXCLUDED);
    CHECK(msc_ticket_verdict(&t, MSC_ENGAGEMENT) == MSC_VERDICT_EXCLUDED);
    CHECK(msc_ticket_verdict(&t, MSC_TRIAGE) == MSC_VERDICT_NONE);
    harness_feed_ticket(&h, &t);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 1.0);
    /* 32 bits' "missing" is no time: that far away goes to the table too. */
    struct msc_ticket u = harness_ticket(&h, "Bob", created);
    harness_due(&h, &u, MSC_COMPLETION, created + INT32_MIN);
    CHECK(u.wide && msc_ticket_due(&h.model, &u, MSC_COMPLETION) == created + INT32_MIN);
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

/* Entered 10 and 30 minutes after the end (on time, 30 is the limit),
 * 31 minutes after (late), never (left out): 2 of 3. */
static void test_realtime_entry(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_realtime_entry, MAR);
    int alice = person(&h, "Alice");
    const int minutes[4] = {10, 30, 31, -1};
    for (int k = 0; k < 4; k++) {
        struct msc_entry e = harness_entry(alice, day(2026, 3, 4) + 9 * 3600, 1);
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
        struct msc_entry e = harness_entry(alice, day(2026, 3, 4), hours[k]);
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

/* March 2026 starts on a Sunday: its weekdays are the 2nd-6th, 9th-13th,
 * 16th-20th, 23rd-27th, 30th and 31st (22). The 9th is a holiday.
 * The time entries start on Wednesday the 4th and the data ends on Friday
 * the 27th: capacity counts the 4th-27th, 18 weekdays less the holiday, 17.
 * Alice (40 h a week, 8 a day): 17 x 8 = 136 less 8 h PTO = 128 available;
 * 40 + 24 h of client work (her 10 h internal is not): 64 / 128 = 0.5.
 * Bob (20 h a week, 4 a day), employed the 16th-20th only: 5 x 4 = 20;
 * 15 h of client work: 0.75. Team: (64 + 15) / (128 + 20) = 79 / 148.
 * Carol (include = false): nowhere, her time out of the team. February is
 * in the range but ends before the time entries start: no capacity, no
 * value. */
static void test_utilization(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_utilization, MAR);
    h.model.first_period = MAR - 1;
    CHECK(msc_settings_add_holiday(&h.settings, msc_days_from_civil(2026, 3, 9)) == 0);
    h.model.data_start = day(2026, 2, 20);
    h.model.entries_start = day(2026, 3, 4) + 9 * 3600;
    h.model.data_end = day(2026, 3, 27) + 18 * 3600;
    int alice = harness_tech(&h, "Alice", 40, NAN), bob = harness_tech(&h, "Bob", 20, NAN);
    int carol = harness_tech(&h, "Carol", 40, NAN);
    h.model.person[carol].excluded = 1;
    h.model.person[bob].start_day = msc_days_from_civil(2026, 3, 16);
    h.model.person[bob].end_day = msc_days_from_civil(2026, 3, 20);
    const struct {
        int who;
        double hours;
        int client_work, absence;
    } rows[] = {{alice, 40, 1, 0}, {alice, 24, 1, 0}, {alice, 10, 0, 0}, {alice, 8, 0, 1},
                {bob, 15, 1, 0},   {carol, 30, 1, 0}};
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        struct msc_entry e = harness_entry(rows[k].who, day(2026, 3, 16) + 9 * 3600, rows[k].hours);
        e.client_work = rows[k].client_work;
        e.absence = rows[k].absence;
        harness_feed_entry(&h, &e);
    }
    harness_finish(&h);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, alice, MAR), 0.5);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, bob, MAR), 0.75);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 79.0 / 148);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TECH, carol, MAR)));
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR - 1)));
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TECH, alice, MAR - 1)));
    harness_release(&h);
}

/* Business hours 08-17, Monday the 9th a holiday.
 * Alice: Tue 3rd 10:00-14:00, 4 h; opened Fri 6th 20:00 (after hours),
 * resolved Tue 10th 10:00: the clock starts at the next opening, past the
 * weekend and the holiday, Tue 08:00: 2 h. Mean 3 h.
 * Bob, for Acme: Wed 11th 16:00 to Thu 12th 12:00: 1 h + 4 h = 5 h.
 * Team (4 + 2 + 5) / 3. Left out: a 100 h non-reactive ticket, one
 * resolved before it was created and one still open. */
static void test_mttr(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_mttr, MAR);
    CHECK(msc_settings_add_holiday(&h.settings, msc_days_from_civil(2026, 3, 9)) == 0);
    int acme = client(&h, "Acme");
    const struct {
        const char *who;
        int64_t created, resolved;
        int reactive;
    } rows[] = {
        {"Alice", day(2026, 3, 3) + 10 * 3600, day(2026, 3, 3) + 14 * 3600, 1},
        {"Alice", day(2026, 3, 6) + 20 * 3600, day(2026, 3, 10) + 10 * 3600, 1},
        {"Bob", day(2026, 3, 11) + 16 * 3600, day(2026, 3, 12) + 12 * 3600, 1},
        {"Alice", day(2026, 3, 2) + 9 * 3600, day(2026, 3, 20) + 9 * 3600, 0},
        {"Alice", day(2026, 3, 5) + 12 * 3600, day(2026, 3, 5) + 11 * 3600, 1},
        {"Alice", day(2026, 3, 5) + 12 * 3600, MSC_TIME_NONE, 1},
    };
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        struct msc_ticket t = harness_ticket(&h, rows[k].who, rows[k].created);
        t.completed = rows[k].resolved;
        t.reactive = rows[k].reactive;
        t.client = k == 2 ? acme : -1;
        harness_feed_ticket(&h, &t);
    }
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Alice"), MAR), 3.0);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Bob"), MAR), 5.0);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 5.0);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 11.0 / 3);
    harness_release(&h);
}

/* Alice's surveys 1.0, 0.8 (positive: the edge), 0.6 (neither), 0.4
 * (negative: the edge) and 0.0: (2 - 2) / 5 = 0. With 0.9 without a
 * technician the team has (3 - 2) / 6. Acme's 1.0, 0.8 and 0.4:
 * (2 - 1) / 3. */
static void test_csat_net(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_csat_net, MAR);
    int alice = person(&h, "Alice"), acme = client(&h, "Acme");
    const double ratio[6] = {1.0, 0.8, 0.6, 0.4, 0.0, 0.9};
    for (int k = 0; k < 6; k++) {
        struct msc_survey s = {.person = k < 5 ? alice : -1, .client = k <= 1 || k == 3 ? acme : -1,
                               .received = day(2026, 3, 20), .ratio = ratio[k]};
        harness_feed_survey(&h, &s);
    }
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, alice, MAR), 0.0);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 1.0 / 6);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 1.0 / 3);
    harness_release(&h);
}

/* Acme has 20 endpoints every month; Globex 10 in March (its own row wins
 * over its undated 99). Team: 30 endpoint-months. */
static void two_clients(struct harness *h, int *acme, int *globex)
{
    *acme = harness_client_row(h, "Acme", -1, 20, NAN, NAN);
    *globex = harness_client_row(h, "Globex", -1, 99, NAN, NAN);
    harness_client_row(h, "Globex", (int)MAR, 10, NAN, NAN);
}

/* Reactive hours: 3 on an Acme ticket, 2 on a Globex one, 1 on one
 * without a client (the team's only): Acme 3 / 20, Globex 2 / 10, team
 * (3 + 2 + 1) / 30. Left out: 5 h on a non-reactive Acme ticket and 4 h
 * on no ticket. */
static void test_reactive_hours_per_endpoint(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_reactive_hours_per_endpoint, MAR);
    int acme, globex;
    two_clients(&h, &acme, &globex);
    int alice = person(&h, "Alice");
    struct msc_ticket t[4];
    const int owner[4] = {acme, globex, -1, acme};
    for (int k = 0; k < 4; k++) {
        t[k] = harness_ticket(&h, "Alice", day(2026, 3, 2));
        t[k].client = owner[k];
        t[k].reactive = k < 3;
    }
    const int on[5] = {0, 1, 2, 3, -1};
    const double hours[5] = {3, 2, 1, 5, 4};
    for (int k = 0; k < 5; k++) {
        struct msc_entry e = harness_entry(alice, day(2026, 3, 5), hours[k]);
        e.ticket = on[k] >= 0 ? &t[on[k]] : NULL;
        e.client = on[k] >= 0 ? t[on[k]].client : acme;
        e.client_work = 1;
        harness_feed_entry(&h, &e);
    }
    harness_finish(&h);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 0.15);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, globex, MAR), 0.2);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 0.2);
    harness_release(&h);
}

/* Reactive tickets created in March: 2 of Acme's, 1 of Globex's, 1
 * without a client: Acme 2 / 20, Globex 1 / 10, team 4 / 30. Left out: a
 * non-reactive Acme ticket, and one created in February (outside the
 * range: no endpoints, no value). */
static void test_tickets_per_endpoint(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_tickets_per_endpoint, MAR);
    int acme, globex;
    two_clients(&h, &acme, &globex);
    const int owner[6] = {acme, acme, globex, -1, acme, acme};
    for (int k = 0; k < 6; k++) {
        struct msc_ticket t = harness_ticket(&h, "Alice", k == 5 ? day(2026, 2, 20) : day(2026, 3, 9));
        t.client = owner[k];
        t.reactive = k != 4;
        harness_feed_ticket(&h, &t);
    }
    harness_finish(&h);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 0.1);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, globex, MAR), 0.1);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 4.0 / 30);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR - 1)));
    harness_release(&h);
}

/* Profitability. Acme's revenue is 1000 a month (undated row), Globex's
 * 500 in March (its row wins over the undated 9999), Umbrella's 200,
 * Initech has none. Alice costs 80 an hour; Bob has no cost:
 * default_hourly_cost 50. Hours: Alice 2 for Globex, Bob 8 for Acme and 5
 * for Initech, none for Umbrella; Alice's 4 without a client count nowhere.
 *   labor_cost: Acme 8 x 50 = 400, Globex 2 x 80 = 160, Initech 5 x 50 =
 *     250, Umbrella none; team 810.
 *   revenue: Acme 1000, Globex 500, Umbrella 200, Initech none; team 1700.
 *   effective_rate: Acme 1000 / 8 = 125, Globex 500 / 2 = 250, Umbrella
 *     (no hours) and Initech none; team all revenue over all client hours,
 *     1700 / 15.
 *   margin: Acme (1000 - 400) / 1000 = 0.6, Globex (500 - 160) / 500 =
 *     0.68, Umbrella (200 - 0) / 200 = 1; team (1700 - 810) / 1700, every
 *     client's labor as in effective_rate (the spec's periods example, team
 *     margin W01, counts Tailspin's labor though it has no revenue). */
static void test_profitability(void)
{
    const struct msc_kpi_module *mods[4] = {&msc_kpi_labor_cost, &msc_kpi_revenue,
                                            &msc_kpi_effective_rate, &msc_kpi_margin};
    const double want[4][5] = {/* Acme, Globex, Initech, Umbrella, team */
                               {400, 160, 250, NAN, 810},
                               {1000, 500, NAN, 200, 1700},
                               {125, 250, NAN, NAN, 1700.0 / 15},
                               {0.6, 0.68, NAN, 1, 890.0 / 1700}};
    for (int i = 0; i < 4; i++) {
        struct harness h;
        harness_init(&h, mods[i], MAR);
        h.settings.default_hourly_cost = 50;
        int alice = harness_tech(&h, "Alice", 40, 80), bob = person(&h, "Bob");
        int id[4] = {harness_client_row(&h, "Acme", -1, 20, 1000, NAN),
                     harness_client_row(&h, "Globex", -1, 10, 9999, NAN),
                     harness_client_row(&h, "Initech", -1, 5, NAN, NAN),
                     harness_client_row(&h, "Umbrella", -1, 5, 200, NAN)};
        harness_client_row(&h, "Globex", (int)MAR, 10, 500, NAN);
        const struct {
            int who, client;
            double hours;
        } rows[] = {{alice, id[1], 2}, {bob, id[0], 8}, {bob, id[2], 5}, {alice, -1, 4}};
        for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
            struct msc_entry e = harness_entry(rows[k].who, day(2026, 3, 10), rows[k].hours);
            e.client = rows[k].client;
            e.client_work = 1;
            if (mods[i]->on_entry)
                harness_feed_entry(&h, &e);
        }
        if (mods[i]->finish)
            harness_finish(&h);
        for (int c = 0; c < 5; c++) {
            double v = c < 4 ? harness_value(&h, MSC_LEVEL_CLIENT, id[c], MAR)
                             : harness_value(&h, MSC_LEVEL_TEAM, -1, MAR);
            int ok = isnan(want[i][c]) ? isnan(v) : fabs(v - want[i][c]) < 1e-9;
            CHECK(ok);
            if (!ok)
                fprintf(stderr, "  %s, column %d: %g\n", mods[i]->id, c, v);
        }
        harness_release(&h);
    }
}

/* tech_score from other modules' cells, weights 2 (utilization, target
 * 0.8, higher), 1 (mttr, target 5 h, lower), 0 (fcr: not counted).
 *   Alice: utilization 0.6 -> 0.75, mttr 10 h -> 5 / 10 = 0.5:
 *     (2 x 0.75 + 0.5) / 3 x 100 = 66.67.
 *   Bob: utilization 0.9 -> 1 (capped), mttr 0 -> 1: 100.
 *   Team: utilization 0.75 -> 0.9375, mttr 4 h -> 1:
 *     (2 x 0.9375 + 1) / 3 x 100 = 95.83.
 *   Carol has only fcr (weight 0): no score. A client's mttr makes no
 *   client score. */
static void test_tech_score(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_tech_score, MAR);
    int alice = person(&h, "Alice"), bob = person(&h, "Bob"), carol = person(&h, "Carol");
    struct msc_cells in[3];
    for (int k = 0; k < 3; k++)
        msc_cells_init(&in[k]);
    msc_cells_add(&in[0], MSC_LEVEL_TECH, alice, MAR, 60, 100);
    msc_cells_add(&in[0], MSC_LEVEL_TECH, bob, MAR, 90, 100);
    msc_cells_add(&in[0], MSC_LEVEL_TEAM, -1, MAR, 150, 200);
    msc_cells_add(&in[1], MSC_LEVEL_TECH, alice, MAR, 10, 1);
    msc_cells_add(&in[1], MSC_LEVEL_TECH, bob, MAR, 0, 1);
    msc_cells_add(&in[1], MSC_LEVEL_TEAM, -1, MAR, 8, 2);
    msc_cells_add(&in[1], MSC_LEVEL_CLIENT, client(&h, "Acme"), MAR, 10, 1);
    msc_cells_add(&in[2], MSC_LEVEL_TECH, carol, MAR, 0, 1);
    struct msc_kpis set = {.mod = {&msc_kpi_utilization, &msc_kpi_mttr, &msc_kpi_fcr,
                                   &msc_kpi_tech_score},
                           .count = 4};
    struct msc_cells *all[4] = {&in[0], &in[1], &in[2], &h.cells};
    const double targets[4] = {0.8, 5, 0.7, NAN}, weights[4] = {2, 1, 0, 0};
    h.ctx.index = 3;
    h.ctx.kpis = &set;
    h.ctx.all = all;
    h.ctx.targets = targets;
    h.ctx.weights = weights;
    msc_kpi_tech_score.derive(&h.ctx);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, alice, MAR), 200.0 / 3);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, bob, MAR), 100.0);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 287.5 / 3);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_TECH, carol, MAR)));
    CHECK(isnan(harness_value(&h, MSC_LEVEL_CLIENT, client(&h, "Acme"), MAR)));
    for (int k = 0; k < 3; k++)
        msc_cells_release(&in[k]);
    harness_release(&h);
}

/* The resolution_plan (engagement) and resolved (completion) milestones,
 * due the 10th, as of March's end:
 *   Alice: met (Acme), missed (late): 1 / 2.
 *   Bob: missed (open, due before as-of), met by the PSA's *_met flag though
 *   late (Acme), missed by the flag though on time: 1 / 3.
 *   Left out: open and due April 2nd (pending), no due time, excluded.
 * Team 2 / 5, Acme 2 / 2. */
static void test_sla_engagement_completion(void)
{
    const struct msc_kpi_module *mods[2] = {&msc_kpi_sla_engagement, &msc_kpi_sla_completion};
    const enum msc_milestone which[2] = {MSC_ENGAGEMENT, MSC_COMPLETION};
    for (int i = 0; i < 2; i++) {
        struct harness h;
        harness_init(&h, mods[i], MAR);
        int acme = client(&h, "Acme"), w = which[i];
        int64_t due = day(2026, 3, 10);
        struct msc_ticket t[8];
        for (int k = 0; k < 8; k++) {
            t[k] = harness_ticket(&h, k < 2 ? "Alice" : "Bob", day(2026, 3, 9));
            harness_due(&h, &t[k], w, due);
        }
        harness_done(&h, &t[0], w, due - 60);
        t[0].client = acme;
        harness_done(&h, &t[1], w, due + 60);
        harness_done(&h, &t[3], w, due + 60);
        msc_ticket_set_verdict(&t[3], w, MSC_VERDICT_MET);
        t[3].client = acme;
        harness_done(&h, &t[4], w, due - 60);
        msc_ticket_set_verdict(&t[4], w, MSC_VERDICT_MISSED);
        harness_due(&h, &t[5], w, day(2026, 4, 2));
        harness_due(&h, &t[6], w, MSC_TIME_NONE);
        harness_done(&h, &t[6], w, due);
        msc_ticket_set_verdict(&t[7], w, MSC_VERDICT_EXCLUDED);
        for (int k = 0; k < 8; k++)
            harness_feed_ticket(&h, &t[k]);
        CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Alice"), MAR), 0.5);
        CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, person(&h, "Bob"), MAR), 1.0 / 3);
        CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 0.4);
        CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 1.0);
        CHECK(isnan(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR + 1)));
        harness_release(&h);
    }
}

/* Client-work entries with hours billed: Alice 3 of 4 h (Acme) and 2 of
 * 2 h (Globex): 5 / 6; Bob 2.5 of 2 h (Acme): 1.25. Acme (3 + 2.5) /
 * (4 + 2), Globex 1, team 7.5 / 8. Left out: Bob's 5 h for Acme without
 * hours billed, Alice's 3 h internal (non-client work) billed 3. */
static void test_billed_vs_worked(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_billed_vs_worked, MAR);
    int alice = person(&h, "Alice"), bob = person(&h, "Bob");
    int acme = client(&h, "Acme"), globex = client(&h, "Globex");
    const struct {
        int who, client;
        double hours, billed;
        int client_work;
    } rows[] = {{alice, acme, 4, 3, 1},  {alice, globex, 2, 2, 1}, {bob, acme, 2, 2.5, 1},
                {bob, acme, 5, NAN, 1}, {alice, -1, 3, 3, 0}};
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        struct msc_entry e = harness_entry(rows[k].who, day(2026, 3, 10), rows[k].hours);
        e.client = rows[k].client;
        e.hours_billed = rows[k].billed;
        e.client_work = rows[k].client_work;
        harness_feed_entry(&h, &e);
    }
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, alice, MAR), 5.0 / 6);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TECH, bob, MAR), 1.25);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 5.5 / 6);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, globex, MAR), 1.0);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 7.5 / 8);
    harness_release(&h);
}

/* Included hours: Acme 10 a month (undated row), Umbrella 20 in March,
 * Initech 5 (no hours used: 0, not blank), Globex none. Hours: Acme 12,
 * Umbrella 5, Globex 7, 4 without a client. Acme 12 / 10, Umbrella
 * 5 / 20, Initech 0 / 5, Globex no value; team only the clients with
 * included hours: (12 + 5 + 0) / (10 + 20 + 5) = 17 / 35. */
static void test_agreement_usage(void)
{
    struct harness h;
    harness_init(&h, &msc_kpi_agreement_usage, MAR);
    int acme = harness_client_row(&h, "Acme", -1, 20, NAN, 10);
    int umbrella = harness_client_row(&h, "Umbrella", (int)MAR, 20, NAN, 20);
    int initech = harness_client_row(&h, "Initech", -1, 5, NAN, 5);
    int globex = harness_client_row(&h, "Globex", -1, 10, NAN, NAN);
    int alice = person(&h, "Alice");
    const int who[5] = {acme, acme, umbrella, globex, -1};
    const double hours[5] = {8, 4, 5, 7, 4};
    for (int k = 0; k < 5; k++) {
        struct msc_entry e = harness_entry(alice, day(2026, 3, 10), hours[k]);
        e.client = who[k];
        e.client_work = 1;
        harness_feed_entry(&h, &e);
    }
    harness_finish(&h);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, acme, MAR), 1.2);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, umbrella, MAR), 0.25);
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_CLIENT, initech, MAR), 0.0);
    CHECK(isnan(harness_value(&h, MSC_LEVEL_CLIENT, globex, MAR)));
    CHECK_NEAR(harness_value(&h, MSC_LEVEL_TEAM, -1, MAR), 17.0 / 35);
    harness_release(&h);
}

int main(void)
{
    test_needs();
    test_template();
    test_escalation_reopen();
    test_sla_triage();
    test_ticket_times();
    test_est_vs_actual();
    test_realtime_entry();
    test_hours();
    test_surveys();
    test_fcr();
    test_utilization();
    test_mttr();
    test_csat_net();
    test_reactive_hours_per_endpoint();
    test_tickets_per_endpoint();
    test_profitability();
    test_tech_score();
    test_sla_engagement_completion();
    test_billed_vs_worked();
    test_agreement_usage();
    return check_report("test_modules");
}

/* test_coach.c: the coaching figures (report/coach.h, output.md
 * "Coaching") on a report made by hand, every number worked out below. */
#include "check.h"
#include "kpi/registry.h"
#include "report/coach.h"
#include "util/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static struct msc_kpis kpis;
static struct msc_report r;

/* A tech row with its sample (den) and the met flag the report would set. */
static void row(const char *kpi, int subject, int64_t period, double value, double den)
{
    int k = msc_kpis_find(&kpis, kpi);
    const struct msc_report_kpi *rk = &r.kpi[k];
    if (msc_grow(&r.rows, &r.cap, r.count + 1, sizeof *r.rows) < 0)
        abort();
    r.rows[r.count++] = (struct msc_row){
        .kpi = k, .level = subject < 0 ? MSC_LEVEL_TEAM : MSC_LEVEL_TECH, .subject = subject,
        .period = period, .num = value * den, .den = den, .value = value, .target = rk->target,
        .met = isnan(rk->target) ? -1 : msc_report_met(rk->mod->better, value, rk->target)};
}

static size_t slot(const struct msc_coach *c, const char *kpi)
{
    int k = msc_kpis_find(&kpis, kpi);
    for (size_t i = 0; i < c->nkpis; i++)
        if (c->kpi[i] == k)
            return i;
    return (size_t)-1;
}

int main(void)
{
    struct msc_settings s;
    struct msc_model md;
    struct msc_error err = {0};
    msc_settings_init(&s);
    msc_model_init(&md, &s, MSC_PERIOD_MONTH);
    int ann = msc_model_person(&md, "Ann Lee"), bob = msc_model_person(&md, "Bob Ng"),
        cy = msc_model_person(&md, "Cy Ko");
    int64_t apr = 2026 * 12 + 3, mar = apr - 1, feb = apr - 2, jan = apr - 3;
    md.first_period = jan;
    md.last_period = apr;
    msc_kpis_init(&kpis);
    CHECK(msc_report_init(&r, &md, &kpis, &err) == MSC_OK);

    /* Ann in April: three scored KPIs with a value (weights 1, W = 3):
     *   reopen_rate 10% against <= 5%: attainment 5/10 = 0.5, loses
     *     100 x 1 x 0.5 / 3 = 16.67 points;
     *   fcr 35% against 70%: attainment 0.5, loses 16.67 too: a tie, and
     *     reopen_rate comes first in the registry, so it is the focus;
     *   survey_score 95% against 95%: met, loses 0.
     * Score 100 - 33.33 = 66.67. */
    row("reopen_rate", ann, apr, 0.10, 20);
    row("fcr", ann, apr, 0.35, 20);
    row("survey_score", ann, apr, 0.95, 3);  /* 3 surveys < min_sample 5: low sample */
    row("survey_score", ann, mar, 0.97, 6);  /* met: streak 2 in April */
    row("survey_score", ann, feb, 0.90, 6);  /* missed: ends the streak */
    row("survey_score", ann, jan, 0.99, 6);
    row("mttr", ann, apr, 6, 4);             /* shown, not scored: no points */
    /* Ann's score slides: 80 in January, 66.67 in April, 13.3 down on
     * three periods earlier (5 or more: declining); change -3.3 on March. */
    row("tech_score", ann, jan, 80, NAN);
    row("tech_score", ann, feb, 75, NAN);
    row("tech_score", ann, mar, 70, NAN);
    row("tech_score", ann, apr, 100 - 100.0 / 3, NAN);

    /* Bob 80.04 and Cy 79.96 both round to 80.0: rank 1 and 1, Ann 3. */
    row("fcr", bob, apr, 0.80, 10);
    row("survey_score", bob, apr, 0.90, 8);
    row("tech_score", bob, jan, 70, NAN);   /* up 10.0 on January: improving */
    row("tech_score", bob, apr, 80.04, NAN);
    row("fcr", cy, apr, 0.60, 5);
    row("tech_score", cy, apr, 79.96, NAN); /* no earlier score: no trend, no change */
    row("tech_score", -1, apr, 75, NAN);
    msc_report_sort(&r);

    struct msc_coach c;
    CHECK(msc_coach_build(&c, &r) == 0);
    CHECK(c.ntech == 3 && c.nscored == 3);
    CHECK(c.tech[0].person == ann && c.tech[1].person == bob && c.tech[2].person == cy);
    const struct msc_coach_tech *a = msc_coach_find(&c, ann), *b = msc_coach_find(&c, bob),
                                *y = msc_coach_find_name(&c, "  cy   KO ");
    size_t reopen = slot(&c, "reopen_rate"), fcr = slot(&c, "fcr"),
           survey = slot(&c, "survey_score"), mttr = slot(&c, "mttr");
    CHECK(a && b && y == &c.tech[2] && mttr != (size_t)-1);
    if (!a || !b || !y || mttr == (size_t)-1)
        return check_report("test_coach");

    CHECK_NEAR(a->kpi[reopen].points, 100.0 / 6);
    CHECK_NEAR(a->kpi[fcr].points, 100.0 / 6);
    CHECK(a->kpi[survey].points == 0);
    CHECK(isnan(a->kpi[mttr].points));
    CHECK_NEAR(a->kpi[reopen].points + a->kpi[fcr].points + a->kpi[survey].points, 100.0 - a->score);
    CHECK(a->focus == (int)reopen);
    CHECK(a->keep == (int)survey && a->kpi[survey].streak == 2);
    CHECK(a->kpi[fcr].streak == 0);
    CHECK_NEAR(a->kpi[fcr].gap, 0.35 - 0.70);
    CHECK_NEAR(a->kpi[reopen].gap, 0.10 - 0.05); /* positive: behind a lower-is-better target */
    CHECK(a->kpi[survey].sample == 3 && a->kpi[survey].low_sample);
    CHECK(a->kpi[fcr].sample == 20 && !a->kpi[fcr].low_sample);
    CHECK(a->kpi[mttr].sample == 4 && a->kpi[mttr].low_sample);
    CHECK(a->rank == 3 && b->rank == 1 && y->rank == 1);
    CHECK(a->trend == -1 && b->trend == 1 && y->trend == 0);
    CHECK_NEAR(a->change, -3.3);
    CHECK(isnan(y->change));

    /* Team medians in April: fcr 35%, 80%, 60% -> 60%; surveys 95%, 90%
     * -> the mean of the two, 92.5%. */
    int n = 0;
    CHECK_NEAR(msc_coach_median(&c, fcr, apr, &n), 0.60);
    CHECK(n == 3);
    CHECK_NEAR(msc_coach_median(&c, survey, apr, &n), 0.925);
    CHECK(n == 2);
    CHECK(isnan(msc_coach_median(&c, fcr, feb, &n)) && n == 0);
    CHECK_NEAR(c.team_score[3], 75.0);

    char buf[300];
    msc_coach_focus_text(&c, a, buf, sizeof buf);
    CHECK(strcmp(buf, "Focus: Reopen Rate, 10.0% against 5% (costs 16.7 points)") == 0);
    msc_coach_keep_text(&c, a, buf, sizeof buf);
    CHECK(strcmp(buf, "Keep: Client Survey Score, 95.0% against 95% (on target 2 periods in a row)") == 0);
    msc_coach_sample_text(&c, &a->kpi[survey], buf, sizeof buf);
    CHECK(strcmp(buf, "3 surveys (low sample)") == 0);
    /* Bob: fcr 80% and surveys 90% against 95%: attainment 0.947, loses
     * 100 x (1 - 0.9 / 0.95) / 2 = 2.6 points: the focus. */
    msc_coach_focus_text(&c, b, buf, sizeof buf);
    CHECK(strcmp(buf, "Focus: Client Survey Score, 90.0% against 95% (costs 2.6 points)") == 0);
    /* Cy: fcr 60% against 70% alone: 100 x (1 - 0.6 / 0.7) = 14.3. */
    CHECK_NEAR(y->kpi[fcr].points, 100 * (1 - 0.6 / 0.7));
    CHECK(y->keep == -1);
    msc_coach_keep_text(&c, y, buf, sizeof buf);
    CHECK(strcmp(buf, "Keep: none; no scorecard KPI is on target in this period") == 0);
    char *body = NULL;
    CHECK(msc_coach_mail_body(&c, a, &body, &err) == MSC_OK && body);
    CHECK(body && strstr(body, "Hello Ann Lee,\n") && strstr(body, "Focus: Reopen Rate") &&
          !strstr(body, "Bob") && !strstr(body, "Cy"));
    free(body);
    msc_coach_release(&c);

    /* Sheet and file names: []:*?/\ as '_', no edge apostrophes, 31 bytes
     * at most and never half a UTF-8 character. */
    char name[64];
    msc_coach_safe_name("'O'Neil [on call]/A:B'", name, sizeof name);
    CHECK(strcmp(name, "O'Neil _on call__A_B") == 0);
    msc_coach_safe_name("''", name, sizeof name);
    CHECK(strcmp(name, "Technician") == 0);
    msc_coach_safe_name("Bartholomew Featherstonehaugh-Sm\xc3\xa9", name, sizeof name);
    CHECK(strcmp(name, "Bartholomew Featherstonehaugh-S") == 0);
    msc_coach_safe_name("Bartholomew Featherstonehaugh-\xc3\xa9t", name, sizeof name);
    CHECK(strcmp(name, "Bartholomew Featherstonehaugh-") == 0);

    /* Every allocation failing in turn: a clean -1, never a crash. */
    for (long f = 0; f < 8; f++) {
        msc_mem_fail_after(f);
        int rc = msc_coach_build(&c, &r);
        msc_mem_fail_after(-1);
        if (rc == 0)
            msc_coach_release(&c);
    }
    msc_report_release(&r);
    msc_model_release(&md);
    msc_settings_release(&s);
    msc_kpis_release(&kpis);
    return check_report("test_coach");
}

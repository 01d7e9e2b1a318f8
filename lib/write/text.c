/* text.c: the Scorecard and a coaching card as aligned text. */
#include "write/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

/* Periods a card shows: the latest few, so that it fits a terminal. */
enum { CARD_PERIODS = 4 };

/* Prints s in a field of width columns (left or right aligned), counting
 * UTF-8 characters, cutting what does not fit, control characters as '?'. */
static void field(FILE *fp, const char *s, int width, int right)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    if (n > width)
        n = width;
    if (right)
        fprintf(fp, "%*s", width - n, "");
    int shown = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80 && shown++ == n)
            break;
        fputc(*p < 0x20 || *p == 0x7F ? '?' : *p, fp);
    }
    if (!right)
        fprintf(fp, "%*s", width - n, "");
}

/* The colour of a value against its target, "" for none. */
static const char *light(const struct msc_report *r, int kpi, double v, int colour)
{
    const struct msc_report_kpi *rk = &r->kpi[kpi];
    if (!colour || isnan(v) || isnan(rk->target))
        return "";
    if (msc_report_met(rk->mod->better, v, rk->target))
        return GREEN;
    double band = r->model->settings->amber_band;
    int near = rk->mod->better == MSC_LOWER ? v <= rk->target * (1 + band)
                                            : v >= rk->target * (1 - band);
    return near ? YELLOW : RED;
}

static void value(FILE *fp, const struct msc_report *r, int kpi, double v, int width, int colour)
{
    char buf[48] = "";
    if (!isnan(v))
        msc_report_format_value(r->kpi[kpi].mod->unit, v, buf, sizeof buf);
    const char *ink = light(r, kpi, v, colour);
    fputs(ink, fp);
    field(fp, buf, width, 1);
    fputs(*ink ? RESET : "", fp);
}

static void score(FILE *fp, double v, double target, int width, int colour)
{
    char buf[16] = "";
    if (!isnan(v))
        snprintf(buf, sizeof buf, "%.1f", v);
    const char *ink = !colour || isnan(v) ? "" : v >= target ? GREEN : RED;
    fputs(ink, fp);
    field(fp, buf, width, 1);
    fputs(*ink ? RESET : "", fp);
}

static void title(FILE *fp, const struct msc_report *r, const char *what, int colour)
{
    const struct msc_model *m = r->model;
    char label[24];
    msc_period_label(m->period_kind, m->last_period, label);
    fprintf(fp, "%s%s %s%s", colour ? BOLD : "", what, label, r->partial ? " (partial)" : "");
    if (m->settings->msp_name[0]) {
        fputs(" - ", fp);
        field(fp, m->settings->msp_name, (int)strlen(m->settings->msp_name), 0);
    }
    fprintf(fp, "%s\n", colour ? RESET : "");
    for (size_t i = 0; i < r->gate.nproblems; i++)
        fprintf(fp, "%sDATA PROBLEM: %s%s\n", colour ? RED : "", r->gate.problems[i],
                colour ? RESET : "");
}

int msc_write_text(FILE *fp, const struct msc_coach *c, int colour)
{
    const struct msc_report *r = c->r;
    const struct msc_model *m = r->model;
    int64_t last = m->last_period;
    double target = m->settings->tech_score_target;
    int namew = 10;
    for (size_t i = 0; i < c->ntech; i++) {
        int n = (int)strlen(msc_names_display(&m->people, c->tech[i].person));
        namew = n > namew ? n : namew;
    }
    namew = namew > 28 ? 28 : namew;
    int scored[MSC_MAX_KPIS], nscored = 0;
    for (size_t i = 0; i < c->nkpis; i++)
        if (r->kpi[c->kpi[i]].role == MSC_ROLE_SCORED)
            scored[nscored++] = (int)i;

    title(fp, r, "Technician scorecard", colour);
    int of = 0, met = msc_report_on_target(r, last, &of);
    double team = c->nperiods ? c->team_score[c->nperiods - 1] : NAN;
    if (!isnan(team))
        fprintf(fp, "Team score %.1f; KPIs on target: %d of %d\n", team, met, of);
    fputc('\n', fp);

    field(fp, "Technician", namew, 0);
    fputs("  Score  Change   Rank", fp);
    for (int j = 0; j < nscored; j++) {
        char key[16];
        snprintf(key, sizeof key, "K%d", j + 1);
        fputc(' ', fp);
        field(fp, key, 8, 1);
    }
    fputc('\n', fp);
    for (size_t i = 0; i < c->ntech; i++) {
        const struct msc_coach_tech *t = &c->tech[i];
        char buf[32];
        field(fp, msc_names_display(&m->people, t->person), namew, 0);
        fputs("  ", fp);
        score(fp, t->score, target, 5, colour);
        if (isnan(t->change))
            snprintf(buf, sizeof buf, " ");
        else
            snprintf(buf, sizeof buf, "%s%.1f", t->change > 0 ? "\u25B2" : t->change < 0 ? "\u25BC" : " ",
                     fabs(t->change));
        fputs("  ", fp);
        field(fp, buf, 6, 1);
        if (t->rank)
            snprintf(buf, sizeof buf, "%d/%d", t->rank, c->nscored);
        else
            buf[0] = '\0';
        fputs(" ", fp);
        field(fp, buf, 6, 1);
        for (int j = 0; j < nscored; j++) {
            fputc(' ', fp);
            value(fp, r, c->kpi[scored[j]], t->kpi[scored[j]].value, 8, colour);
        }
        fputs(t->trend < 0 ? "  declining" : t->trend > 0 ? "  improving" : "", fp);
        fputc('\n', fp);
    }
    field(fp, "Team", namew, 0);
    fputs("  ", fp);
    score(fp, team, target, 5, colour);
    fputs("               ", fp);
    for (int j = 0; j < nscored; j++) {
        int k = c->kpi[scored[j]];
        fputc(' ', fp);
        value(fp, r, k, msc_report_value(r, k, MSC_LEVEL_TEAM, -1, last), 8, colour);
    }
    fputs("\n\n", fp);
    for (int j = 0; j < nscored; j++) {
        const struct msc_report_kpi *rk = &r->kpi[c->kpi[scored[j]]];
        char t[48];
        msc_report_format_target(rk->mod->unit, rk->target, t, sizeof t);
        fprintf(fp, "K%-3d %s (target %s %s)\n", j + 1, rk->mod->name,
                rk->mod->better == MSC_LOWER ? "\u2264" : "\u2265", t);
    }
    fprintf(fp, "Score target %.4g (tech_score_target); change on the period before; "
                "declining/improving: 5 points on three periods before.\n", target);
    return ferror(fp) ? -1 : 0;
}

int msc_write_text_card(FILE *fp, const struct msc_coach *c, const struct msc_coach_tech *t,
                        int colour)
{
    const struct msc_report *r = c->r;
    const struct msc_model *m = r->model;
    char line[700];
    snprintf(line, sizeof line, "%s: coaching card", msc_names_display(&m->people, t->person));
    title(fp, r, line, colour);
    msc_coach_header_text(c, t, line, sizeof line);
    fprintf(fp, "%s\n", line);
    msc_coach_focus_text(c, t, line, sizeof line);
    fprintf(fp, "%s%s%s\n", colour ? (t->focus >= 0 ? RED : GREEN) : "", line, colour ? RESET : "");
    msc_coach_keep_text(c, t, line, sizeof line);
    fprintf(fp, "%s%s%s\n\n", colour ? GREEN : "", line, colour ? RESET : "");

    int first = c->nperiods > CARD_PERIODS ? c->nperiods - CARD_PERIODS : 0;
    field(fp, "KPI", 38, 0);
    for (int i = first; i < c->nperiods; i++) {
        char label[24];
        msc_period_label(m->period_kind, m->first_period + i, label);
        fputc(' ', fp);
        field(fp, label, 8, 1);
    }
    fputs("   Target            Gap     Team  Sample                            Streak  Points\n", fp);
    for (size_t i = 0; i < c->nkpis; i++) {
        const struct msc_coach_kpi *k = &t->kpi[i];
        const struct msc_report_kpi *rk = &r->kpi[k->kpi];
        char buf[96];
        field(fp, rk->mod->name, 38, 0);
        for (int j = first; j < c->nperiods; j++) {
            fputc(' ', fp);
            value(fp, r, k->kpi, msc_report_value(r, k->kpi, MSC_LEVEL_TECH, t->person,
                                                  m->first_period + j), 8, colour);
        }
        buf[0] = '\0';
        if (!isnan(rk->target)) {
            char v[48];
            msc_report_format_target(rk->mod->unit, rk->target, v, sizeof v);
            snprintf(buf, sizeof buf, "%s %s", rk->mod->better == MSC_LOWER ? "\u2264" : "\u2265", v);
        }
        fputc(' ', fp);
        field(fp, buf, 8, 1);
        buf[0] = '\0';
        if (!isnan(k->gap)) {
            char v[48];
            int ahead = (k->gap > 0) == (rk->mod->better == MSC_HIGHER);
            msc_report_format_value(rk->mod->unit, fabs(k->gap), v, sizeof v);
            snprintf(buf, sizeof buf, "%s %s", v, k->gap == 0 ? "on target" : ahead ? "ahead" : "behind");
        }
        fputc(' ', fp);
        field(fp, buf, 14, 1);
        fputc(' ', fp);
        value(fp, r, k->kpi, msc_coach_median(c, i, m->last_period, NULL), 8, 0);
        msc_coach_sample_text(c, k, buf, sizeof buf);
        fputs("  ", fp);
        field(fp, buf, 34, 0); /* "3 completed tickets (low sample)" */
        snprintf(buf, sizeof buf, "%d", k->streak);
        field(fp, isnan(rk->target) || isnan(k->value) ? "" : buf, 6, 1);
        buf[0] = '\0';
        if (!isnan(k->points))
            snprintf(buf, sizeof buf, "%.1f", k->points);
        fputs("  ", fp);
        field(fp, buf, 6, 1);
        fputc('\n', fp);
    }
    return ferror(fp) ? -1 : 0;
}

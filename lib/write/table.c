/* table.c: CSV and JSON writers of the KPI table. */
#include "write/table.h"
#include "util/schema.h"

#include <math.h>
#include <string.h>

void msc_format_number(double v, char *buf)
{
    if (isnan(v) || isinf(v)) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, 40, "%.6f", v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
}

static void csv_text(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int msc_write_rejects(FILE *f, const struct msc_model *m)
{
    fputs("file,line,column,severity,reason,value\n", f);
    for (size_t i = 0; i < m->dq.count && !ferror(f); i++) {
        const struct msc_dq_item *it = &m->dq.items[i];
        const char *path = m->file[it->file].path;
        csv_text(f, path ? path : msc_file_names[it->file]);
        fprintf(f, ",%ld,", it->line);
        if (it->column > 0)
            fprintf(f, "%d", it->column);
        fputs(it->severity == MSC_REJECTED ? ",rejected," : ",warning,", f);
        csv_text(f, it->reason);
        fputc(',', f);
        csv_text(f, it->value);
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

static const char *met_word(int met) { return met < 0 ? "" : met ? "true" : "false"; }

int msc_write_csv(FILE *f, const struct msc_report *r)
{
    fputs("kpi,level,subject,period,numerator,denominator,value,target,met\n", f);
    for (size_t i = 0; i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        char period[24], num[40], den[40], value[40], target[40];
        msc_period_label(r->model->period_kind, row->period, period);
        msc_format_number(row->num, num);
        msc_format_number(row->den, den);
        msc_format_number(row->value, value);
        msc_format_number(row->target, target);
        fprintf(f, "%s,%s,", r->kpi[row->kpi].mod->id, msc_report_level_name(row->level));
        csv_text(f, msc_report_subject(r, row));
        fprintf(f, ",%s,%s,%s,%s,%s,%s\n", period, num, den, value, target, met_word(row->met));
    }
    return ferror(f) ? -1 : 0;
}

static void json_text(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_number(FILE *f, const char *key, double v)
{
    char buf[40];
    msc_format_number(v, buf);
    fprintf(f, ",\"%s\":%s", key, buf[0] ? buf : "null");
}

int msc_write_json(FILE *f, const struct msc_report *r)
{
    fputs("[", f);
    for (size_t i = 0; i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        char period[24];
        msc_period_label(r->model->period_kind, row->period, period);
        fprintf(f, "%s\n{\"kpi\":\"%s\",\"level\":\"%s\",\"subject\":", i ? "," : "",
                r->kpi[row->kpi].mod->id, msc_report_level_name(row->level));
        json_text(f, msc_report_subject(r, row));
        fprintf(f, ",\"period\":\"%s\"", period);
        json_number(f, "numerator", row->num);
        json_number(f, "denominator", row->den);
        json_number(f, "value", row->value);
        json_number(f, "target", row->target);
        fprintf(f, ",\"met\":%s}", row->met < 0 ? "null" : row->met ? "true" : "false");
    }
    fputs("\n]\n", f);
    return ferror(f) ? -1 : 0;
}

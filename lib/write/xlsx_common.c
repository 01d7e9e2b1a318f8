/*
 * xlsx_common.c: the workbook's shared look and helpers (xlsx_common.h).
 *
 * Everything a sheet shows the same way as another sheet lives here, so a
 * KPI looks alike on the Scorecard, the Team sheet and its own sheet.
 */
/* qsort_r: glibc declares it for _GNU_SOURCE. */
#define _GNU_SOURCE
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"
#include "util/text.h"

/* Colours: Excel's own "good / neutral / bad" cell styles, which owners
 * already read without a legend. */
#define GOOD_FILL 0xC6EFCE
#define GOOD_FONT 0x006100
#define AMBER_FILL 0xFFEB9C
#define AMBER_FONT 0x9C5700
#define BAD_FILL 0xFFC7CE
#define BAD_FONT 0x9C0006
#define INK 0x262626
#define GREY 0x595959
#define HEAD_FILL 0xDDE4EE
#define GROUP_FILL 0xB4C6E7
#define TITLE_INK 0x1F3864
#define RULE 0x8EA9DB
#define TARGET_RED 0xC00000

/* The longest string a cell holds, in bytes (Excel's limit). */
enum { CELL_MAX = 32767 };

/* A4 landscape less the margins set in msc_xw_sheet, at 96 pixels an inch. */
enum {
    PAPER_A4 = 9,
    PRINT_W_PX = (int)((11.69 - 0.8) * 96),
    PRINT_H_PX = (int)((8.27 - 1.1) * 96),
    ROW_PX = 20
};

int msc_xw_ok(struct msc_xw *x, lxw_error e)
{
    if (e == LXW_NO_ERROR)
        return 0;
    if (x->status == MSC_OK) {
        x->status = e == LXW_ERROR_MEMORY_MALLOC_FAILED ? MSC_ERR_NOMEM : MSC_ERR_OUTPUT;
        x->lxw_status = e;
    }
    return -1;
}

int msc_xw_fail(struct msc_xw *x, enum msc_status st)
{
    if (x->status == MSC_OK)
        x->status = st;
    return -1;
}

/* A format described in one initializer rather than a dozen calls. */
struct look {
    unsigned bold : 1, italic : 1, wrap : 1, underline : 1, rule_below : 1, rule_above : 1,
        indent : 1;
    double size;
    lxw_color_t ink, fill;
    uint8_t align, valign;
    const char *num;
};

/* A format made once, for make() to hand out again; num is its own copy. */
struct msc_xw_made {
    struct look l;
    lxw_format *f;
};

static int same_look(const struct look *a, const struct look *b)
{
    return a->bold == b->bold && a->italic == b->italic && a->wrap == b->wrap &&
           a->underline == b->underline && a->rule_below == b->rule_below &&
           a->rule_above == b->rule_above && a->indent == b->indent && a->size == b->size &&
           a->ink == b->ink && a->fill == b->fill && a->align == b->align && a->valign == b->valign &&
           (a->num && b->num ? strcmp(a->num, b->num) == 0 : a->num == b->num);
}

/* libxlsxwriter 1.1.4 caches a format's index only in the first of two
 * equal formats; the twin is hashed anew (568 bytes) for every cell it
 * styles when the workbook is written. So an equal look gets the same
 * format: the file is the same, as the twins shared an index anyway. */
static lxw_format *make(struct msc_xw *x, const struct look *l)
{
    for (size_t i = 0; i < x->nmade; i++)
        if (same_look(&x->made[i].l, l))
            return x->made[i].f;
    char *num = l->num ? msc_strdup(l->num) : NULL;
    lxw_format *f = (!l->num || num) ? workbook_add_format(x->wb) : NULL;
    if (!f || msc_grow(&x->made, &x->made_cap, x->nmade + 1, sizeof *x->made) < 0) {
        free(num);
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return NULL;
    }
    x->made[x->nmade].l = *l;
    x->made[x->nmade].l.num = num;
    x->made[x->nmade++].f = f;
    if (l->bold)
        format_set_bold(f);
    if (l->italic)
        format_set_italic(f);
    if (l->wrap)
        format_set_text_wrap(f);
    if (l->indent)
        format_set_indent(f, 1);
    if (l->underline)
        format_set_underline(f, LXW_UNDERLINE_SINGLE);
    if (l->rule_below)
        format_set_bottom(f, LXW_BORDER_THIN);
    if (l->rule_above)
        format_set_top(f, LXW_BORDER_THIN);
    if (l->rule_below || l->rule_above) {
        format_set_bottom_color(f, RULE);
        format_set_top_color(f, RULE);
    }
    if (l->size > 0)
        format_set_font_size(f, l->size);
    if (l->ink)
        format_set_font_color(f, l->ink);
    if (l->fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, l->fill);
    }
    if (l->align)
        format_set_align(f, l->align);
    if (l->valign)
        format_set_align(f, l->valign);
    if (l->num)
        format_set_num_format(f, l->num);
    return f;
}

static int make_formats(struct msc_xw *x)
{
    struct {
        lxw_format **dst;
        struct look l;
    } t[] = {
        {&x->title, {.bold = 1, .size = 16, .ink = TITLE_INK}},
        {&x->subtitle, {.size = 10, .ink = GREY}},
        {&x->section, {.bold = 1, .size = 12, .ink = TITLE_INK}},
        {&x->note, {.italic = 1, .size = 9, .ink = GREY}},
        {&x->subtitle_wrap, {.wrap = 1, .size = 10, .ink = GREY, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->note_wrap,
         {.wrap = 1, .italic = 1, .size = 9, .ink = GREY, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->header,
         {.bold = 1,
          .wrap = 1,
          .rule_below = 1,
          .fill = HEAD_FILL,
          .align = LXW_ALIGN_CENTER,
          .valign = LXW_ALIGN_VERTICAL_CENTER}},
        {&x->header_left,
         {.bold = 1,
          .wrap = 1,
          .rule_below = 1,
          .fill = HEAD_FILL,
          .align = LXW_ALIGN_LEFT,
          .valign = LXW_ALIGN_VERTICAL_CENTER}},
        {&x->group,
         {.bold = 1,
          .fill = GROUP_FILL,
          .align = LXW_ALIGN_CENTER,
          .valign = LXW_ALIGN_VERTICAL_CENTER}},
        {&x->text, {.valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->text_indent, {.indent = 1, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->text_total, {.bold = 1, .rule_above = 1}},
        {&x->text_target, {.italic = 1, .ink = GREY}},
        {&x->text_wrap, {.wrap = 1, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->count, {.num = "#,##0", .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->count_center,
         {.num = "#,##0", .align = LXW_ALIGN_CENTER, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->count_total, {.bold = 1, .rule_above = 1, .num = "#,##0"}},
        {&x->good, {.ink = GOOD_FONT, .fill = GOOD_FILL}},
        {&x->amber, {.ink = AMBER_FONT, .fill = AMBER_FILL}},
        {&x->bad, {.ink = BAD_FONT, .fill = BAD_FILL}},
        {&x->up, {.ink = GOOD_FONT, .bold = 1}},
        {&x->down, {.ink = BAD_FONT, .bold = 1}},
        /* A change shows its size beside an arrow; the arrow carries the sign. */
        {&x->change, {.num = "\"\u25B2 \"0.0;\"\u25BC \"0.0;0.0", .align = LXW_ALIGN_CENTER}},
        {&x->change_total,
         {.bold = 1,
          .rule_above = 1,
          .num = "\"\u25B2 \"0.0;\"\u25BC \"0.0;0.0",
          .align = LXW_ALIGN_CENTER}},
        {&x->legend_good,
         {.size = 9, .ink = GOOD_FONT, .fill = GOOD_FILL, .align = LXW_ALIGN_CENTER}},
        {&x->legend_amber,
         {.size = 9, .ink = AMBER_FONT, .fill = AMBER_FILL, .align = LXW_ALIGN_CENTER}},
        {&x->legend_bad, {.size = 9, .ink = BAD_FONT, .fill = BAD_FILL, .align = LXW_ALIGN_CENTER}},
        {&x->banner_bad,
         {.bold = 1, .wrap = 1, .ink = 0xFFFFFF, .fill = TARGET_RED, .valign = LXW_ALIGN_VERTICAL_CENTER}},
        {&x->banner_partial,
         {.bold = 1, .wrap = 1, .ink = AMBER_FONT, .fill = AMBER_FILL, .valign = LXW_ALIGN_VERTICAL_CENTER}},
        {&x->alert, {.bold = 1, .size = 10, .ink = AMBER_FONT}},
        {&x->focus, {.bold = 1, .size = 11, .ink = BAD_FONT, .wrap = 1, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->keep, {.bold = 1, .size = 11, .ink = GOOD_FONT, .wrap = 1, .valign = LXW_ALIGN_VERTICAL_TOP}},
        {&x->points, {.num = "0.0;-0.0;\"-\"", .align = LXW_ALIGN_CENTER}},
        {&x->box, {.wrap = 1, .rule_below = 1, .fill = 0xFFFBEA, .valign = LXW_ALIGN_VERTICAL_TOP}},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!(*t[i].dst = make(x, &t[i].l)))
            return -1;
    return 0;
}

lxw_format *msc_xw_unit_format(struct msc_xw *x, enum msc_unit unit, int flags)
{
    return msc_xw_kpi_format(x, -1 - (int)unit, flags);
}

/* kpi < 0 stands for the unit -1 - kpi without a direction. */
lxw_format *msc_xw_kpi_format(struct msc_xw *x, int kpi, int flags)
{
    static const char *const unit_num[6] = {"0.0%", "0.0\" h\"", "0.00", "#,##0", "#,##0.0", "0.0"};
    enum msc_unit unit = kpi >= 0 ? x->r->kpi[kpi].mod->unit : (enum msc_unit)(-1 - kpi);
    int better = kpi >= 0 && x->r->kpi[kpi].mod->better == MSC_LOWER;
    lxw_format **slot = &x->num[unit][better][flags & (MSC_XW_STYLES - 1)];
    if (*slot)
        return *slot;
    char num[64];
    if (flags & MSC_XW_TARGET) /* the direction travels with the number: ">= 80.0%" */
        snprintf(num, sizeof num, "\"%s \"%s", better ? "\u2264" : "\u2265", unit_num[unit]);
    else
        snprintf(num, sizeof num, "%s", unit_num[unit]);
    struct look l = {.bold = !!(flags & MSC_XW_TOTAL),
                     .rule_above = !!(flags & MSC_XW_TOTAL),
                     .italic = !!(flags & MSC_XW_TARGET),
                     .ink = flags & MSC_XW_TARGET ? GREY : 0,
                     .valign = LXW_ALIGN_VERTICAL_TOP,
                     .num = num};
    return *slot = make(x, &l);
}

lxw_format *msc_xw_gap_format(struct msc_xw *x, int kpi)
{
    static const char *const unit_num[6] = {"0.0%", "0.0\" h\"", "0.00", "#,##0", "#,##0.0", "0.0"};
    enum msc_unit unit = x->r->kpi[kpi].mod->unit;
    int lower = x->r->kpi[kpi].mod->better == MSC_LOWER;
    lxw_format **slot = &x->gap[unit][lower];
    if (*slot)
        return *slot;
    /* value - target, read as ahead or behind whichever way is better. */
    char num[96];
    snprintf(num, sizeof num, "%s\" %s\";%s\" %s\";\"on target\"", unit_num[unit],
             lower ? "behind" : "ahead", unit_num[unit], lower ? "ahead" : "behind");
    struct look l = {.align = LXW_ALIGN_CENTER, .num = num};
    return *slot = make(x, &l);
}

lxw_worksheet *msc_xw_sheet(struct msc_xw *x, const char *name, int header_rows)
{
    if (x->status != MSC_OK)
        return NULL;
    if (!(name = msc_xw_clean(x, name, 0)) ||
        msc_xw_ok(x, workbook_validate_sheet_name(x->wb, name)) < 0)
        return NULL;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return NULL;
    }
    /* Printed (or saved as PDF by the owner's mail client), every sheet is
     * one page wide in landscape, however many periods it spans. */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, PAPER_A4); /* Letter readers get it scaled, not cut */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
    msc_xw_ok(x, worksheet_set_footer(ws, "&L&8&A&R&8Page &P of &N"));
    if (header_rows > 0)
        msc_xw_ok(x, worksheet_repeat_rows(ws, 0, (lxw_row_t)(header_rows - 1)));
    return ws;
}

int msc_xw_col_px(double width)
{
    return (int)(width * 7 + 5); /* Calibri 11: 7 px a character plus padding */
}

int msc_xw_print_scale(lxw_worksheet *ws, int width_px, int height_px)
{
    /* A tenth to spare: a viewer without Calibri draws wider columns. */
    int scale = 100;
    width_px += width_px / 10;
    if (width_px > PRINT_W_PX)
        scale = PRINT_W_PX * 100 / width_px;
    if (height_px > 0 && height_px > PRINT_H_PX && PRINT_H_PX * 100 / height_px < scale)
        scale = PRINT_H_PX * 100 / height_px;
    if (scale < 10)
        scale = 10;
    ws->fit_page = 0; /* undoes msc_xw_sheet's fit_to_pages, which has no call of its own to undo */
    worksheet_set_print_scale(ws, (uint16_t)scale);
    return scale;
}

int msc_xw_page_rows(int scale) { return PRINT_H_PX * 100 / scale / ROW_PX; }

void msc_xw_print_table_chart(struct msc_xw *x, lxw_worksheet *ws, int width_px, int chart_row,
                              int above_px, int chart_px)
{
    int height_px = above_px + chart_px + ROW_PX;
    if (msc_xw_print_scale(ws, width_px, height_px) >= 60)
        return;
    /* Shrinking the lot onto one page would make it unreadable. */
    int scale = msc_xw_print_scale(ws, width_px, 0);
    if (chart_row < msc_xw_page_rows(scale) &&
        chart_row + chart_px / ROW_PX + 1 > msc_xw_page_rows(scale)) {
        lxw_row_t breaks[2] = {(lxw_row_t)chart_row, 0};
        msc_xw_ok(x, worksheet_set_h_pagebreaks(ws, breaks));
    }
}

/* Writes s and then x->coverage in the alert look into one cell. */
static void with_coverage(struct msc_xw *x, lxw_worksheet *ws, int row, const char *s,
                          lxw_format *f)
{
    if (!x->coverage[0]) {
        msc_xw_text(x, ws, row, 0, s, f);
        return;
    }
    /* The coverage words are ours; the subtitle may quote settings. */
    const char *clean = msc_xw_clean(x, s, 1);
    char *text = clean ? msc_strdup(clean) : NULL, gap[600];
    if (!text) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return;
    }
    snprintf(gap, sizeof gap, "   %s", x->coverage);
    lxw_rich_string_tuple a = {.format = x->subtitle, .string = text};
    lxw_rich_string_tuple b = {.format = x->alert, .string = gap};
    lxw_rich_string_tuple *parts[] = {&a, &b, NULL};
    msc_xw_ok(x, worksheet_write_rich_string(ws, (lxw_row_t)row, 0, parts, f));
    free(text);
}

void msc_xw_title(struct msc_xw *x, lxw_worksheet *ws, const char *title, const char *subtitle)
{
    msc_xw_ok(x, worksheet_set_row(ws, 0, 24, NULL));
    msc_xw_text(x, ws, 0, 0, title, x->title);
    if (subtitle)
        with_coverage(x, ws, 1, subtitle[0] ? subtitle : " ", x->subtitle);
}

int msc_xw_subtitle_wrapped(struct msc_xw *x, lxw_worksheet *ws, int row, int last_col,
                            double width_chars, const char *s)
{
    char all[1200];
    snprintf(all, sizeof all, "%s   %s", s, x->coverage);
    int px = msc_xw_wrapped(x, ws, row, last_col, width_chars, all, x->subtitle_wrap);
    with_coverage(x, ws, row, s, x->subtitle_wrap);
    return px;
}

int msc_xw_banner_rows(const struct msc_xw *x)
{
    return (x->r->gate.nproblems ? 1 + (int)x->r->gate.nproblems : 0) + x->r->partial;
}

void msc_xw_banner(struct msc_xw *x, lxw_worksheet *ws, int row, int last_col, double width_chars)
{
    const struct msc_gate *g = &x->r->gate;
    char buf[1200];
    if (g->nproblems) {
        msc_xw_wrapped(x, ws, row++, last_col, width_chars,
                       "DATA PROBLEM: the inputs look broken, so the numbers below may be wrong. "
                       "Fix the exports and run again:", x->banner_bad);
        for (size_t i = 0; i < g->nproblems; i++) {
            snprintf(buf, sizeof buf, "\u2022 %s", g->problems[i]);
            msc_xw_wrapped(x, ws, row++, last_col, width_chars, buf, x->banner_bad);
        }
    }
    if (x->r->partial) {
        char label[24], note[80];
        msc_period_label(x->m->period_kind, x->m->last_period, label);
        snprintf(buf, sizeof buf,
                 "PARTIAL: %s is not over in the data (%s), so its numbers are not final; "
                 "SLA milestones due after %s are pending.",
                 label, msc_report_coverage_note(x->r, x->m->last_period, note), x->as_of);
        msc_xw_wrapped(x, ws, row, last_col, width_chars, buf, x->banner_partial);
    }
}

/* Marks partial periods' labels with '*' and says what the mark means and
 * which periods have no data at all (kpis.md "Data coverage"). */
static void coverage_marks(struct msc_xw *x)
{
    const struct msc_model *m = x->m;
    size_t n = 0;
    int empty = 0;
    for (int i = 0; i < x->nperiods; i++) {
        int64_t p = m->first_period + i;
        unsigned cover = msc_model_coverage(m, p);
        char note[80];
        if (cover & MSC_COVER_NONE) {
            empty = 1;
        } else if (cover) {
            strcat(x->label[i], "*");
            n += (size_t)snprintf(x->coverage + n, sizeof x->coverage - n, "%s%s is partial: %s.",
                                  n ? " " : "", x->label[i], msc_report_coverage_note(x->r, p, note));
        }
        if (n >= sizeof x->coverage)
            n = sizeof x->coverage - 1;
    }
    /* Empty periods lie before the data's start or after its end: say
     * where the data runs once. */
    if (empty) {
        char from[24], to[24];
        msc_format_datetime(m->data_start, from);
        msc_format_datetime(m->data_end, to);
        snprintf(x->coverage + n, sizeof x->coverage - n,
                 "%sThe data runs from %s to %s: periods outside it are blank.", n ? " " : "", from,
                 to);
    }
}

/* Whether a format shows on an empty cell: a rule or a fill. One we did
 * not make is taken to. */
static int shows_empty(const struct msc_xw *x, const lxw_format *f)
{
    for (size_t i = 0; i < x->nmade; i++)
        if (x->made[i].f == f)
            return x->made[i].l.rule_below || x->made[i].l.rule_above || x->made[i].l.fill;
    return 1;
}

int msc_xw_wrapped(struct msc_xw *x, lxw_worksheet *ws, int row, int last_col, double width_chars,
                   const char *s, lxw_format *f)
{
    /* The merge pads its other cells with blanks in the format, which only
     * a rule needs (so that it runs across) or a fill: without either they
     * look the same unstyled, and a Coach sheet has 72 of them fewer to
     * keep and write. */
    if (last_col > 0)
        msc_xw_ok(x, worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row,
                                           (lxw_col_t)last_col, "", shows_empty(x, f) ? f : NULL));
    msc_xw_text(x, ws, row, 0, s, f);
    /* Small type runs about 1.2 characters to a unit of column width. */
    return msc_xw_row_for_text(x, ws, row, s, width_chars * 1.2, 13.5);
}

int msc_xw_row_for_text(struct msc_xw *x, lxw_worksheet *ws, int row, const char *s,
                        double width_chars, double line_pt)
{
    /* Text runs a little narrower than the digit a width unit is made of;
     * wrapping at words takes some of that back. */
    size_t per_line = width_chars > 1 ? (size_t)(width_chars * 1.2) : 1;
    size_t lines = s ? (strlen(s) + per_line - 1) / per_line : 1;
    if (lines < 1)
        lines = 1;
    double pt = line_pt * (double)lines + 2;
    msc_xw_ok(x, worksheet_set_row(ws, (lxw_row_t)row, pt, NULL));
    return MSC_XW_ROW_PX(pt);
}

/* _xHHHH_ at p, the escape Excel decodes in strings. */
static int ooxml_escape_at(const char *p)
{
    if (p[0] != '_' || p[1] != 'x')
        return 0;
    for (int i = 2; i < 6; i++)
        if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
            return 0;
    return p[6] == '_';
}

/* Bytes that are not allowed as they are: a C0 control other than tab,
 * LF and CR, DEL, U+FFFE and U+FFFF (EF BF BE/BF). */
static int unwanted_at(const unsigned char *p)
{
    return (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F ||
           (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF));
}

const char *msc_xw_clean(struct msc_xw *x, const char *s, int cell)
{
    size_t len = strlen(s);
    const char *src = s;
    if (!msc_utf8_valid(s, len)) {
        size_t need = msc_cp1252_to_utf8(s, len, NULL, 0) + 1;
        if (msc_grow(&x->conv, &x->conv_cap, need, 1) < 0) {
            msc_xw_fail(x, MSC_ERR_NOMEM);
            return NULL;
        }
        len = msc_cp1252_to_utf8(s, len, x->conv, need);
        src = x->conv;
    }
    int dirty = src != s;
    for (const char *p = src; *p && !dirty; p++)
        dirty = unwanted_at((const unsigned char *)p) || (cell && ooxml_escape_at(p));
    if (!dirty)
        return s;
    /* At worst each byte becomes "_x005F_" (7 bytes). */
    if (len > (SIZE_MAX - 1) / 7 || msc_grow(&x->clean, &x->clean_cap, len * 7 + 1, 1) < 0) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return NULL;
    }
    char *o = x->clean;
    for (const unsigned char *p = (const unsigned char *)src; *p;) {
        if (unwanted_at(p)) {
            unsigned cp = *p == 0x7F ? 0x2421 : *p < 0x20 ? 0x2400 + *p : 0xFFFD;
            *o++ = (char)(0xE0 | (cp >> 12));
            *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
            *o++ = (char)(0x80 | (cp & 0x3F));
            p += *p == 0xEF ? 3 : 1;
        } else if (cell && ooxml_escape_at((const char *)p)) {
            memcpy(o, "_x005F_", 7);
            o += 7;
            p++;
        } else {
            *o++ = (char)*p++;
        }
    }
    *o = '\0';
    return x->clean;
}

void msc_xw_text(struct msc_xw *x, lxw_worksheet *ws, int row, int col, const char *s,
                 lxw_format *f)
{
    if (!s || !*s) {
        if (f)
            msc_xw_ok(x, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
        return;
    }
    if (!(s = msc_xw_clean(x, s, 1)))
        return;
    size_t n = strlen(s);
    if (n <= CELL_MAX) {
        msc_xw_ok(x, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f));
        return;
    }
    /* A cell holds at most 32767 bytes: cut a monster name at a character
     * boundary (and not inside an _x005F_) rather than lose the report. */
    n = CELL_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    for (size_t back = 1; back < 7 && back <= n; back++)
        if (ooxml_escape_at(s + n - back)) {
            n -= back;
            break;
        }
    char *cut = msc_malloc(n + 1);
    if (!cut) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return;
    }
    memcpy(cut, s, n);
    cut[n] = '\0';
    msc_xw_ok(x, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cut, f));
    free(cut);
}

void msc_xw_number(struct msc_xw *x, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    if (isnan(v) || isinf(v)) {
        if (f)
            msc_xw_ok(x, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
        return;
    }
    msc_xw_ok(x, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

double msc_xw_value(const struct msc_xw *x, int kpi, enum msc_level level, int subject,
                    int64_t period)
{
    return msc_report_value(x->r, kpi, level, subject, period);
}

void msc_xw_values(const struct msc_xw *x, int kpi, enum msc_level level, int subject, double *v)
{
    for (int i = 0; i < x->nperiods; i++)
        v[i] = NAN;
    const struct msc_row *hit = NULL;
    for (int i = 0; i < x->nperiods && !hit; i++)
        hit = msc_report_find(x->r, kpi, level, subject, x->m->first_period + i);
    if (!hit)
        return;
    /* The report keeps a subject's periods together and in order
     * (report.h), so the rest lie beside the one found: a search per
     * value was most of a Coach sheet's own work at 2,000 technicians. */
    const struct msc_row *end = x->r->rows + x->r->count;
    int who = level == MSC_LEVEL_TEAM ? -1 : subject;
    for (const struct msc_row *p = hit;
         p < end && p->kpi == kpi && p->level == level && p->subject == who; p++)
        if (p->period >= x->m->first_period && p->period - x->m->first_period < x->nperiods)
            v[p->period - x->m->first_period] = p->value;
}

int msc_xw_has_team_rows(const struct msc_xw *x, int kpi)
{
    /* A search a period rather than a walk through every row of the
     * report, which at 2,000 technicians and 6,000 clients is a million. */
    for (int i = 0; i < x->nperiods; i++)
        if (msc_report_find(x->r, kpi, MSC_LEVEL_TEAM, -1, x->m->first_period + i))
            return 1;
    return 0;
}

/* Formula constants in the locale-free form formulas are stored in. */
static void formula_number(double v, char *buf, size_t cap) { snprintf(buf, cap, "%.15g", v); }

void msc_xw_traffic_lights(struct msc_xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                           int kpi)
{
    msc_xw_lights(x, ws, r1, c1, r2, c2, x->r->kpi[kpi].mod->better, x->r->kpi[kpi].target);
}

/* The three rules of a colouring: met (green), within the amber band
 * (amber), any other value (red); each stops the next. cell is the
 * range's top left, bound_met and bound_near what it is held against.
 * Met is judged as the KPI table judges it: on the value rounded to six
 * decimals, a tie meeting the target. ISNUMBER keeps blanks (no value)
 * uncoloured rather than read as 0. multi: the ranges when more than r1..c2. */
static void three_rules(struct msc_xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                        char *multi, int lower, const char *bound_met, const char *bound_near)
{
    char cell[16], f_met[160], f_near[160], f_any[64];
    lxw_rowcol_to_cell(cell, (lxw_row_t)r1, (lxw_col_t)c1);
    snprintf(f_met, sizeof f_met, "=AND(ISNUMBER(%s),ROUND(%s,6)%s%s)", cell, cell,
             lower ? "<=" : ">=", bound_met);
    snprintf(f_near, sizeof f_near, "=AND(ISNUMBER(%s),ROUND(%s,6)%s%s)", cell, cell,
             lower ? "<=" : ">=", bound_near);
    snprintf(f_any, sizeof f_any, "=ISNUMBER(%s)", cell);
    const char *rule[3] = {f_met, f_near, f_any};
    lxw_format *look[3] = {x->good, x->amber, x->bad};
    for (int i = 0; i < 3; i++) {
        lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_FORMULA,
                                     .value_string = (char *)rule[i],
                                     .format = look[i],
                                     .multi_range = multi,
                                     .stop_if_true = 1};
        msc_xw_ok(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, (lxw_col_t)c1,
                                                        (lxw_row_t)r2, (lxw_col_t)c2, &cf));
    }
}

void msc_xw_lights(struct msc_xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                   enum msc_better better, double target)
{
    if (isnan(target) || r2 < r1 || c2 < c1)
        return;
    int lower = better == MSC_LOWER;
    double band = x->m->settings->amber_band;
    char met[32], near[32];
    formula_number(target, met, sizeof met);
    formula_number(lower ? target * (1 + band) : target * (1 - band), near, sizeof near);
    three_rules(x, ws, r1, c1, r2, c2, NULL, lower, met, near);
}

void msc_xw_lights_rows(struct msc_xw *x, lxw_worksheet *ws, const int *rows, int n, int c1,
                        int c2, int target_col, enum msc_better better)
{
    if (n < 1 || c2 < c1)
        return;
    int lower = better == MSC_LOWER;
    char factor[32], multi[LXW_MAX_ATTRIBUTE_LENGTH];
    formula_number(lower ? 1 + x->m->settings->amber_band : 1 - x->m->settings->amber_band,
                   factor, sizeof factor);
    for (int i = 0; i < n;) {
        /* One set of rules for as many runs of rows as its sqref holds,
         * held against the target column in the same row as each value
         * (relative to the first run's top left). */
        int first_r1 = rows[i], first_r2 = rows[i], nruns = 0;
        size_t len = 0;
        while (i < n) {
            int r1 = rows[i], r2 = r1;
            int j = i + 1;
            while (j < n && rows[j] == r2 + 1)
                r2 = rows[j++];
            char range[2 * LXW_MAX_CELL_RANGE_LENGTH];
            lxw_rowcol_to_range(range, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2, (lxw_col_t)c2);
            if (nruns && len + 1 + strlen(range) >= sizeof multi)
                break;
            len += (size_t)snprintf(multi + len, sizeof multi - len, "%s%s", nruns ? " " : "", range);
            if (!nruns++)
                first_r2 = r2;
            i = j;
        }
        char bound[24], near[64];
        lxw_rowcol_to_cell_abs(bound, (lxw_row_t)first_r1, (lxw_col_t)target_col, 0, 1);
        snprintf(near, sizeof near, "%s*%s", bound, factor);
        three_rules(x, ws, first_r1, c1, first_r2, c2, nruns > 1 ? multi : NULL, lower, bound, near);
    }
}

void msc_xw_target_words(const struct msc_xw *x, int kpi, char *buf, size_t cap)
{
    double t = x->r->kpi[kpi].target;
    const char *better = x->r->kpi[kpi].mod->better == MSC_LOWER ? "lower" : "higher";
    if (isnan(t)) {
        snprintf(buf, cap, "no target; %s is better", better);
        return;
    }
    char num[40];
    msc_report_format_target(x->r->kpi[kpi].mod->unit, t, num, sizeof num);
    snprintf(buf, cap, "target %s %s (%s is better)",
             x->r->kpi[kpi].mod->better == MSC_LOWER ? "\u2264" : "\u2265", num, better);
}

const char *msc_xw_why_blank(const struct msc_xw *x, int kpi, char *buf, size_t cap)
{
    if (kpi < 0 || x->r->kpi[kpi].available)
        return NULL;
    snprintf(buf, cap, "no value: %s", x->r->kpi[kpi].why);
    return buf;
}

int msc_xw_why_notes(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    int any = 0;
    for (size_t k = 0; k < x->r->nkpis; k++) {
        char why[240], line[320];
        if (!x->r->kpi[k].selected || !msc_xw_why_blank(x, (int)k, why, sizeof why))
            continue;
        if (!any++)
            msc_xw_text(x, ws, row++, 0, "KPIs without a value in this run", x->section);
        snprintf(line, sizeof line, "%s: %s.", x->r->kpi[k].mod->name, why);
        msc_xw_text(x, ws, row++, 0, line, x->text);
    }
    return row;
}

lxw_chart *msc_xw_line_chart(struct msc_xw *x, const char *title, enum msc_unit unit)
{
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
    x->chart_techs = 0;
    if (!chart) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return NULL;
    }
    lxw_chart_font title_font = {.size = 12, .bold = 1, .color = TITLE_INK};
    lxw_chart_font small = {.size = 9, .color = GREY};
    lxw_chart_line grid = {.color = 0xD9D9D9, .width = 0.5};
    if (!(title = msc_xw_clean(x, title, 0)))
        return NULL;
    chart_title_set_name(chart, title);
    chart_title_set_name_font(chart, &title_font);
    /* A missing value is a gap in the line, never a dive to zero. */
    chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_legend_set_font(chart, &small);
    chart_axis_set_num_font(chart->x_axis, &small);
    chart_axis_set_num_font(chart->y_axis, &small);
    chart_axis_major_gridlines_set_line(chart->y_axis, &grid);
    if (unit == MSC_UNIT_RATIO)
        chart_axis_set_num_format(chart->y_axis, "0%");
    else if (unit == MSC_UNIT_MONEY || unit == MSC_UNIT_MONEY_PER_HOUR)
        chart_axis_set_num_format(chart->y_axis, "#,##0");
    else if (unit == MSC_UNIT_HOURS)
        chart_axis_set_num_format(chart->y_axis, "0.0\" h\"");
    /* Amounts start at zero so that a small move does not look like a
     * collapse; percentages keep the automatic range, where a 97% target
     * would otherwise squash every line against the top. */
    if (unit != MSC_UNIT_RATIO)
        chart_axis_set_min(chart->y_axis, 0);
    if (unit == MSC_UNIT_POINTS)
        chart_axis_set_max(chart->y_axis, 100);
    return chart;
}

void msc_xw_span(double *lo, double *hi, double v)
{
    if (isnan(v))
        return;
    if (!(v >= *lo))
        *lo = v;
    if (!(v <= *hi))
        *hi = v;
}

void msc_xw_period_header(struct msc_xw *x, lxw_worksheet *ws, int row, const char *first_head)
{
    msc_xw_ok(x, worksheet_set_row(ws, (lxw_row_t)row, 20, NULL));
    msc_xw_text(x, ws, row, 0, first_head, x->header_left);
    msc_xw_text(x, ws, row, 1, "Target", x->header);
    for (int i = 0; i < x->nperiods; i++)
        msc_xw_text(x, ws, row, 2 + i, x->label[i], x->header);
}

void msc_xw_ratio_axis(lxw_chart *chart, double lo, double hi)
{
    static const double steps[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10};
    if (!(lo <= hi) || isinf(lo) || isinf(hi))
        return;
    double step = steps[sizeof steps / sizeof steps[0] - 1];
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if ((hi - lo) / steps[i] <= 8) {
            step = steps[i];
            break;
        }
    double a = floor(lo / step + 1e-9) * step, b = ceil(hi / step - 1e-9) * step;
    if (b <= a)
        b = a + step;
    chart_axis_set_min(chart->y_axis, a);
    chart_axis_set_max(chart->y_axis, b);
    chart_axis_set_major_unit(chart->y_axis, step);
}

void msc_xw_line_series(struct msc_xw *x, lxw_chart *chart, const char *sheet, int row,
                        int name_col, int c1, int c2, int cat_row, enum msc_xw_series_role role)
{
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return;
    }
    chart_series_set_categories(s, sheet, (lxw_row_t)cat_row, (lxw_col_t)c1, (lxw_row_t)cat_row,
                                (lxw_col_t)c2);
    chart_series_set_values(s, sheet, (lxw_row_t)row, (lxw_col_t)c1, (lxw_row_t)row, (lxw_col_t)c2);
    /* The name by reference: a technician called "=..." stays text. */
    chart_series_set_name_range(s, sheet, (lxw_row_t)row, (lxw_col_t)name_col);
    if (role == MSC_XW_SERIES_TARGET) {
        lxw_chart_line line = {
            .color = TARGET_RED, .width = 1.75, .dash_type = LXW_CHART_LINE_DASH_DASH};
        chart_series_set_line(s, &line);
        if (c1 == c2) { /* one period: a line needs two points, so mark the level */
            lxw_chart_fill fill = {.color = TARGET_RED};
            /* Not the dash markers: 1.1.4 writes them as symbols the file
             * format does not have ("long_dash"), which Excel repairs. */
            chart_series_set_marker_type(s, LXW_CHART_MARKER_X);
            chart_series_set_marker_size(s, 9);
            chart_series_set_marker_fill(s, &fill);
            chart_series_set_marker_line(s, &line);
        } else
            chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
    } else if (role == MSC_XW_SERIES_TEAM) {
        lxw_chart_line line = {.color = INK, .width = 3};
        lxw_chart_fill fill = {.color = INK};
        chart_series_set_line(s, &line);
        chart_series_set_marker_type(s, LXW_CHART_MARKER_DIAMOND);
        chart_series_set_marker_size(s, 6);
        chart_series_set_marker_fill(s, &fill);
        chart_series_set_marker_line(s, &line);
    } else {
        /* Okabe and Ito's colours, told apart by the colour-blind, each
         * with its own marker and dash so that a grey print still tells
         * them apart; markers also keep a lone value between two gaps
         * visible. Team (black, thick) and target (red, dashed) differ
         * from all. */
        static const struct {
            lxw_color_t color;
            uint8_t marker, dash;
        } look[MSC_XW_CHART_TECHS] = {
            {0x0072B2, LXW_CHART_MARKER_CIRCLE, LXW_CHART_LINE_DASH_SOLID},
            {0xE69F00, LXW_CHART_MARKER_SQUARE, LXW_CHART_LINE_DASH_SOLID},
            {0x009E73, LXW_CHART_MARKER_TRIANGLE, LXW_CHART_LINE_DASH_ROUND_DOT},
            {0xCC79A7, LXW_CHART_MARKER_X, LXW_CHART_LINE_DASH_SOLID},
            {0x56B4E9, LXW_CHART_MARKER_STAR, LXW_CHART_LINE_DASH_LONG_DASH},
            {0x8C510A, LXW_CHART_MARKER_PLUS, LXW_CHART_LINE_DASH_DASH_DOT},
        };
        int i = x->chart_techs++ % MSC_XW_CHART_TECHS;
        lxw_chart_line line = {.color = look[i].color, .width = 1.75, .dash_type = look[i].dash};
        lxw_chart_fill fill = {.color = look[i].color};
        chart_series_set_line(s, &line);
        chart_series_set_marker_type(s, look[i].marker);
        chart_series_set_marker_size(s, 5);
        chart_series_set_marker_fill(s, &fill);
        lxw_chart_line edge = {.color = look[i].color};
        chart_series_set_marker_line(s, &edge);
    }
}

void msc_xw_place_chart(struct msc_xw *x, lxw_worksheet *ws, int row, int col, int dx, int dy,
                        lxw_chart *chart, int w, int h)
{
    lxw_chart_options opt = {.x_offset = dx,
                             .y_offset = dy,
                             .x_scale = w / 480.0,
                             .y_scale = h / 288.0,
                             .object_position = LXW_OBJECT_MOVE_DONT_SIZE};
    msc_xw_ok(x, worksheet_insert_chart_opt(ws, (lxw_row_t)row, (lxw_col_t)col, chart, &opt));
}

int msc_xw_files_table(struct msc_xw *x, lxw_worksheet *ws, int row, double note_width)
{
    static const char *const head[] = {"File",     "Path",          "State",   "Rows read", "Used",
                                       "Rejected", "With warnings", "Profile", "Note"};
    for (int c = 0; c < 9; c++)
        msc_xw_text(x, ws, row, c, head[c],
                    c == 0 || c == 1 || c == 8 ? x->header_left : x->header);
    row++;
    for (int f = 0; f < MSC_FILE_COUNT; f++, row++) {
        const struct msc_file_info *fi = &x->m->file[f];
        int read = fi->state == MSC_FILE_READ;
        const char *state = read                            ? "read"
                            : fi->state == MSC_FILE_SKIPPED ? "skipped"
                            : fi->path                      ? "not found"
                                                            : "not given";
        msc_xw_text(x, ws, row, 0, msc_file_names[f], x->text);
        msc_xw_text(x, ws, row, 1, fi->path, x->text);
        msc_xw_text(x, ws, row, 2, state, x->text);
        msc_xw_number(x, ws, row, 3, read ? (double)fi->rows_read : NAN, x->count);
        msc_xw_number(x, ws, row, 4, read ? (double)fi->rows_used : NAN, x->count);
        msc_xw_number(x, ws, row, 5, read ? (double)fi->rows_rejected : NAN, x->count);
        msc_xw_number(x, ws, row, 6, read ? (double)fi->rows_warned : NAN, x->count);
        /* A read file's note: the canonical fields its profile did not find. */
        char fields[1100];
        const char *note = fi->note;
        if (read && fi->fields_missing && strcmp(fi->fields_missing, "(none)") != 0) {
            snprintf(fields, sizeof fields, "fields not found: %s", fi->fields_missing);
            note = fields;
        }
        msc_xw_text(x, ws, row, 7, fi->profile, x->text_indent);
        msc_xw_text(x, ws, row, 8, note, x->text_wrap);
        if (note)
            msc_xw_row_for_text(x, ws, row, note, note_width, 15);
    }
    return row;
}

/* ---- set-up --------------------------------------------------------- */

static int by_name(const void *pa, const void *pb, void *names)
{
    const struct msc_names *people = names;
    int a = *(const int *)pa, b = *(const int *)pb;
    int c = strcmp(msc_names_display(people, a), msc_names_display(people, b));
    return c ? c : (a > b) - (a < b);
}

int msc_xw_name_taken(const struct msc_xw *x, const char *name)
{
    static const char *const fixed[] = {"Scorecard", "Trend",        "Team",
                                        "Clients",   "Data Quality", "Definitions"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (strcasecmp(fixed[i], name) == 0)
            return 1;
    for (size_t k = 0; k < MSC_MAX_KPIS; k++) /* unnamed yet: "" */
        if (x->sheet[k][0] && strcasecmp(x->sheet[k], name) == 0)
            return 1;
    /* A hash set: looking each new name up among all the others made
     * naming 2,000 sheets 2 million comparisons. */
    return msc_strset_has(&x->coach_names, name);
}

/* A sheet name from a KPI's display name: the characters Excel refuses
 * become spaces, a trailing "(...)" gloss is dropped (the sheet's title
 * keeps it), and the rest is cut at a word to 31 characters; a clash gets
 * " 2", " 3" ... */
static void kpi_sheet_name(struct msc_xw *x, int k)
{
    const struct msc_kpi_module *mod = x->r->kpi[k].mod;
    char name[128];
    size_t n = 0;
    for (const char *p = mod->name; *p && n + 1 < sizeof name; p++) {
        char c = strchr("[]:*?/\\'", *p) ? ' ' : *p;
        if (c == ' ' && (n == 0 || name[n - 1] == ' '))
            continue;
        name[n++] = c;
    }
    name[n] = '\0';
    char *paren = strchr(name, '(');
    if (paren && paren > name)
        *paren = '\0';
    n = strlen(name);
    while (n > 31) { /* cut at the last space that fits, else hard */
        char *sp = NULL;
        for (size_t i = 0; i <= 31 && i < n; i++)
            if (name[i] == ' ')
                sp = name + i;
        n = sp ? (size_t)(sp - name) : 31;
        name[n] = '\0';
    }
    while (n && name[n - 1] == ' ')
        name[--n] = '\0';
    if (!n)
        snprintf(name, sizeof name, "%.31s", mod->id);
    char dst[32];
    snprintf(dst, sizeof dst, "%.31s", name);
    for (int i = 2;
         msc_xw_name_taken(x, dst) || workbook_validate_sheet_name(x->wb, dst) != LXW_NO_ERROR; i++) {
        char suffix[16];
        int sl = snprintf(suffix, sizeof suffix, " %d", i);
        snprintf(dst, sizeof dst, "%.*s%s", 31 - sl, name, suffix);
        if (i > 99) { /* cannot happen with registry names; stay safe */
            snprintf(dst, sizeof dst, "KPI %d", k + 1);
            break;
        }
    }
    memcpy(x->sheet[k], dst, sizeof dst);
}

int msc_xw_init(struct msc_xw *x, lxw_workbook *wb, const struct msc_report *r,
                const struct msc_xlsx_opts *o, int review_client)
{
    memset(x, 0, sizeof *x);
    msc_strset_init(&x->coach_names);
    x->wb = wb;
    x->review_client = review_client;
    x->r = r;
    x->m = r->model;
    x->o = o;
    const struct msc_model *m = x->m;
    msc_format_datetime(m->as_of, x->as_of);

    x->nperiods = (int)(m->last_period - m->first_period + 1);
    if (x->nperiods < 1)
        x->nperiods = 1;
    x->label = msc_calloc((size_t)x->nperiods, sizeof *x->label);
    x->values = msc_calloc(2 * (size_t)x->nperiods, sizeof *x->values);
    size_t npeople = msc_names_count(&m->people);
    unsigned char *seen = msc_calloc(npeople + 1, 1);
    x->tech = msc_calloc(npeople + 1, sizeof *x->tech);
    if (!x->label || !x->values || !seen || !x->tech) {
        free(seen);
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    }
    for (int i = 0; i < x->nperiods; i++)
        msc_period_label(m->period_kind, m->first_period + i, x->label[i]);
    coverage_marks(x);

    /* A technician's own workbook and a client's review list no
     * technicians; skipping the scan (and the sort) keeps --per-tech and
     * --per-client linear in technicians and clients. */
    int listed = !(o && o->own) && review_client < 0;
    for (size_t i = 0; i < r->count && listed; i++)
        if (r->rows[i].level == MSC_LEVEL_TECH && r->rows[i].subject >= 0 &&
            (size_t)r->rows[i].subject < npeople)
            seen[r->rows[i].subject] = 1;
    for (size_t p = 0; p < npeople; p++)
        if (seen[p])
            x->tech[x->ntech++] = (int)p;
    free(seen);
    if (x->ntech > 1)
        qsort_r(x->tech, (size_t)x->ntech, sizeof *x->tech, by_name, (void *)&m->people);

    x->score = r->score;
    for (size_t k = 0; k < x->r->nkpis; k++)
        if (msc_xw_scored(x, (int)k))
            kpi_sheet_name(x, (int)k);
    return make_formats(x);
}

void msc_xw_release(struct msc_xw *x)
{
    free(x->label);
    free(x->values);
    x->values = NULL;
    free(x->tech);
    free(x->coach_sheet);
    x->coach_sheet = NULL;
    msc_strset_release(&x->coach_names);
    free(x->clean);
    free(x->conv);
    for (size_t i = 0; i < x->nmade; i++)
        free((char *)x->made[i].l.num);
    free(x->made);
    x->made = NULL;
    x->nmade = x->made_cap = 0;
    x->label = NULL;
    x->tech = NULL;
    x->clean = x->conv = NULL;
}

int msc_xw_scored(const struct msc_xw *x, int k)
{
    return x->r->kpi[k].selected && x->r->kpi[k].role == MSC_ROLE_SCORED;
}

int msc_xw_shown(const struct msc_xw *x, int k)
{
    return x->r->kpi[k].selected && x->r->kpi[k].role == MSC_ROLE_SHOWN;
}

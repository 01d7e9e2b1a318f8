/*
 * xlsx_common.h: what the workbook's sheet writers share (internal to
 * lib/write): the run's context, one look for every sheet (formats, title
 * block, page set-up), cell writers that never turn input text into a
 * formula, the met / amber / missed colouring, and line charts with a dashed
 * target.
 *
 * Each sheet writer (xlsx_SHEET.c) adds one kind of sheet and returns 0, or
 * -1 after recording the failure in x->status; xlsx.c calls them in the
 * order output.md gives and turns x->status into the caller's error.
 *
 * libxlsxwriter calls that can fail go through msc_xw_ok(), so a failure deep in
 * a sheet is kept (the first one wins) and the workbook is then thrown away
 * instead of written.
 */
#ifndef MSC_WRITE_XLSX_COMMON_H
#define MSC_WRITE_XLSX_COMMON_H

#include <stdint.h>

#include <xlsxwriter.h>

#include "report/coach.h"
#include "report/report.h"
#include "util/strset.h"
#include "write/xlsx.h"

/* Line charts draw the team, the target and at most this many technicians:
 * 8 lines in all, as many as colours and markers stay told apart. */
#define MSC_XW_CHART_TECHS 6

/* Number cell looks, combined as flags. */
enum {
    MSC_XW_TOTAL = 1,  /* the team row: bold, a rule above */
    MSC_XW_TARGET = 2, /* a target: grey italic, prefixed with >= or <= */
    MSC_XW_STYLES = 4
};

/* Line series roles. */
enum msc_xw_series_role { MSC_XW_SERIES_TECH = 0, MSC_XW_SERIES_TEAM, MSC_XW_SERIES_TARGET };

struct msc_xw_made; /* xlsx_common.c */

struct msc_xw {
    lxw_workbook *wb;
    const struct msc_report *r;
    const struct msc_model *m;
    const struct msc_xlsx_opts *o;
    enum msc_status status; /* first failure, MSC_OK while none */
    lxw_error lxw_status;   /* libxlsxwriter's word on it, if it was one */

    int nperiods;      /* m->first_period .. m->last_period */
    char (*label)[24]; /* label[i]: period first_period + i, "2026-11*" when partial */
    double *values;    /* room for two rows of nperiods values (msc_xw_values) */
    char coverage[512]; /* what the marks mean and which periods have no data; "" when
                         * the data covers every period */
    int *tech;         /* technicians with a value in the range, by name */
    int ntech;
    int score;                    /* the report's score, -1 when not computed */
    int review_client;            /* the client of a review workbook; -1 */
    char sheet[MSC_MAX_KPIS][32]; /* each KPI's own sheet name, "" when it has none */
    char as_of[24];               /* the as-of time as text */
    char *clean, *conv;           /* msc_xw_clean's buffers */
    size_t clean_cap, conv_cap;

    /* Shared looks (made once in msc_xw_init). */
    lxw_format *title, *subtitle, *subtitle_wrap, *section, *note, *note_wrap, *header,
        *header_left, *group, *text, *text_indent, *text_total, *text_target, *text_wrap, *count,
        *count_center, *count_total, *good, *amber, *bad, *up, *down, *change, *change_total,
        *legend_good, *legend_amber, *legend_bad, *banner_bad, *banner_partial, *alert, *focus,
        *keep, *points, *box;
    lxw_format *gap[6][2];        /* msc_xw_gap_format's, by unit and direction */
    /* The coaching figures (report/coach.h) and each technician's Coach
     * sheet name, by index in coach->tech; none without o->coach. */
    const struct msc_coach *coach;
    char (*coach_sheet)[32];
    struct msc_strset coach_names; /* those named so far */
    int chart_techs;              /* technician series in the current chart */
    /* Every format made, by look (xlsx_common.c), so that none has a twin. */
    struct msc_xw_made *made;
    size_t nmade, made_cap;
    /* Number looks by unit, direction and MSC_XW_* flags, made when first used. */
    lxw_format *num[6][2][MSC_XW_STYLES];
};

/* Fills x (formats, periods, sheet names, and for the full workbook the
 * technicians) for the workbook of o, or with review_client >= 0 that
 * client's review; -1 on failure. */
int msc_xw_init(struct msc_xw *x, lxw_workbook *wb, const struct msc_report *r,
                const struct msc_xlsx_opts *o, int review_client);
void msc_xw_release(struct msc_xw *x);

/* Whether a sheet name is taken (case-blind): a fixed sheet's, a KPI
 * sheet's or a Coach sheet's named so far. */
int msc_xw_name_taken(const struct msc_xw *x, const char *name);
/* Records a libxlsxwriter failure; returns -1 for one, else 0. */
int msc_xw_ok(struct msc_xw *x, lxw_error e);
/* Records a failure of our own (MSC_ERR_NOMEM ...); returns -1. */
int msc_xw_fail(struct msc_xw *x, enum msc_status st);

/* A new sheet with the shared page set-up (landscape A4, a footer naming
 * the sheet and page, printed one page wide); NULL after recording a
 * failure. header_rows: rows 0..header_rows-1 repeat on every printed page
 * (0: none). */
lxw_worksheet *msc_xw_sheet(struct msc_xw *x, const char *name, int header_rows);
/* Prints the sheet at a fixed scale that fits width_px pixels of it across
 * the page (and height_px down it, when > 0) instead, so that manual page
 * breaks hold (Excel ignores them when fitting to a page width); returns
 * the scale in percent. */
int msc_xw_print_scale(lxw_worksheet *ws, int width_px, int height_px);
/* How many default-height rows a printed page holds at a scale. */
int msc_xw_page_rows(int scale);
/* For a sheet with a table above a chart that starts at chart_row, above_px
 * down the sheet: all on one page while that stays readable, else the chart
 * on a page of its own. */
void msc_xw_print_table_chart(struct msc_xw *x, lxw_worksheet *ws, int width_px, int chart_row,
                              int above_px, int chart_px);
/* Pixel width of a column width in characters, as Excel draws it. */
int msc_xw_col_px(double width);
/* The height in pixels of a row of pt points, and of a default row. */
#define MSC_XW_ROW_PX(pt) ((int)((pt)*4 / 3))
#define MSC_XW_DEFAULT_ROW_PX 20

/* The title line and the line under it (none when subtitle is NULL); the
 * line ends with x->coverage, so that every sheet says which periods are
 * partial or empty. */
void msc_xw_title(struct msc_xw *x, lxw_worksheet *ws, const char *title, const char *subtitle);
/* A subtitle wrapped as msc_xw_wrapped() does, x->coverage after it;
 * returns the row's height in pixels. */
int msc_xw_subtitle_wrapped(struct msc_xw *x, lxw_worksheet *ws, int row, int last_col,
                            double width_chars, const char *s);

/* How many rows msc_xw_banner() takes (0 when the gate passed and the
 * report is not partial). */
int msc_xw_banner_rows(const struct msc_xw *x);
/* The warnings an owner must see before any number: the data-quality
 * gate's problems in red, a partial last period in amber, each a merged
 * row across columns 0..last_col (width_chars wide in all) from row on. */
void msc_xw_banner(struct msc_xw *x, lxw_worksheet *ws, int row, int last_col, double width_chars);

/* A long line of text wrapped across columns 0..last_col (width_chars wide
 * in all), the row made tall enough, so it neither runs off the printed
 * page nor hides under the next row; returns the row's height in pixels. */
int msc_xw_wrapped(struct msc_xw *x, lxw_worksheet *ws, int row, int last_col, double width_chars,
                   const char *s, lxw_format *f);

/* Makes a row tall enough for s wrapped in a cell width_chars wide
 * (viewers do not grow rows for wrapped text by themselves); returns the
 * row's height in pixels. */
int msc_xw_row_for_text(struct msc_xw *x, lxw_worksheet *ws, int row, const char *s,
                        double width_chars, double line_pt);

/* Every string that reaches the package (cells, and through them chart
 * caches, series names and categories; sheet names, chart titles, document
 * properties) goes through here first. XML 1.0 cannot hold C0 control
 * characters and libxlsxwriter escapes them in cells only, so a name with
 * one made the chart XML ill-formed: each becomes its visible Unicode
 * "control picture" (U+2401 for 0x01 ..., U+2421 for DEL); tab, LF and CR
 * stay. Bytes that are not UTF-8 are read as Windows-1252, as the reader
 * does; U+FFFE and U+FFFF become U+FFFD. For a cell, a literal _xHHHH_
 * (which Excel would decode: _x003D_ shows as "=") gets its underscore
 * written _x005F_, so it shows as written. Returns s itself when it needs
 * nothing, else a copy valid until the next call; NULL after recording no
 * memory. */
const char *msc_xw_clean(struct msc_xw *x, const char *s, int cell);

/* Text from anywhere (input included) as a string cell, never a formula;
 * NULL or "" leaves a styled blank. */
void msc_xw_text(struct msc_xw *x, lxw_worksheet *ws, int row, int col, const char *s,
                 lxw_format *f);
/* A number; NAN (no value) leaves a styled blank, never 0. */
void msc_xw_number(struct msc_xw *x, lxw_worksheet *ws, int row, int col, double v, lxw_format *f);

/* The number look for a KPI's unit (MSC_XW_* flags). */
lxw_format *msc_xw_kpi_format(struct msc_xw *x, int kpi, int flags);
/* A gap to target (value - target) that reads "2.5% behind", "1.0 h ahead". */
lxw_format *msc_xw_gap_format(struct msc_xw *x, int kpi);
/* The number look for a unit regardless of KPI (no target prefix). */
lxw_format *msc_xw_unit_format(struct msc_xw *x, enum msc_unit unit, int flags);

/* A KPI's value for a cell, NAN when the report has none. */
double msc_xw_value(const struct msc_xw *x, int kpi, enum msc_level level, int subject,
                    int64_t period);
/* A KPI's values for one subject over the periods, into v[0..nperiods-1]
 * (NAN where the report has none). */
void msc_xw_values(const struct msc_xw *x, int kpi, enum msc_level level, int subject, double *v);
/* Whether the report has any team row of the KPI in the range. */
int msc_xw_has_team_rows(const struct msc_xw *x, int kpi);

/* Colours a block of a KPI's values against its target: green met, amber
 * within the amber band, red missed; blanks stay uncoloured. Nothing for
 * a KPI without a target. */
void msc_xw_traffic_lights(struct msc_xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                           int kpi);

/* The same against any target: the tech score's tech_score_target. */
void msc_xw_lights(struct msc_xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                   enum msc_better better, double target);

/* The same for rows of a table (ascending) whose targets stand in the
 * table itself, each in its row's column target_col (a number; rows
 * without one are not given): one set of rules for them all, held against
 * each row's own target, instead of three rules a row. All of one
 * direction. */
void msc_xw_lights_rows(struct msc_xw *x, lxw_worksheet *ws, const int *rows, int n, int c1,
                        int c2, int target_col, enum msc_better better);

/* A KPI's target in words: "target >= 80% (higher is better)", or "no
 * target; higher is better". */
void msc_xw_target_words(const struct msc_xw *x, int kpi, char *buf, size_t cap);
/* Why a KPI can have no value in this run (kpis.md: "the workbook says
 * why"), written into buf; NULL when nothing in the input rules it out. */
const char *msc_xw_why_blank(const struct msc_xw *x, int kpi, char *buf, size_t cap);
/* The "KPIs without a value in this run" list from row on; returns the row
 * after it. */
int msc_xw_why_notes(struct msc_xw *x, lxw_worksheet *ws, int row);

/* A KPI counted in the tech score (it gets its own sheet). */
int msc_xw_scored(const struct msc_xw *x, int kpi);
/* A technician-level KPI shown beside the score but not counted in it. */
int msc_xw_shown(const struct msc_xw *x, int kpi);

/* A line chart over the period columns: blanks as gaps, a percent axis for
 * ratios, the legend at the bottom. NULL after recording a failure. */
lxw_chart *msc_xw_line_chart(struct msc_xw *x, const char *title, enum msc_unit unit);
/* Sets a percent (or 0-100 score) axis to round bounds around lo..hi (the
 * values drawn), so that lines near a 97% target do not lie flat at the
 * top of 0-120%: one rule for every such chart. */
void msc_xw_ratio_axis(lxw_chart *chart, double lo, double hi);
/* Widens lo..hi to take in v, for msc_xw_ratio_axis(); a NAN bound is
 * empty and a NAN v changes nothing. */
void msc_xw_span(double *lo, double *hi, double v);
/* The header row of a table by period: first_head over column 0,
 * "Target" over column 1, the period labels from column 2 on. */
void msc_xw_period_header(struct msc_xw *x, lxw_worksheet *ws, int row, const char *first_head);
/* Adds one row of a table as a series: its name from name_col, its values
 * from cols c1..c2 of row, the categories from the same columns of cat_row. */
void msc_xw_line_series(struct msc_xw *x, lxw_chart *chart, const char *sheet, int row,
                        int name_col, int c1, int c2, int cat_row, enum msc_xw_series_role role);
/* Places a chart of w x h pixels at (row, col) moved by (dx, dy) pixels. */
void msc_xw_place_chart(struct msc_xw *x, lxw_worksheet *ws, int row, int col, int dx, int dy,
                        lxw_chart *chart, int w, int h);

/* The input files table (Data Quality and Definitions): one row per file,
 * the note column note_width characters wide; returns the next free row. */
int msc_xw_files_table(struct msc_xw *x, lxw_worksheet *ws, int row, double note_width);

/* The sheets, in workbook order: xlsx_scorecard.c, xlsx_grid.c (Trend and
 * the KPI sheets, one picture), xlsx_team.c, xlsx_clients.c,
 * xlsx_quality.c, xlsx_definitions.c. */
int msc_xw_sheet_scorecard(struct msc_xw *x);
int msc_xw_sheet_trend(struct msc_xw *x);
int msc_xw_sheet_team(struct msc_xw *x);
int msc_xw_sheet_kpis(struct msc_xw *x);
int msc_xw_sheet_clients(struct msc_xw *x);
int msc_xw_sheet_bonus(struct msc_xw *x); /* xlsx_bonus.c: only with a [bonus] */
int msc_xw_sheet_review(struct msc_xw *x); /* xlsx_review.c: the client review's one sheet */
int msc_xw_sheet_quality(struct msc_xw *x);
int msc_xw_sheet_definitions(struct msc_xw *x);
/* xlsx_coach.c: a Coach sheet per technician (coach_sheets = all), or the
 * one technician's of a per-tech workbook (o->own). */
int msc_xw_sheet_coach(struct msc_xw *x);
/* Names x->coach's technicians' sheets into x->coach_sheet, in its order,
 * each unique against every other sheet; -1 on failure. */
int msc_xw_name_coach_sheets(struct msc_xw *x);

#endif

/* main.c: msp-scorecard's command line; everything else is in lib/. */
#include "kpi/plugin.h"
#include "read/field.h"
#include "read/profile.h"
#include "report/review.h"
#include "report/summary.h"
#include "run.h"
#include "write/mail.h"
#include "write/output.h"
#include "write/books.h"
#include "write/table.h"
#include "write/text.h"
#include "write/xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif
#include <time.h>
#include <unistd.h>

#ifndef MSC_VERSION
#define MSC_VERSION "0.0.0"
#endif

#define PROG "msp-scorecard"
#define MAX_LISTED_ROWS 20

enum format { FORMAT_XLSX, FORMAT_CSV, FORMAT_JSON, FORMAT_TEXT };

struct cli {
    struct msc_run_opts run;
    const char *config;
    const char *map;
    const char *output;
    const char *rejects;     /* --rejects FILE, or NULL */
    const char *mail_to;     /* NULL: the mail_to setting */
    const char **plugins;    /* --plugin FILE.so, in order */
    size_t nplugins;
    enum format format;
    int date_order;          /* -1: the settings decide */
    int list_kpis, strict, quiet, verbose;
    const char *per_tech;    /* --per-tech DIR, or NULL */
    const char *tech;        /* --tech NAME: that card alone (--format text) */
    int mail_techs;
    const char **review;     /* --client NAME, in order */
    size_t nreview;
    const char *per_client;  /* --per-client DIR, or NULL */
    int months_given;
};

enum {
    OPT_TICKETS = 256, OPT_TIME, OPT_SURVEYS, OPT_CLIENTS, OPT_RESOURCES, OPT_MAP, OPT_DATE_ORDER,
    OPT_PERIOD, OPT_MONTH, OPT_MONTHS, OPT_AS_OF, OPT_KPI, OPT_LIST_KPIS, OPT_MAIL_TO, OPT_STRICT,
    OPT_PARTIAL, OPT_HELP, OPT_VERSION, OPT_REJECTS, OPT_PLUGIN,
    OPT_PER_TECH, OPT_MAIL_TECHS, OPT_TECH, OPT_CLIENT, OPT_PER_CLIENT
};

static const struct option long_options[] = {
    {"tickets", required_argument, NULL, OPT_TICKETS},
    {"time-entries", required_argument, NULL, OPT_TIME},
    {"surveys", required_argument, NULL, OPT_SURVEYS},
    {"clients", required_argument, NULL, OPT_CLIENTS},
    {"resources", required_argument, NULL, OPT_RESOURCES},
    {"profile", required_argument, NULL, 'p'},
    {"map", required_argument, NULL, OPT_MAP},
    {"date-order", required_argument, NULL, OPT_DATE_ORDER},
    {"config", required_argument, NULL, 'c'},
    {"period", required_argument, NULL, OPT_PERIOD},
    {"month", required_argument, NULL, OPT_MONTH},
    {"months", required_argument, NULL, OPT_MONTHS},
    {"as-of", required_argument, NULL, OPT_AS_OF},
    {"partial", no_argument, NULL, OPT_PARTIAL},
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'f'},
    {"kpi", required_argument, NULL, OPT_KPI},
    {"list-kpis", no_argument, NULL, OPT_LIST_KPIS},
    {"mail-to", required_argument, NULL, OPT_MAIL_TO},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"rejects", required_argument, NULL, OPT_REJECTS},
    {"plugin", required_argument, NULL, OPT_PLUGIN},
    {"per-tech", required_argument, NULL, OPT_PER_TECH},
    {"mail-techs", no_argument, NULL, OPT_MAIL_TECHS},
    {"tech", required_argument, NULL, OPT_TECH},
    {"client", required_argument, NULL, OPT_CLIENT},
    {"per-client", required_argument, NULL, OPT_PER_CLIENT},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

static void usage(FILE *f)
{
    fputs("usage: " PROG " [OPTIONS] [DIR]\n"
          "Turn PSA exports (tickets, time entries, surveys) and the MSP's clients and\n"
          "resources files into a tech balanced scorecard workbook.\n"
          "\n"
          "DIR holds tickets.csv (required), time_entries.csv, surveys.csv, clients.csv and\n"
          "resources.csv; a missing optional file is skipped and said so.\n"
          "\n"
          "Input:\n"
          "      --tickets FILE        --time-entries FILE   --surveys FILE\n"
          "      --clients FILE        --resources FILE      name a file instead (- is stdin)\n"
          "  -p, --profile NAME        auto (default: recognise each file's PSA), generic,\n"
          "                            autotask, connectwise or halopsa\n"
          "      --map FILE            map file: header names and value words of any other\n"
          "                            export (see examples/maps/)\n"
          "      --date-order ORDER    mdy, dmy or ymd for numeric dates (default: each\n"
          "                            file's dates decide)\n"
          "  -c, --config FILE         settings: targets, weights, lists, holidays, hours\n"
          "Report:\n"
          "      --period KIND         month (default), week or quarter\n"
          "      --month YYYY-MM|last  the report's last period (default: the last period the\n"
          "                            data covers; last: the period before today's)\n"
          "      --months N            periods in the report (default 12)\n"
          "      --as-of DATETIME      SLA milestones due after it are pending\n"
          "      --partial             report on a last period the data does not cover yet\n"
          "                            (a running month, or exports that stop early)\n"
          "      --kpi LIST            only these KPIs (comma-separated ids)\n"
          "      --list-kpis           list the KPIs with formula and target, and exit\n"
          "      --plugin FILE.so      load a third-party KPI module (repeatable; also the\n"
          "                            setting plugin_dir)\n"
          "Output:\n"
          "  -o, --output FILE         default scorecard-LABEL.xlsx (LABEL: 2026-04, 2026-W17,\n"
          "                            2026-Q2); strftime patterns and %q (the quarter) are\n"
          "                            filled from the report's last period; - is stdout\n"
          "  -f, --format FORMAT       xlsx (default), csv or json (the KPI table), or text\n"
          "                            (the Scorecard for a terminal; default output: stdout)\n"
          "      --tech NAME           with --format text: that technician's coaching card\n"
          "      --per-tech DIR        also write each technician's own workbook into DIR\n"
          "      --mail-techs          with --per-tech: mail each technician their own\n"
          "                            workbook (resources.csv email)\n"
          "      --mail-to ADDR[,ADDR] after writing, mail the report through sendmail\n"
          "      --strict              exit 1 when any row was rejected\n"
          "      --rejects FILE        also write every rejected and warned row as CSV\n"
          "                            (file,line,column,severity,reason,value)\n"
          "      --client NAME         instead of the scorecard, a client review workbook\n"
          "                            for NAME (repeatable; quarters, the last 4, unless\n"
          "                            --period or --months say otherwise)\n"
          "      --per-client DIR      the same for every client, into DIR\n"
          "  -q, --quiet               print nothing on success\n"
          "  -v, --verbose             list every rejected row and warning\n"
          "      --help                this text\n"
          "      --version             the version\n"
          "\n"
          "Exit status: 0 written; 1 written, but the data-quality gate failed (or rows\n"
          "were rejected with --strict); 2 usage or settings error; 3 unusable input, or\n"
          "data that does not cover the report (stale exports: see --partial); 4 output\n"
          "not written; 5 written, but mailing it failed.\n",
          f);
}

/* What is printed on stdout (--help > /dev/full) must have arrived. */
static int stdout_status(void)
{
    return fflush(stdout) != 0 || ferror(stdout) ? MSC_ERR_OUTPUT : 0;
}

/* Descriptors 0-2 closed by the caller would be handed out to the next
 * open(): a temporary report file on descriptor 1 would then receive the
 * copy meant for stdout. /dev/null takes their place; stdout's copy is
 * opened read-only, so that writing there fails (exit 4) instead of
 * losing the report quietly. */
static void guard_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int nfd = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
            if (nfd >= 0 && nfd != fd) {
                dup2(nfd, fd);
                close(nfd);
            }
        }
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, PROG ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '" PROG " --help' for more information.\n");
    return MSC_ERR_USAGE;
}

/* Local wall-clock now in the zone-less calendar of read/field.h. */
static int64_t local_now(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return msc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
           tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

static int parse_month(const char *s, int *ym)
{
    int y, m, n = 0;
    if (strcmp(s, "last") == 0) {
        *ym = MSC_MONTH_LAST; /* the period before now's, whatever its length */
        return 0;
    }
    if (sscanf(s, "%4d-%2d%n", &y, &m, &n) != 2 || s[n] || y < 1 || m < 1 || m > 12)
        return -1;
    *ym = y * 12 + m - 1;
    return 0;
}

/* The index of arg among three option words, or -1. */
static int choice(const char *arg, const char *const words[3])
{
    for (int k = 0; k < 3; k++)
        if (strcmp(arg, words[k]) == 0)
            return k;
    return -1;
}

static int parse_args(int argc, char **argv, struct cli *c)
{
    static const char *const kinds[] = {"month", "week", "quarter"};
    static const char *const orders[] = {"mdy", "dmy", "ymd"};
    static const char *const formats[] = {"xlsx", "csv", "json"};
    int opt;
    char *end;
    memset(c, 0, sizeof *c);
    /* Room for every argument: --plugin may repeat. */
    static const char *plugin_slots[4096], *review_slots[4096];
    c->plugins = plugin_slots;
    c->review = review_slots;
    if (argc > 4096)
        return usage_error("%s", "too many arguments");
    msc_run_opts_init(&c->run);
    c->run.now = local_now();
    c->run.period = (enum msc_period_kind)-1;
    c->date_order = -1;
    while ((opt = getopt_long(argc, argv, "p:c:o:f:qv", long_options, NULL)) != -1) {
        switch (opt) {
        case OPT_TICKETS: c->run.path[MSC_FILE_TICKETS] = optarg; break;
        case OPT_TIME: c->run.path[MSC_FILE_TIME] = optarg; break;
        case OPT_SURVEYS: c->run.path[MSC_FILE_SURVEYS] = optarg; break;
        case OPT_CLIENTS: c->run.path[MSC_FILE_CLIENTS] = optarg; break;
        case OPT_RESOURCES: c->run.path[MSC_FILE_RESOURCES] = optarg; break;
        case 'p':
            if (strcmp(optarg, "auto") == 0)
                c->run.profile = NULL;
            else if (!(c->run.profile = msc_profile_find(optarg)))
                return usage_error("--profile '%s': expected auto, generic, autotask, connectwise "
                                   "or halopsa", optarg);
            break;
        case OPT_MAP: c->map = optarg; break;
        case OPT_MAIL_TO: c->mail_to = optarg; break;
        case OPT_DATE_ORDER:
            if ((c->date_order = choice(optarg, orders)) < 0)
                return usage_error("--date-order '%s': expected mdy, dmy or ymd", optarg);
            break;
        case 'c': c->config = optarg; break;
        case OPT_PERIOD: {
            int k = choice(optarg, kinds);
            if (k < 0)
                return usage_error("--period '%s': expected month, week or quarter", optarg);
            c->run.period = (enum msc_period_kind)k;
            break;
        }
        case OPT_MONTH:
            if (parse_month(optarg, &c->run.month) < 0)
                return usage_error("--month '%s': expected YYYY-MM or last", optarg);
            break;
        case OPT_MONTHS:
            errno = 0;
            c->run.months = (int)strtol(optarg, &end, 10);
            if (errno || *end || c->run.months < 1 || c->run.months > 1200)
                return usage_error("--months '%s': expected a number from 1 to 1200", optarg);
            c->months_given = 1;
            break;
        case OPT_PARTIAL: c->run.partial = 1; break;
        case OPT_AS_OF:
            if (msc_parse_datetime(optarg, MSC_DATE_YMD, &c->run.as_of) != MSC_FIELD_OK)
                return usage_error("--as-of '%s': expected a date-time such as 2026-03-31 17:00", optarg);
            break;
        case 'o': c->output = optarg; break;
        case OPT_PER_TECH: c->per_tech = optarg; break;
        case OPT_MAIL_TECHS: c->mail_techs = 1; break;
        case OPT_TECH: c->tech = optarg; break;
        case 'f': {
            int k = strcmp(optarg, "text") == 0 ? FORMAT_TEXT : choice(optarg, formats);
            if (k < 0)
                return usage_error("--format '%s': expected xlsx, csv, json or text", optarg);
            c->format = (enum format)k;
            break;
        }
        case OPT_KPI: c->run.kpis = optarg; break;
        case OPT_LIST_KPIS: c->list_kpis = 1; break;
        case OPT_STRICT: c->strict = 1; break;
        case OPT_REJECTS: c->rejects = optarg; break;
        case OPT_PLUGIN: c->plugins[c->nplugins++] = optarg; break;
        case OPT_CLIENT: c->review[c->nreview++] = optarg; break;
        case OPT_PER_CLIENT: c->per_client = optarg; break;
        case 'q': c->quiet = 1; break;
        case 'v': c->verbose = 1; break;
        case OPT_HELP: usage(stdout); exit(stdout_status());
        case OPT_VERSION: puts(PROG " " MSC_VERSION); exit(stdout_status());
        default: return usage_error("%s", "invalid option");
        }
    }
    if (optind < argc)
        c->run.dir = argv[optind++];
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (c->tech && c->format != FORMAT_TEXT)
        return usage_error("--tech '%s': a technician's card is text (add --format text)", c->tech);
    if (c->mail_techs && !c->per_tech)
        return usage_error("%s: give the folder of the technicians' workbooks (--per-tech DIR)",
                           "--mail-techs");
    int review = c->nreview || c->per_client;
    if (review && c->format != FORMAT_XLSX)
        return usage_error("%s", "--client and --per-client write workbooks: no --format");
    if (c->nreview > 1 && c->output)
        return usage_error("%s", "-o names one file: give one --client with it, or --per-client DIR");
    /* A client review goes by quarter, over a year, unless told otherwise. */
    if (review && (int)c->run.period < 0 && !c->months_given)
        c->run.months = 4;
    c->run.period = (int)c->run.period < 0 ? (review ? MSC_PERIOD_QUARTER : MSC_PERIOD_MONTH)
                                          : c->run.period;
    return 0;
}

static enum msc_status list_kpis(const struct msc_run *run, struct msc_error *err)
{
    struct msc_report_kpi kpi[MSC_MAX_KPIS];
    enum msc_status st = msc_report_kpis(kpi, &run->kpis, &run->settings, err);
    for (size_t k = 0; st == MSC_OK && k < run->kpis.count; k++) {
        const struct msc_kpi_module *m = kpi[k].mod;
        char t[40], w[40];
        msc_format_number(kpi[k].target, t);
        msc_format_number(kpi[k].weight, w);
        printf("%s\n  name:      %s\n  formula:   %s\n  unit:      %s\n  better:    %s\n"
               "  target:    %s\n  weight:    %s\n  levels:   %s%s%s\n\n",
               m->id, m->name, m->formula, msc_kpi_unit_name(m->unit),
               m->better == MSC_HIGHER ? "higher" : "lower", t[0] ? t : "(none)", w,
               m->levels & MSC_AT_TECH ? " tech" : "", m->levels & MSC_AT_TEAM ? " team" : "",
               m->levels & MSC_AT_CLIENT ? " client" : "");
    }
    return st;
}

/* --plugin files, then every *.so of the settings' plugin_dir. */
static enum msc_status load_plugins(const struct cli *c, struct msc_run *run, struct msc_error *err)
{
    enum msc_status st = MSC_OK;
    for (size_t i = 0; st == MSC_OK && i < c->nplugins; i++)
        st = msc_kpi_plugin_load(&run->kpis, c->plugins[i], err);
    if (st == MSC_OK && run->settings.plugin_dir[0])
        st = msc_kpi_plugin_dir(&run->kpis, run->settings.plugin_dir, err);
    return st;
}

/* The output path: -o or the default (scorecard-LABEL.EXT), with %q (the
 * quarter) and strftime patterns filled from the first day of the report's
 * last period. */
static int output_path(const struct cli *c, const struct msc_model *m, char *buf, size_t cap)
{
    static const char *const ext[] = {"xlsx", "csv", "json", "txt"};
    char given[4096], pattern[4096], label[24];
    int64_t day = msc_period_start(m->period_kind, m->last_period) / 86400;
    int y, mo, d;
    msc_civil_from_days(day, &y, &mo, &d);
    msc_period_label(m->period_kind, m->last_period, label);
    if (c->output)
        snprintf(given, sizeof given, "%s", c->output);
    else if (c->format == FORMAT_TEXT) /* a view for the terminal */
        snprintf(given, sizeof given, "-");
    else /* the label, not a pattern: week and quarter reports never overwrite a month's */
        snprintf(given, sizeof given, "scorecard-%s.%s", label, ext[c->format]);
    if (strcmp(given, "-") == 0) {
        snprintf(buf, cap, "-");
        return 0;
    }
    /* %q is not strftime's: replace it first, keeping %% pairs whole. */
    size_t n = 0;
    for (const char *p = given; *p && n + 2 < sizeof pattern; p++) {
        if (p[0] == '%' && p[1] == 'q') {
            pattern[n++] = (char)('1' + (mo - 1) / 3);
            p++;
        } else {
            if (p[0] == '%' && p[1] == '%')
                pattern[n++] = *p++;
            pattern[n++] = *p;
        }
    }
    pattern[n] = '\0';
    /* Weekday and day of the year too, or %G, %V, %u and %j come out wrong. */
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_isdst = -1};
    tm.tm_wday = (msc_weekday(day) + 1) % 7;
    tm.tm_yday = (int)(day - msc_days_from_civil(y, 1, 1));
    return strftime(buf, cap, pattern, &tm) == 0 ? -1 : 0;
}

/* Which profile read each file, the fields it found, and the KPIs that
 * therefore have no value: always for PSA profiles, with -v for generic. */
/* The progress line, on a terminal only: it rewrites itself. */
static void show_progress(void *ctx, const char *path, long rows)
{
    (void)ctx;
    fprintf(stderr, "\r" PROG ": reading %s: %ld rows\033[K", path, rows);
}

static void print_file_notes(const struct msc_report *r, int verbose, int quiet)
{
    const struct msc_model *m = r->model;
    if (quiet)
        return;
    for (int f = 0; f < MSC_FILE_COUNT; f++) {
        const struct msc_file_info *fi = &m->file[f];
        if (fi->note && strncmp(fi->note, fi->path, strlen(fi->path)) == 0)
            fprintf(stderr, PROG ": %s\n", fi->note); /* the note names the file */
        else if (fi->note)
            fprintf(stderr, PROG ": %s: %s\n", fi->path, fi->note);
        else if (fi->state == MSC_FILE_READ && (verbose || strcmp(fi->profile, "generic") != 0))
            fprintf(stderr, PROG ": %s: read as %s; fields found: %s; not found: %s\n", fi->path,
                    fi->profile, fi->fields_found, fi->fields_missing);
        if (fi->state == MSC_FILE_READ && fi->date_order)
            fprintf(stderr, PROG ": %s: dates read %s\n", fi->path, fi->date_order);
    }
    for (size_t k = 0; k < r->nkpis; k++)
        if (r->kpi[k].selected && !r->kpi[k].available)
            fprintf(stderr, PROG ": %s has no value: %s\n", r->kpi[k].mod->id, r->kpi[k].why);
}

static void print_dq(const struct msc_model *m, int verbose, int quiet)
{
    size_t shown = 0, rejected = 0;
    for (size_t i = 0; i < m->dq.count; i++) {
        const struct msc_dq_item *it = &m->dq.items[i];
        rejected += it->severity == MSC_REJECTED;
        /* A warning on the header line is about the whole file: always shown. */
        int header = it->line == 1 && it->column > 0;
        if (quiet || (!verbose && !header && (it->severity != MSC_REJECTED || shown >= MAX_LISTED_ROWS)))
            continue;
        shown++;
        fprintf(stderr, PROG ": %s:%ld:%d: %s: %s%s%s%s\n", m->file[it->file].path, it->line,
                it->column ? it->column : 1, it->severity == MSC_REJECTED ? "rejected" : "warning",
                it->reason, it->value[0] ? " ('" : "", it->value, it->value[0] ? "')" : "");
    }
    for (size_t i = 0; i < m->dq.count && !quiet; i++)
        if (strncmp(m->dq.items[i].reason, "unparseable date", 16) == 0) {
            fputs(PROG ": dates are read in these forms: 2026-03-04 13:22[:05], "
                  "2026-03-04T13:22:05[.000][Z|+02:00], 2026-03-04, 2026/03/04 13:22, "
                  "3/4/2026 1:22 PM, 03/04/2026 13:22, 3/4/2026, 13.08.2026 08:34 (day and month in "
                  "the order each file's dates need, or as --date-order says)\n", stderr);
            break;
        }
    if (!quiet && !verbose && rejected > shown)
        fprintf(stderr, PROG ": ... and %zu more rejected rows (the report's Data Quality sheet "
                        "lists them; -v here, --rejects FILE as CSV)\n", rejected - shown);
}

/* What makes this report less than complete: said even with -q, since cron
 * mails stderr and the owners must not take such a report at face value. */
static void print_caveats(const struct cli *c, const struct msc_report *r)
{
    const struct msc_gate *g = &r->gate;
    for (size_t i = 0; i < g->nproblems; i++)
        fprintf(stderr, PROG ": data problem: %s\n", g->problems[i]);
    if (r->partial && (!c->quiet || c->format != FORMAT_XLSX)) {
        char label[24], note[80];
        msc_period_label(r->model->period_kind, r->model->last_period, label);
        fprintf(stderr, PROG ": %s is partial (%s); SLA milestones due after that are pending\n",
                label, msc_report_coverage_note(r, r->model->last_period, note));
    }
    if (c->quiet)
        return;
    if (g->unlisted.total)
        fprintf(stderr, PROG ": %zu client name%s in tickets %s not in %s (the Data Quality sheet "
                        "lists the closest names)\n", g->unlisted.total, g->unlisted.total == 1 ? "" : "s",
                g->unlisted.total == 1 ? "is" : "are", r->model->file[MSC_FILE_CLIENTS].path);
    if (g->idle.total)
        fprintf(stderr, PROG ": %zu client%s listed with endpoints had no ticket or hour in the "
                        "report's range (no activity: a name that does not match?)\n",
                g->idle.total, g->idle.total == 1 ? "" : "s");
}

static void print_summary(const struct cli *c, const struct msc_run *run, const char *path)
{
    const struct msc_model *m = &run->model;
    char first[24], last[24];
    msc_period_label(m->period_kind, m->first_period, first);
    msc_period_label(m->period_kind, m->last_period, last);
    size_t techs = 0;
    for (size_t p = 0; p < msc_names_count(&m->people); p++)
        techs += msc_model_is_tech(m, (int)p);
    const struct msc_row *team =
        msc_report_find(&run->report, run->report.score, MSC_LEVEL_TEAM, -1, m->last_period);
    fprintf(stderr, PROG ": wrote %s: %s to %s, %zu technicians", strcmp(path, "-") ? path : "stdout",
            first, last, techs);
    if (team)
        fprintf(stderr, ", team score %.1f in %s", team->value, last);
    fputc('\n', stderr);
    for (int f = 0; f < MSC_FILE_COUNT; f++) {
        const struct msc_file_info *fi = &m->file[f];
        if (fi->state == MSC_FILE_READ && (c->verbose || fi->rows_rejected || fi->rows_warned))
            fprintf(stderr, PROG ": %s: %ld rows read, %ld used, %ld rejected, %ld with warnings\n",
                    fi->path, fi->rows_read, fi->rows_used, fi->rows_rejected, fi->rows_warned);
    }
}

/* The version, and the document time that makes a workbook reproducible:
 * $SOURCE_DATE_EPOCH, else the as-of time. */
static struct msc_xlsx_opts xlsx_opts(const struct msc_run *run)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    struct msc_xlsx_opts xo = {.version = MSC_VERSION, .doc_time = run->model.as_of};
    if (sde && *sde)
        xo.doc_time = (int64_t)strtoll(sde, NULL, 10);
    return xo;
}

static enum msc_status write_report(const struct cli *c, const struct msc_run *run,
                                    const char *path, struct msc_error *err)
{
    struct msc_output out;
    enum msc_status st = msc_output_begin(&out, path, err);
    if (st != MSC_OK)
        return st;
    int bad = 0;
    if (c->format == FORMAT_CSV)
        bad = msc_write_csv(out.fp, &run->report) < 0;
    else if (c->format == FORMAT_JSON)
        bad = msc_write_json(out.fp, &run->report) < 0;
    else if (c->format == FORMAT_TEXT) {
        /* Colour for a person at a terminal only (https://no-color.org). */
        const char *nc = getenv("NO_COLOR");
        int colour = strcmp(path, "-") == 0 && isatty(STDOUT_FILENO) && !(nc && *nc);
        const struct msc_coach_tech *t =
            c->tech ? msc_coach_find_name(&run->coach, c->tech) : NULL;
        if (c->tech && !t) {
            msc_output_abort(&out);
            return msc_error_set(err, MSC_ERR_USAGE,
                                 "--tech '%s': no technician of that name has a value in the report",
                                 c->tech);
        }
        bad = (t ? msc_write_text_card(out.fp, &run->coach, t, colour)
                 : msc_write_text(out.fp, &run->coach, colour)) < 0;
    }
    else {
        struct msc_xlsx_opts xo = xlsx_opts(run);
        xo.name = path;
        xo.tmpdir = out.tmp_dir;
        xo.coach = &run->coach;
        st = msc_write_xlsx(out.tmp_path, &run->report, &xo, err);
    }
    if (bad)
        st = msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", path, strerror(errno));
    if (st != MSC_OK) {
        msc_output_abort(&out);
        return st;
    }
    return msc_output_commit(&out, err);
}

/* --per-tech DIR, and --mail-techs: each technician gets their own
 * workbook at the address resources.csv gives; those without one are
 * listed, not mailed. A failed mail is exit 5 after the others were tried. */
static enum msc_status write_per_tech(const struct cli *c, const struct msc_run *run,
                                      struct msc_error *err)
{
    struct msc_xlsx_opts xo = xlsx_opts(run);
    char **paths = NULL;
    const struct msc_coach *co = &run->coach;
    enum msc_status st = msc_write_per_tech(c->per_tech, co, &xo, &paths, err);
    if (st != MSC_OK)
        return st;
    if (!c->quiet)
        fprintf(stderr, PROG ": wrote %zu technician workbook%s into %s\n", co->ntech,
                co->ntech == 1 ? "" : "s", c->per_tech);
    const struct msc_settings *s = &run->settings;
    const char *env = getenv("SENDMAIL");
    char label[24];
    msc_period_label(run->model.period_kind, run->model.last_period, label);
    size_t mailed = 0, failed = 0;
    /* A technician cannot weigh a data problem: broken inputs are the
     * owners' to see first (their mail says so), not each tech's. */
    int hold = c->mail_techs && run->report.gate.nproblems;
    if (hold)
        fprintf(stderr, PROG ": technicians not mailed: the inputs look broken (see the "
                        "Data Quality sheet)\n");
    for (size_t i = 0; c->mail_techs && !hold && i < co->ntech; i++) {
        const struct msc_coach_tech *t = &co->tech[i];
        const char *name = msc_names_display(&run->model.people, t->person);
        const char *addr = run->model.person[t->person].email;
        if (!addr || !*addr) {
            fprintf(stderr, PROG ": not mailed: %s has no email in resources.csv\n", name);
            continue;
        }
        char subject[512], *body = NULL;
        snprintf(subject, sizeof subject, "%s%sYour scorecard %s", s->mail_subject_prefix,
                 s->mail_subject_prefix[0] ? " " : "", label);
        if ((st = msc_coach_mail_body(co, t, &body, err)) != MSC_OK) {
            msc_books_free(paths, co->ntech);
            return st;
        }
        struct msc_mail mail = {.to = &addr, .nto = 1, .from = s->mail_from,
                                .subject = subject, .body = body, .attachment_path = paths[i],
                                .sendmail = env && *env ? env : s->sendmail,
                                .date = (int64_t)time(NULL)};
        struct msc_error one = {0};
        if (msc_mail_send(&mail, &one) == MSC_OK) {
            mailed++;
        } else {
            fprintf(stderr, PROG ": %s: %s\n", name, one.msg);
            failed++;
        }
        free(body);
    }
    msc_books_free(paths, co->ntech);
    if (c->mail_techs && !hold && !c->quiet)
        fprintf(stderr, PROG ": mailed %zu technician%s their own workbook\n", mailed,
                mailed == 1 ? "" : "s");
    if (failed)
        return msc_error_set(err, MSC_ERR_MAIL, "%zu technician mail%s failed", failed,
                             failed == 1 ? "" : "s");
    return MSC_OK;
}

/* --rejects FILE: every rejected and warned row, through the same
 * temporary file and rename as the report. */
static enum msc_status write_rejects(const char *path, const struct msc_model *m,
                                     struct msc_error *err)
{
    struct msc_output out;
    enum msc_status st = msc_output_begin(&out, path, err);
    if (st != MSC_OK)
        return st;
    if (msc_write_rejects(out.fp, m) < 0) {
        st = msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", path, strerror(errno));
        msc_output_abort(&out);
        return st;
    }
    return msc_output_commit(&out, err);
}

/* --client NAME ... or --per-client DIR: every name is checked before any
 * file is written, so a typo costs nothing. */
static enum msc_status write_reviews(const struct cli *c, const struct msc_run *run,
                                     struct msc_error *err)
{
    const struct msc_model *m = &run->model;
    unsigned char *active = calloc(msc_names_count(&m->clients) + 1, 1);
    if (!active)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->nreview; i++) {
        int closest = -1, id = msc_report_find_client(&run->report, c->review[i], &closest);
        if (id < 0) {
            free(active);
            return closest >= 0 ? msc_error_set(err, MSC_ERR_USAGE,
                                                "--client '%s': no such client; the closest is '%s'",
                                                c->review[i], msc_names_display(&m->clients, closest))
                                : msc_error_set(err, MSC_ERR_USAGE, "--client '%s': no client is known",
                                                c->review[i]);
        }
        active[id] = 1;
    }
    if (c->per_client)
        msc_report_review_clients(&run->report, active);
    struct msc_xlsx_opts xo = xlsx_opts(run);
    char **paths = NULL;
    size_t n = 0;
    enum msc_status st = msc_write_reviews(c->per_client, c->per_client ? NULL : c->output,
                                           &run->report, active, &xo, &paths, &n, err);
    for (size_t i = 0; !c->quiet && i < n; i++)
        fprintf(stderr, PROG ": wrote %s\n", strcmp(paths[i], "-") ? paths[i] : "stdout");
    msc_books_free(paths, n);
    free(active);
    return st;
}

/* Recipients (--mail-to, else the mail_to setting), sender, sendmail
 * command ($SENDMAIL, else the setting) and subject prefix, checked before
 * the run so that a bad address is a usage error (2), not a failed mail (5). */
static enum msc_status mail_setup(const struct cli *c, const struct msc_settings *s,
                                  struct msc_mail_list *to, struct msc_mail *mail,
                                  struct msc_error *err)
{
    const char *list = c->mail_to ? c->mail_to : s->mail_to;
    const char *env = getenv("SENDMAIL");
    enum msc_status st;
    if (!*list)
        return MSC_OK;
    if (c->output && strcmp(c->output, "-") == 0)
        return msc_error_set(err, MSC_ERR_USAGE, "--mail-to: the report must go to a file, not to -");
    if ((st = msc_mail_list_add(to, list, err)) != MSC_OK)
        return st;
    mail->to = to->addr;
    mail->nto = to->count;
    mail->from = s->mail_from;
    mail->sendmail = env && *env ? env : s->sendmail;
    mail->subject = s->mail_subject_prefix;
    /* The attachment is named after the report, whose name the data
     * decides only in its date: any date shows what the name holds. */
    char trial[4096];
    struct msc_model m0 = {.period_kind = c->run.period,
                           .last_period = msc_period_for_month(c->run.period, 2026 * 12)};
    mail->attachment_path = output_path(c, &m0, trial, sizeof trial) == 0 ? trial : NULL;
    st = msc_mail_validate(mail, err);
    mail->attachment_path = NULL;
    return st;
}

/* After the report is written: any failure is exit 5, the report stays. */
static enum msc_status mail_report(const struct cli *c, const struct msc_run *run,
                                   struct msc_mail *mail, const char *path, struct msc_error *err)
{
    char *subject = NULL, *body = NULL;
    enum msc_status st =
        msc_report_mail_subject(&run->report, run->settings.mail_subject_prefix, &subject, err);
    if (st == MSC_OK)
        st = msc_report_summary(&run->report, &body, err);
    if (st == MSC_OK) {
        mail->subject = subject;
        mail->body = body;
        mail->attachment_path = path;
        mail->date = (int64_t)time(NULL);
        st = msc_mail_send(mail, err);
    }
    if (st == MSC_OK && !c->quiet)
        fprintf(stderr, PROG ": mailed %s to %zu recipient%s\n", path, mail->nto,
                mail->nto == 1 ? "" : "s");
    free(subject);
    free(body);
    if (st != MSC_OK)
        err->status = st = MSC_ERR_MAIL;
    return st;
}

int main(int argc, char **argv)
{
    struct cli c;
    struct msc_error err = {0};
    struct msc_run run;
    guard_std_fds();
#ifdef M_MMAP_THRESHOLD
    /* Blocks of 4 MiB and up (the tickets, the report's rows, the KPI
     * cells) get mappings of their own: they grow by mremap without a
     * copy and go back to the system when freed. glibc raises that
     * threshold (up to 32 MiB) each time such a block is freed, and
     * blocks under it then grow and are freed inside the heap, which
     * keeps their pages: 28 MiB more at the L benchmark's peak. */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
    if (parse_args(argc, argv, &c) != 0)
        return MSC_ERR_USAGE;

    msc_run_init(&run);
    enum msc_status st = MSC_OK;
    if (c.config)
        st = msc_settings_load(&run.settings, c.config, &err);
    if (c.date_order >= 0) /* the command line wins over the settings */
        run.settings.date_order = (enum msc_date_order)c.date_order;
    if (st == MSC_OK)
        st = load_plugins(&c, &run, &err);
    /* The library reads times in the process's zone and never sets it. */
    if (st == MSC_OK && run.settings.timezone[0]) {
        setenv("TZ", run.settings.timezone, 1);
        tzset();
    }
    if (st == MSC_OK && c.list_kpis) {
        st = list_kpis(&run, &err);
        if (st != MSC_OK)
            fprintf(stderr, PROG ": %s\n", err.msg);
        msc_run_release(&run);
        return fclose(stdout) == 0 ? (int)st : MSC_ERR_OUTPUT;
    }
    struct msc_mail_list to;
    struct msc_mail mail = {0};
    msc_mail_list_init(&to);
    if (st == MSC_OK)
        st = mail_setup(&c, &run.settings, &to, &mail, &err);
    struct msc_profile *map = NULL;
    if (st == MSC_OK && c.map && (st = msc_profile_load_map(c.map, &map, &err)) == MSC_OK)
        c.run.profile = map;
    if (!c.quiet && isatty(STDERR_FILENO))
        c.run.progress = show_progress;
    if (st == MSC_OK)
        st = msc_run_execute(&run, &c.run, &err);
    if (c.run.progress)
        fputs("\r\033[K", stderr);
    char path[4096];
    if (st == MSC_OK) {
        print_file_notes(&run.report, c.verbose, c.quiet);
        print_dq(&run.model, c.verbose, c.quiet);
        print_caveats(&c, &run.report);
        if (output_path(&c, &run.model, path, sizeof path) < 0)
            st = msc_error_set(&err, MSC_ERR_USAGE, "-o: the output name is too long");
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int review = c.nreview || c.per_client;
    if (st == MSC_OK)
        st = review ? write_reviews(&c, &run, &err) : write_report(&c, &run, path, &err);
    if (st == MSC_OK && c.rejects)
        st = write_rejects(c.rejects, &run.model, &err);
    if (st == MSC_OK && c.per_tech)
        st = write_per_tech(&c, &run, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (st == MSC_OK && c.verbose)
        fprintf(stderr, PROG ": seconds: read %.3f, compute %.3f, write %.3f\n", run.read_seconds,
                run.compute_seconds, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    if (st == MSC_OK && !c.quiet && !review)
        print_summary(&c, &run, path);
    if (st == MSC_OK && to.count && !review)
        st = mail_report(&c, &run, &mail, path, &err);
    if (st == MSC_OK && run.report.gate.nproblems)
        st = MSC_ERR_STRICT; /* written, but the inputs look broken */
    if (st == MSC_OK && c.strict) {
        for (int f = 0; f < MSC_FILE_COUNT; f++)
            if (run.model.file[f].rows_rejected)
                st = MSC_ERR_STRICT;
    }
    if (st != MSC_OK && st != MSC_ERR_STRICT)
        fprintf(stderr, PROG ": %s\n", err.msg);
    msc_run_release(&run);
    msc_profile_free(map);
    msc_mail_list_release(&to);
    if (stdout_status() != 0 && st == MSC_OK)
        st = MSC_ERR_OUTPUT;
    return (int)st;
}

/*
 * msp-gen: a deterministic generator of a fictional MSP's PSA exports.
 *
 *   msp-gen [--seed N] [--techs N] [--clients N] [--months N] [--end YYYY-MM]
 *           [--tickets-per-month N] [--entries-per-ticket X] [--clean] OUTDIR
 *
 * Writes OUTDIR/tickets.csv, time_entries.csv, surveys.csv, clients.csv and
 * resources.csv in the canonical ("generic") layout of msp-scorecard.
 *
 * Plain C11 + libc/libm. Same arguments give byte-identical output: the only
 * randomness is an embedded xoshiro256** seeded by splitmix64, and the few
 * transcendental functions used are computed here from exact IEEE operations
 * (so no platform libm differences leak in). Rows are streamed: a ticket and
 * its time entries and survey are written as soon as they are generated;
 * memory stays small whatever the size.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ------------------------------------------------------------------ */
/* Random numbers                                                      */
/* ------------------------------------------------------------------ */

static uint64_t rs[4];

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void rng_seed(uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        rs[i] = splitmix64(&x);
}

static inline uint64_t rotl64(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_next(void)
{
    const uint64_t result = rotl64(rs[1] * 5, 7) * 9;
    const uint64_t t = rs[1] << 17;
    rs[2] ^= rs[0];
    rs[3] ^= rs[1];
    rs[1] ^= rs[2];
    rs[0] ^= rs[3];
    rs[2] ^= t;
    rs[3] = rotl64(rs[3], 45);
    return result;
}

/* uniform [0,1) */
static inline double ru(void) { return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0); }
/* uniform integer 0..n-1 */
static inline int ri(int n) { return n <= 1 ? 0 : (int)(ru() * n); }
/* uniform integer lo..hi inclusive */
static inline int rr(int lo, int hi) { return lo + ri(hi - lo + 1); }
static inline double ruf(double lo, double hi) { return lo + (hi - lo) * ru(); }

#define LN2 0.69314718056994530942

/* natural log from exact operations only (frexp is exact) */
static double dlog(double x)
{
    int e;
    double m = frexp(x, &e);
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e--;
    }
    double s = (m - 1.0) / (m + 1.0), s2 = s * s, t = s, sum = 0.0;
    for (int k = 1; k <= 21; k += 2) {
        sum += t / k;
        t *= s2;
    }
    return 2.0 * sum + e * LN2;
}

static double dexp(double x)
{
    double k = floor(x / LN2 + 0.5);
    double r = x - k * LN2, term = 1.0, sum = 1.0;
    for (int n = 1; n < 20; n++) {
        term *= r / n;
        sum += term;
    }
    return ldexp(sum, (int)k);
}

/* exponential with the given mean */
static double rexp(double mean) { return -mean * dlog(1.0 - ru()); }

/* standard normal (polar method; sqrt is exact in IEEE) */
static double rnorm(void)
{
    double u, v, s;
    do {
        u = 2.0 * ru() - 1.0;
        v = 2.0 * ru() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return u * sqrt(-2.0 * dlog(s) / s);
}

/* log-normal multiplier with mean 1 */
static double rlognorm1(double sigma) { return dexp(sigma * rnorm() - sigma * sigma / 2.0); }

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

#define DAY ((int64_t)86400)
#define HOUR ((int64_t)3600)
#define MINUTE ((int64_t)60)
#define BH_OPEN (8 * HOUR)
#define BH_CLOSE (17 * HOUR)

static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = mm;
    *d = dd;
}

/* Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday) */
static int weekday_of(int64_t day) { return (int)((((day % 7) + 7) % 7 + 3) % 7); }

static int64_t hol[128];
static int nhol;

static void add_holiday(int64_t day)
{
    int w = weekday_of(day);
    if (w == 5)
        day -= 1; /* Saturday: observed Friday */
    else if (w == 6)
        day += 1; /* Sunday: observed Monday */
    if (nhol < (int)(sizeof hol / sizeof hol[0]))
        hol[nhol++] = day;
}

/* nth weekday (0=Mon) of a month; n = -1 for the last */
static int64_t nth_weekday(int y, int m, int wd, int n)
{
    if (n > 0) {
        int64_t d = days_from_civil(y, m, 1);
        while (weekday_of(d) != wd)
            d++;
        return d + 7 * (n - 1);
    }
    int64_t d = days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
    while (weekday_of(d) != wd)
        d--;
    return d;
}

static void make_holidays(int y0, int y1)
{
    for (int y = y0; y <= y1; y++) {
        add_holiday(days_from_civil(y, 1, 1));   /* New Year's Day */
        add_holiday(nth_weekday(y, 5, 0, -1));   /* Memorial Day */
        add_holiday(days_from_civil(y, 7, 4));   /* Independence Day */
        add_holiday(nth_weekday(y, 9, 0, 1));    /* Labor Day */
        add_holiday(nth_weekday(y, 11, 3, 4));   /* Thanksgiving */
        add_holiday(days_from_civil(y, 12, 25)); /* Christmas Day */
    }
}

static int is_holiday_scan(int64_t day)
{
    for (int i = 0; i < nhol; i++)
        if (hol[i] == day)
            return 1;
    return 0;
}

/* day table over [g_day0, g_day0 + g_nt) */
static int64_t g_day0;
static int g_nt;
static unsigned char *g_dflag; /* bit0 weekday (Mon-Fri), bit1 holiday */
static signed char *g_dmon;    /* month index, -1 outside the data range */

static inline int is_workday(int64_t day)
{
    int64_t i = day - g_day0;
    if (i >= 0 && i < g_nt)
        return g_dflag[i] == 1;
    return weekday_of(day) < 5 && !is_holiday_scan(day);
}

static inline int is_holiday(int64_t day)
{
    int64_t i = day - g_day0;
    if (i >= 0 && i < g_nt)
        return (g_dflag[i] & 2) != 0;
    return is_holiday_scan(day);
}

static inline int64_t day_of(int64_t t) { return t / DAY; }

/* next moment inside business hours (company calendar) */
static int64_t bh_open(int64_t t)
{
    int64_t d = t / DAY, s = t - d * DAY;
    if (is_workday(d)) {
        if (s < BH_OPEN)
            return d * DAY + BH_OPEN;
        if (s < BH_CLOSE)
            return t;
    }
    do
        d++;
    while (!is_workday(d));
    return d * DAY + BH_OPEN;
}

/* t plus secs of business time (clock starts at the next opening) */
static int64_t bh_add(int64_t t, int64_t secs)
{
    t = bh_open(t);
    for (;;) {
        int64_t d = t / DAY;
        int64_t left = d * DAY + BH_CLOSE - t;
        if (secs < left)
            return t + secs;
        secs -= left;
        t = bh_open(d * DAY + BH_CLOSE);
    }
}

static inline int64_t ceil_to(int64_t t, int64_t q) { return (t + q - 1) / q * q; }

/* ------------------------------------------------------------------ */
/* Buffered output with CSV helpers                                    */
/* ------------------------------------------------------------------ */

#define OUTCAP (1u << 20)

typedef struct {
    FILE *f;
    char *buf;
    size_t len;
    char path[4096];
} out_t;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "msp-gen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void out_flush(out_t *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
        die("write failed", o->path);
    o->len = 0;
}

/* make room for a whole row so that a row never straddles a flush */
static inline void out_row(out_t *o)
{
    if (o->len + 8192 > OUTCAP)
        out_flush(o);
}

static inline void put_c(out_t *o, char c) { o->buf[o->len++] = c; }

static inline void put_raw(out_t *o, const char *s, size_t n)
{
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static inline void put_s(out_t *o, const char *s) { put_raw(o, s, strlen(s)); }

/* RFC 4180: quote when the field holds a comma, quote, CR or LF */
static void put_f(out_t *o, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        put_s(o, s);
        return;
    }
    put_c(o, '"');
    for (; *s; s++) {
        if (*s == '"')
            put_c(o, '"');
        put_c(o, *s);
    }
    put_c(o, '"');
}

static void put_i(out_t *o, int64_t v)
{
    char tmp[24];
    int n = 0;
    uint64_t u;
    if (v < 0) {
        put_c(o, '-');
        u = (uint64_t)(-(v + 1)) + 1;
    } else
        u = (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n)
        put_c(o, tmp[--n]);
}

/* hours held as quarter hours: 6 -> "1.5" */
static void put_q(out_t *o, int q)
{
    static const char *frac[4] = {"", ".25", ".5", ".75"};
    if (q < 0) {
        put_c(o, '-');
        q = -q;
    }
    put_i(o, q / 4);
    put_s(o, frac[q % 4]);
}

static inline void put2(out_t *o, int v)
{
    put_c(o, (char)('0' + v / 10));
    put_c(o, (char)('0' + v % 10));
}

static void put_date(out_t *o, int64_t day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    put2(o, y / 100);
    put2(o, y % 100);
    put_c(o, '-');
    put2(o, m);
    put_c(o, '-');
    put2(o, d);
}

/* "YYYY-MM-DD HH:MM:SS"; a negative time writes an empty cell */
static void put_dt(out_t *o, int64_t t)
{
    if (t < 0)
        return;
    int64_t d = t / DAY;
    int s = (int)(t - d * DAY);
    put_date(o, d);
    put_c(o, ' ');
    put2(o, s / 3600);
    put_c(o, ':');
    put2(o, s / 60 % 60);
    put_c(o, ':');
    put2(o, s % 60);
}

static void out_open(out_t *o, const char *dir, const char *name, const char *header)
{
    snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
    o->f = fopen(o->path, "wb");
    if (!o->f)
        die(strerror(errno), o->path);
    o->buf = malloc(OUTCAP);
    if (!o->buf)
        die("out of memory", NULL);
    o->len = 0;
    put_s(o, header);
    put_c(o, '\n');
}

static void out_close(out_t *o)
{
    out_flush(o);
    if (fclose(o->f) != 0)
        die("close failed", o->path);
    free(o->buf);
}

/* ------------------------------------------------------------------ */
/* The fictional MSP                                                   */
/* ------------------------------------------------------------------ */

enum { T_HD, T_FIELD, T_NOC, T_PROJ, NTEAM };
static const char *team_name[NTEAM] = {"Help Desk", "Field", "NOC", "Projects"};

enum { TY_INC, TY_SR, TY_ALERT, TY_PROB, TY_CHG, TY_PROJ, NTYPE };
static const char *type_name[NTYPE] = {"Incident", "Service Request", "Alert",
                                       "Problem", "Change Request", "Project"};

enum { P_CRIT, P_HIGH, P_MED, P_LOW, NPRIO };
static const char *prio_name[NPRIO] = {"Critical", "High", "Medium", "Low"};
/* SLA offsets (seconds): first response, resolution plan, resolved.
 * Critical tickets and high-priority alerts run 24x7 on the wall clock; all
 * others on business hours (Mon-Fri 08:00-17:00 less holidays), where the
 * resolve targets of 24h and 72h are read as 2 and 3 business days. */
static const int64_t sla_fr[NPRIO] = {15 * MINUTE, 1 * HOUR, 2 * HOUR, 4 * HOUR};
static const int64_t sla_plan[NPRIO] = {1 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR};
static const int64_t sla_res[NPRIO] = {4 * HOUR, 8 * HOUR, 18 * HOUR, 27 * HOUR};

enum { WT_REGULAR, WT_REMOTE, WT_TRAVEL, WT_INTERNAL, WT_MEETING, WT_TRAINING, WT_PTO, WT_HOLIDAY };
static const char *wt_name[] = {"Regular", "Remote", "Travel", "Internal",
                                "Meeting", "Training", "PTO", "Holiday"};

enum { AG_FIXED, AG_TM, AG_BLOCK };
static const char *ag_name[] = {"fixed-fee", "T&M", "block hours"};

static const char *titles_inc[] = {
    "Outlook not syncing", "Cannot print to front desk printer",
    "VPN disconnects every few minutes", "Laptop very slow after update",
    "Shared drive not mapping", "Error \"Access denied\" on S: drive",
    "Teams audio cutting out, video freezes", "Wi-Fi drops in conference room",
    "User locked out of account", "Scanner not sending to email",
    "QuickBooks will not open company file", "Blue screen on reception PC",
    "Email bouncing to external domain", "Voicemail to email not working",
    "Password reset, MFA prompt loop", "Second monitor not detected"};
static const char *titles_sr[] = {
    "New user setup", "Offboard departing employee", "Install Adobe Acrobat Pro",
    "Add user to distribution list", "Set up new laptop",
    "Grant access to accounting folder", "Order replacement monitor",
    "Mailbox permission change", "Move desk phone, update extension",
    "Create shared mailbox", "Request software license", "Set up MFA on new phone"};
static const char *titles_alert[] = {
    "Backup job failed", "Disk space low on C:", "Server offline - no heartbeat",
    "High CPU on SQL server", "Antivirus threat detected", "UPS on battery",
    "Firewall WAN link down", "Certificate expiring in 14 days",
    "Failed logon attempts exceeded", "Windows updates failed, reboot pending"};
static const char *titles_prob[] = {
    "Recurring print spooler crashes", "Intermittent network outages, root cause",
    "Repeated backup failures on NAS", "Slow file server access for all users",
    "Recurring Outlook profile corruption"};
static const char *titles_chg[] = {
    "Firewall rule change", "Update DNS records for website move",
    "Migrate file share to SharePoint", "Change server patch window",
    "Add VLAN for guest Wi-Fi", "Replace core switch"};
static const char *titles_proj[] = {
    "Microsoft 365 migration", "Server replacement project",
    "Office move: network and phones", "Workstation refresh, 12 PCs",
    "Backup system upgrade", "Wi-Fi upgrade, all floors",
    "Security assessment and remediation"};
#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *client_names[] = {
    "Acme Dental Group", "Brightwater Logistics", "Cedar Ridge Veterinary",
    "Smith, Jones & Partners LLP", "Northwind Traders", "Harbor Point Marina",
    "Summit Physical Therapy", "Bluebird Accounting", "Oakline Construction",
    "Riverbend Credit Union", "Pinecrest Academy", "Lumen Architecture",
    "Granite State Insurance", "Meadowbrook Senior Living", "Redwood Legal Services",
    "Keystone Manufacturing", "Silverline Realty", "Evergreen Family Medicine",
    "Copperfield Engineering", "Lakeside Auto Group", "Horizon Nonprofit Alliance",
    "Ironwood Capital", "Maple Street Bakery", "Tidewater Shipping",
    "Crescent Hospitality", "Apex Orthodontics", "Willow Creek Church",
    "Falcon Freight", "Stonegate Property Management", "Beacon Hill Pediatrics"};

/* Technician definitions. Trait pairs are (value at the start, value at the
 * end) of the tech's time in the data; a pair with equal ends is steady. */
typedef struct {
    const char *name;
    int team, weekly, cost, mid_start;
    double load;                /* share of tickets relative to peers */
    double util0, util1;        /* target utilization */
    double speed0, speed1;      /* actual hours / estimate */
    double tri0, tri1;          /* P(first response late) */
    double plan0, plan1;        /* P(resolution plan late or never set) */
    double res0, res1;          /* P(resolution aimed past the due time) */
    double rt0, rt1;            /* P(time entry entered within 30 min) */
    double esc0, esc1;          /* P(escalate) */
    double reo0, reo1;          /* P(reopen) */
    double det0, det1;          /* P(survey detractor, 0..6) */
    double pas0, pas1;          /* P(survey passive, 7..8) */
    double fcr;                 /* multiplier on P(single-entry fix) */
    int late;                   /* 0: late entries within hours, 1: end-of-day batch */
} tdef_t;

static const tdef_t tdefs[] = {
    /* name            team     wk cost mid load  util       speed       triage      plan        resolved    realtime    escal.      reopen      detract     passive    fcr  late */
    {"Maya Patel",     T_HD,    40, 48, 0, 1.00, .82, .83,  .85, .85,  .01, .01,  .02, .02,  .03, .03,  .95, .95,  .03, .03,  .01, .01,  .01, .01,  .08, .08, 1.45, 0},
    {"Jordan Brooks",  T_HD,    40, 42, 0, 1.00, .74, .74, 1.00, 1.00, .03, .03,  .05, .05,  .07, .07,  .18, .18,  .07, .07,  .03, .03,  .03, .03,  .18, .18, 1.00, 1},
    {"Luis Ortega",    T_FIELD, 40, 52, 0, 1.00, .79, .79, 1.35, 1.35, .04, .04,  .05, .05,  .14, .14,  .80, .80,  .05, .05,  .03, .03,  .02, .02,  .12, .12, 0.85, 0},
    {"Priya Raman",    T_NOC,   40, 55, 0, 1.00, .62, .62,  .90, .90,  .005, .005, .02, .02, .05, .05,  .92, .92,  .12, .12,  .02, .02,  .03, .03,  .15, .15, 1.10, 0},
    {"Ethan Cole",     T_HD,    40, 38, 0, 1.00, .58, .80, 1.30, 1.00, .12, .02,  .16, .03,  .20, .06,  .50, .93,  .16, .05,  .08, .02,  .09, .02,  .26, .12, 1.00, 0},
    {"Sarah Kim",      T_PROJ,  40, 62, 0, 1.00, .85, .85, 1.02, 1.02, .02, .02,  .03, .03,  .06, .06,  .88, .88,  .02, .02,  .02, .02,  .01, .01,  .10, .10, 0.90, 0},
    {"Tom Becker",     T_HD,    40, 50, 0, 1.00, .80, .57,  .95, 1.30, .02, .13,  .03, .18,  .05, .20,  .90, .55,  .05, .16,  .02, .09,  .02, .11,  .10, .28, 1.00, 0},
    {"Grace Liu",      T_HD,    24, 36, 0, 0.60, .76, .76,  .95, .95,  .02, .02,  .03, .03,  .06, .06,  .90, .90,  .05, .05,  .02, .02,  .02, .02,  .10, .10, 1.10, 0},
    {"Marcus Hill",    T_FIELD, 40, 46, 0, 1.00, .70, .70, 1.10, 1.10, .05, .05,  .08, .08,  .12, .12,  .75, .75,  .21, .21,  .08, .08,  .05, .05,  .20, .20, 0.80, 0},
    {"Nina Alvarez",   T_NOC,   40, 40, 1, 1.00, .55, .78, 1.40, 1.05, .06, .02,  .08, .03,  .12, .05,  .85, .85,  .18, .07,  .05, .02,  .03, .03,  .15, .15, 0.90, 0},
};
#define NTDEF NELEM(tdefs)

static const char *extra_names[] = {
    "Owen Fischer", "Aisha Mensah", "Daniel Novak", "Chloe Martin", "Ravi Shah",
    "Hannah Weber", "Kevin O'Brien", "Sofia Rossi", "Ben Carter", "Leah Cohen",
    "Victor Dubois", "Emily Tran", "Samuel Osei", "Zoe Lambert"};
static const int extra_team_cycle[] = {T_HD, T_HD, T_FIELD, T_NOC, T_HD, T_PROJ, T_FIELD, T_HD};

typedef struct {
    char name[80];
    tdef_t d;
    int include;
    int64_t start_day; /* -1: employed throughout */
    double budget, used; /* this month's ticket-hour budget and hours so far */
} tech_t;

typedef struct {
    char name[96];
    int endpoints0, endpoints1; /* before and from the growth month */
    int revenue0, revenue1;
    int grow_month;             /* month index of growth, -1 none */
    int agreement;
    double noise;               /* tickets per endpoint multiplier */
} client_t;

/* ------------------------------------------------------------------ */
/* Global state                                                        */
/* ------------------------------------------------------------------ */

static int opt_techs = 10, opt_clients = 30, opt_months = 12, opt_clean = 0;
static int opt_end_y = 2026, opt_end_m = 10;
static double opt_tpm = -1, opt_ept = 2.0;
static uint64_t opt_seed = 42;

static tech_t *g_tech;
static int g_ntech;      /* including the dispatcher (last) */
static int g_dispatch;   /* index of the dispatcher */
static client_t *g_cli;
static int g_ncli;
static int g_months;
static int64_t *g_mday;  /* first day of month m, m = 0..months */
static int64_t g_start_t, g_end_t;
static unsigned char *g_pto;   /* ntech x g_nt */
static double *g_avail;        /* ntech x months: available hours */
static double *g_tally;        /* ntech x months: utilized hours logged */
static double g_hscale = 1.0;  /* shrinks ticket hours at very high ticket density */

static int *g_av[NTEAM], g_avn[NTEAM], *g_avall, g_avalln;
static double *g_ccum;         /* client cumulative weights, this month */

static out_t o_tk, o_te, o_sv;
static uint64_t g_entry_id = 100000, g_survey_id = 5000;

/* bad rows */
static char *g_dup_line;
static int g_dup_state;        /* 0 waiting, 1 saved (write soon), 2 done */
static int g_badcompl_state, g_badsurvey_state;

static inline int is_pto(int k, int64_t day)
{
    int64_t i = day - g_day0;
    return i >= 0 && i < g_nt && g_pto[(size_t)k * g_nt + i];
}

static inline int month_of_day(int64_t day)
{
    int64_t i = day - g_day0;
    return (i >= 0 && i < g_nt) ? g_dmon[i] : -1;
}

static inline int employed(const tech_t *tk, int64_t day) { return tk->start_day < 0 || day >= tk->start_day; }

/* progress 0..1 through the tech's time in the data */
static double prog(const tech_t *tk, int64_t t)
{
    int64_t s = tk->start_day >= 0 ? tk->start_day * DAY : g_start_t;
    if (s < g_start_t)
        s = g_start_t;
    if (g_end_t <= s)
        return 1.0;
    return clampd((double)(t - s) / (double)(g_end_t - s), 0.0, 1.0);
}

#define TR(tk, f, p) ((tk)->d.f##0 + ((tk)->d.f##1 - (tk)->d.f##0) * (p))

static int client_endpoints(const client_t *c, int m)
{
    return (c->grow_month >= 0 && m < c->grow_month) ? c->endpoints0 : c->endpoints1;
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */
/* ------------------------------------------------------------------ */

static void setup_calendar(void)
{
    int y = opt_end_y, m = opt_end_m;
    int64_t endday = days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
    int sy = y, sm = m - (opt_months - 1);
    while (sm < 1) {
        sm += 12;
        sy--;
    }
    g_months = opt_months;
    g_mday = malloc(sizeof(int64_t) * (size_t)(g_months + 1));
    for (int i = 0; i <= g_months; i++) {
        int yy = sy, mm = sm + i;
        while (mm > 12) {
            mm -= 12;
            yy++;
        }
        g_mday[i] = days_from_civil(yy, mm, 1);
    }
    g_day0 = g_mday[0];
    g_start_t = g_day0 * DAY;
    g_end_t = endday * DAY;
    g_nt = (int)(endday - g_day0) + 120;
    make_holidays(sy - 1, y + 2);
    g_dflag = calloc((size_t)g_nt, 1);
    g_dmon = malloc((size_t)g_nt);
    int mi = 0;
    for (int i = 0; i < g_nt; i++) {
        int64_t d = g_day0 + i;
        g_dflag[i] = (unsigned char)((weekday_of(d) < 5 ? 1 : 0) | (is_holiday_scan(d) ? 2 : 0));
        while (mi < g_months && d >= g_mday[mi + 1])
            mi++;
        g_dmon[i] = (signed char)(d < endday ? mi : -1);
    }
}

static void setup_techs(void)
{
    g_ntech = opt_techs + 1;
    g_dispatch = opt_techs;
    g_tech = calloc((size_t)g_ntech, sizeof(tech_t));
    int nbase = NTDEF + NELEM(extra_names);
    for (int i = 0; i < opt_techs; i++) {
        tech_t *tk = &g_tech[i];
        const char *base = i % nbase < NTDEF ? tdefs[i % nbase].name : extra_names[i % nbase - NTDEF];
        if (i < nbase)
            snprintf(tk->name, sizeof tk->name, "%s", base);
        else
            snprintf(tk->name, sizeof tk->name, "%s %d", base, i / nbase + 1);
        if (i < NTDEF) {
            tk->d = tdefs[i];
        } else {
            tdef_t *d = &tk->d;
            d->team = extra_team_cycle[(i - NTDEF) % NELEM(extra_team_cycle)];
            d->weekly = ru() < 0.06 ? 30 : 40;
            d->cost = rr(35, 65);
            d->load = d->weekly / 40.0;
            d->util0 = d->util1 = ruf(0.60, 0.84);
            d->speed0 = d->speed1 = ruf(0.85, 1.30);
            d->tri0 = d->tri1 = ruf(0.005, 0.08);
            d->plan0 = d->plan1 = ruf(0.01, 0.10);
            d->res0 = d->res1 = ruf(0.03, 0.15);
            d->late = ru() < 0.1;
            d->rt0 = d->rt1 = d->late ? ruf(0.10, 0.30) : ruf(0.55, 0.95);
            d->esc0 = d->esc1 = ruf(0.03, 0.15);
            d->reo0 = d->reo1 = ruf(0.01, 0.06);
            d->det0 = d->det1 = ruf(0.01, 0.07);
            d->pas0 = d->pas1 = ruf(0.08, 0.22);
            d->fcr = ruf(0.85, 1.25);
            /* every 25th extra tech improves, every 31st declines */
            if ((i - NTDEF) % 25 == 12) {
                d->util0 -= 0.15;
                d->tri0 += 0.08;
                d->rt0 = clampd(d->rt0 - 0.3, 0.1, 1);
            } else if ((i - NTDEF) % 31 == 20) {
                d->util1 -= 0.15;
                d->tri1 += 0.08;
                d->rt1 = clampd(d->rt1 - 0.3, 0.1, 1);
            }
        }
        tk->d.name = NULL;
        tk->include = 1;
        tk->start_day = -1;
        if (tk->d.mid_start) {
            /* the second Monday of the middle month */
            int64_t d0 = g_mday[g_months / 2];
            while (weekday_of(d0) != 0)
                d0++;
            tk->start_day = d0 + 7;
            if (tk->start_day >= g_mday[g_months])
                tk->start_day = g_mday[g_months] - 14;
        }
    }
    /* the dispatcher: on the books, kept off the scorecard */
    tech_t *dp = &g_tech[g_dispatch];
    snprintf(dp->name, sizeof dp->name, "Dispatch Desk");
    dp->d.team = T_HD;
    dp->d.weekly = 40;
    dp->d.cost = 30;
    dp->d.load = 0;
    dp->d.rt0 = dp->d.rt1 = 0.92;
    dp->include = 0;
    dp->start_day = -1;
}

static void setup_clients(void)
{
    g_ncli = opt_clients;
    g_cli = calloc((size_t)g_ncli, sizeof(client_t));
    int nb = NELEM(client_names);
    for (int i = 0; i < g_ncli; i++) {
        client_t *c = &g_cli[i];
        if (i < nb)
            snprintf(c->name, sizeof c->name, "%s", client_names[i]);
        else
            snprintf(c->name, sizeof c->name, "%s %d", client_names[i % nb], i / nb + 1);
        /* endpoints 10..250, skewed towards small offices */
        /* (one random draw per statement: C leaves the order of calls
         * within an expression unspecified, and output must not depend on
         * the compiler) */
        double e1 = ru();
        double e2 = ru();
        double e = 10.0 + 240.0 * e1 * e2 * (0.6 + 0.4 * ru());
        if (ru() < 0.12)
            e = ruf(150, 250);
        c->endpoints1 = (int)e;
        double u = ru();
        c->agreement = u < 0.65 ? AG_FIXED : u < 0.85 ? AG_TM : AG_BLOCK;
        double rate = c->agreement == AG_FIXED ? ruf(45, 130) : c->agreement == AG_TM ? ruf(40, 60) : ruf(45, 90);
        c->noise = clampd(dexp(0.45 * rnorm()), 0.5, 1.8);
        c->grow_month = -1;
        c->endpoints0 = c->endpoints1;
        /* a noisy, underpriced client (effort-to-revenue tier D) */
        if (i == 19 % g_ncli) {
            c->endpoints1 = 110;
            c->noise = 1.9;
            rate = 42;
            c->agreement = AG_FIXED;
        }
        c->revenue1 = (int)((c->endpoints1 * rate + ruf(0, 1500)) / 50.0 + 0.5) * 50;
        c->revenue0 = c->revenue1;
    }
    /* two clients grow part way through the data */
    if (g_months >= 2) {
        int gi[2] = {1, 7};
        int gm[2] = {g_months / 2, (3 * g_months) / 4};
        for (int j = 0; j < 2; j++) {
            if (gi[j] >= g_ncli || gm[j] <= 0)
                continue;
            client_t *c = &g_cli[gi[j]];
            c->grow_month = gm[j];
            c->endpoints0 = c->endpoints1;
            c->revenue0 = c->revenue1;
            double f = ruf(1.3, 1.6);
            c->endpoints1 = (int)(c->endpoints0 * f);
            c->revenue1 = (int)(c->revenue0 * f / 50.0 + 0.5) * 50;
        }
    }
    /* the newest client: signed, endpoints known, no tickets yet */
    if (g_ncli >= 2) {
        client_t *c = &g_cli[g_ncli - 1];
        c->noise = 0;
    }
}

static int pick_workday_in(int64_t d0, int64_t d1, const tech_t *tk, int k)
{
    /* a random workday in [d0, d1) inside the employment window, not PTO yet */
    for (int tries = 0; tries < 40; tries++) {
        int64_t d = d0 + ri((int)(d1 - d0));
        if (is_workday(d) && employed(tk, d) && !is_pto(k, d))
            return (int)(d - g_day0);
    }
    return -1;
}

static void setup_pto(void)
{
    g_pto = calloc((size_t)g_ntech * (size_t)g_nt, 1);
    g_avail = calloc((size_t)g_ntech * (size_t)g_months, sizeof(double));
    g_tally = calloc((size_t)g_ntech * (size_t)g_months, sizeof(double));
    for (int k = 0; k < g_ntech; k++) {
        tech_t *tk = &g_tech[k];
        unsigned char *p = g_pto + (size_t)k * g_nt;
        /* one vacation week a year, in a month after the first quarter */
        if (g_months >= 4 && ru() < 0.85) {
            int m = rr(g_months / 4, g_months - 1);
            int64_t d = g_mday[m] + ri((int)(g_mday[m + 1] - g_mday[m]));
            int got = 0;
            while (got < 5 && d < g_mday[g_months]) {
                if (is_workday(d) && employed(tk, d)) {
                    p[d - g_day0] = 1;
                    got++;
                }
                d++;
            }
        }
        for (int m = 0; m < g_months; m++) {
            double u = ru();
            int n = u < 0.25 ? 0 : u < 0.70 ? 1 : u < 0.93 ? 2 : 3;
            for (int j = 0; j < n; j++) {
                int i = pick_workday_in(g_mday[m], g_mday[m + 1], tk, k);
                if (i >= 0)
                    p[i] = 1;
            }
        }
        for (int m = 0; m < g_months; m++) {
            int days = 0;
            for (int64_t d = g_mday[m]; d < g_mday[m + 1]; d++)
                if (is_workday(d) && employed(tk, d) && !p[d - g_day0])
                    days++;
            g_avail[(size_t)k * g_months + m] = days * tk->d.weekly / 5.0;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Time entries                                                        */
/* ------------------------------------------------------------------ */

static int64_t entered_time(int k, int64_t end)
{
    tech_t *tk = &g_tech[k];
    if (ru() < 0.03)
        return -1;
    double prt = TR(tk, rt, prog(tk, end));
    if (ru() < prt)
        return end + rr(0, 29 * 60 + 50);
    if (tk->d.late == 1) {
        /* end-of-day batch: that evening, or the next working morning */
        int64_t d = end / DAY;
        int64_t eod = d * DAY + rr(17 * 3600 + 5 * 60, 18 * 3600 + 45 * 60);
        if (eod > end + 1800 && ru() < 0.7)
            return eod;
        int64_t nd = d + 1;
        while (!is_workday(nd))
            nd++;
        return nd * DAY + rr(7 * 3600 + 45 * 60, 9 * 3600 + 45 * 60);
    }
    return end + 31 * MINUTE + (int64_t)rexp(95.0 * 60.0);
}

static int is_utilized_wt(int wt) { return wt == WT_REGULAR || wt == WT_REMOTE || wt == WT_TRAVEL; }

/* start < 0: a date-only entry on `day`. Returns 1 when written. */
static int write_entry(const char *ticket_id, int k, int64_t start, int64_t day, int q,
                       int cli, int wt, int billable, int no_entered)
{
    int64_t t0 = start >= 0 ? start : day * DAY;
    if (t0 >= g_end_t)
        return 0;
    if (start >= 0)
        day = day_of(start);
    int64_t end = start >= 0 ? start + (int64_t)q * 900 : -1;
    int64_t ent = (no_entered || start < 0) ? -1 : entered_time(k, end);
    out_t *o = &o_te;
    out_row(o);
    put_i(o, (int64_t)++g_entry_id);
    put_c(o, ',');
    if (ticket_id)
        put_s(o, ticket_id);
    put_c(o, ',');
    put_f(o, g_tech[k].name);
    put_c(o, ',');
    put_dt(o, start);
    put_c(o, ',');
    put_dt(o, end);
    put_c(o, ',');
    put_date(o, day);
    put_c(o, ',');
    put_q(o, q);
    put_c(o, ',');
    put_q(o, billable ? q : 0);
    put_c(o, ',');
    put_s(o, billable ? "true" : "false");
    put_c(o, ',');
    put_s(o, wt_name[wt]);
    put_c(o, ',');
    if (cli >= 0)
        put_f(o, g_cli[cli].name);
    put_c(o, ',');
    put_dt(o, ent);
    put_c(o, '\n');
    if (is_utilized_wt(wt) && (ticket_id || cli >= 0)) {
        int m = month_of_day(day);
        if (m >= 0)
            g_tally[(size_t)k * g_months + m] += q / 4.0;
    }
    return 1;
}

/* next business moment for tech k that leaves room for q quarter hours */
static int64_t place_entry(int64_t t, int k, int q, int urgent)
{
    if (urgent)
        return ceil_to(t, MINUTE);
    for (;;) {
        int64_t s = bh_open(t);
        int64_t d = s / DAY;
        if (is_pto(k, d)) {
            t = (d + 1) * DAY;
            continue;
        }
        s = ceil_to(s, 5 * MINUTE);
        if (s - d * DAY + (int64_t)q * 900 <= 17 * HOUR + 30 * MINUTE || s - d * DAY <= BH_OPEN)
            return s;
        t = (d + 1) * DAY;
    }
}

/* ------------------------------------------------------------------ */
/* Tickets                                                             */
/* ------------------------------------------------------------------ */

static int pick_type(int after)
{
    double u = ru();
    if (after)
        return u < 0.50 ? TY_ALERT : u < 0.85 ? TY_INC : TY_SR;
    if ((u -= 0.475) < 0) return TY_INC;
    if ((u -= 0.310) < 0) return TY_SR;
    if ((u -= 0.050) < 0) return TY_ALERT;
    if ((u -= 0.035) < 0) return TY_PROB;
    if ((u -= 0.075) < 0) return TY_CHG;
    return TY_PROJ;
}

static int pick_prio(int type)
{
    static const double w[NTYPE][NPRIO] = {
        {.04, .20, .56, .20}, /* Incident */
        {.00, .05, .45, .50}, /* Service Request */
        {.15, .35, .40, .10}, /* Alert */
        {.00, .40, .60, .00}, /* Problem */
        {.00, .00, .50, .50}, /* Change */
        {.00, .00, .20, .80}, /* Project */
    };
    double u = ru();
    for (int p = 0; p < NPRIO - 1; p++) {
        if ((u -= w[type][p]) < 0)
            return p;
    }
    return P_LOW;
}

static int pick_team(int type, int after)
{
    double u = ru();
    switch (type) {
    case TY_INC: return u < .72 ? T_HD : u < .92 ? T_FIELD : u < .97 ? T_NOC : T_PROJ;
    case TY_SR: return u < .70 ? T_HD : u < .95 ? T_FIELD : T_PROJ;
    case TY_ALERT: return u < (after ? .90 : .80) ? T_NOC : T_HD;
    case TY_PROB: return u < .40 ? T_NOC : u < .70 ? T_HD : u < .90 ? T_FIELD : T_PROJ;
    case TY_CHG: return u < .45 ? T_PROJ : u < .80 ? T_NOC : T_FIELD;
    default: return u < .70 ? T_PROJ : T_FIELD;
    }
}

static void build_day_lists(int64_t day)
{
    for (int t = 0; t < NTEAM; t++)
        g_avn[t] = 0;
    g_avalln = 0;
    for (int k = 0; k < g_ntech; k++) {
        tech_t *tk = &g_tech[k];
        if (!tk->include || !employed(tk, day) || is_pto(k, day))
            continue;
        g_av[tk->d.team][g_avn[tk->d.team]++] = k;
        g_avall[g_avalln++] = k;
    }
}

/* a dispatcher's pick: team first, then the less loaded, by rejection */
static int pick_tech(int team, int exclude)
{
    int *lst = g_av[team], n = g_avn[team], cand = -1;
    for (int tries = 0; tries < 48; tries++) {
        if (tries == 10 || n == 0) {
            lst = g_avall;
            n = g_avalln;
        }
        if (n == 0)
            break;
        int c = lst[ri(n)];
        if (c == exclude)
            continue;
        tech_t *tk = &g_tech[c];
        double rem = tk->budget > 0 ? 1.0 - tk->used / tk->budget : 0.0;
        double w = tk->d.load * clampd(rem, 0.01, 1.0);
        cand = c;
        if (ru() < w)
            return c;
    }
    if (cand >= 0)
        return cand;
    for (int k = 0; k < g_dispatch; k++)
        if (k != exclude)
            return k;
    return 0;
}

static int pick_client(void)
{
    double u = ru() * g_ccum[g_ncli - 1];
    int lo = 0, hi = g_ncli - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (g_ccum[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static const char *pick_title(int type)
{
    switch (type) {
    case TY_INC: return titles_inc[ri(NELEM(titles_inc))];
    case TY_SR: return titles_sr[ri(NELEM(titles_sr))];
    case TY_ALERT: return titles_alert[ri(NELEM(titles_alert))];
    case TY_PROB: return titles_prob[ri(NELEM(titles_prob))];
    case TY_CHG: return titles_chg[ri(NELEM(titles_chg))];
    default: return titles_proj[ri(NELEM(titles_proj))];
    }
}

typedef struct {
    int k, q, wt;
    int64_t start;
} ent_t;

#define MAXENT 24

static void write_survey(const char *tid, int k, int cli, int64_t completed)
{
    int64_t rec = completed + HOUR + (int64_t)rexp(14.0 * 3600.0);
    if (rec - day_of(rec) * DAY < 7 * HOUR)
        rec += 7 * HOUR + rr(0, 5 * 3600);
    if (rec >= g_end_t)
        return;
    tech_t *tk = &g_tech[k];
    double p = prog(tk, completed);
    double det = TR(tk, det, p), pas = TR(tk, pas, p);
    double u = ru();
    int bucket = u < det ? 0 : u < det + pas ? 1 : 2;
    int score = bucket == 0 ? (ru() < 0.7 ? rr(3, 6) : rr(0, 2)) : bucket == 1 ? rr(7, 8) : (ru() < 0.72 ? 10 : 9);
    int word = ru() < 0.04;
    if (!opt_clean && g_badsurvey_state == 0 && day_of(rec) >= g_mday[g_months / 2]) {
        g_badsurvey_state = 1;
        score = 11;
        word = 0;
    }
    out_t *o = &o_sv;
    out_row(o);
    put_i(o, (int64_t)++g_survey_id);
    put_c(o, ',');
    put_s(o, tid);
    put_c(o, ',');
    if (ru() < 0.12)
        put_f(o, tk->name);
    put_c(o, ',');
    if (ru() < 0.5)
        put_f(o, g_cli[cli].name);
    put_c(o, ',');
    put_dt(o, rec);
    put_c(o, ',');
    if (word) {
        put_s(o, bucket == 0 ? "negative" : bucket == 1 ? "neutral" : "positive");
        put_s(o, ",\n");
    } else {
        put_i(o, score);
        put_s(o, ",10\n");
    }
}

/* Generate one ticket with its time entries and survey, and write them. */
static void gen_ticket(int64_t created, int counter)
{
    int64_t cday = day_of(created);
    int sod = (int)(created - cday * DAY);
    int work = is_workday(cday);
    int after = !(work && sod >= 7 * 3600 && sod < 17 * 3600 + 1800);
    int type = pick_type(after);
    int prio = pick_prio(type);
    int urgent = prio == P_CRIT || (type == TY_ALERT && prio == P_HIGH);
    int cli = pick_client();
    const client_t *cl = &g_cli[cli];
    const char *title = pick_title(type);
    int has_sla = type != TY_CHG && type != TY_PROJ;

    char tid[32];
    {
        int y, m, d;
        civil_from_days(cday, &y, &m, &d);
        snprintf(tid, sizeof tid, "T%04d%02d%02d.%04d", y, m, d, counter);
    }

    /* 0 normal, 1 alert auto-resolved by the RMM (no resource, no time),
     * 2 worked but the primary resource was never set */
    int mode = 0;
    if (type == TY_ALERT && ru() < 0.25)
        mode = 1;
    else if (ru() < 0.028)
        mode = 2;

    int team = pick_team(type, after);
    int k = mode == 1 ? -1 : pick_tech(team, -1);
    tech_t *tk = k >= 0 ? &g_tech[k] : NULL;
    double p = tk ? prog(tk, created) : 0.0;

    int64_t due1 = -1, due2 = -1, due3 = -1, fr = -1, plan = -1, resolved = -1, completed = -1;
    int esc = 0, reo = 0;
    int est_q2 = -1; /* estimate in half hours */
    ent_t ents[MAXENT];
    int ne = 0;

#define ADDT(t, s) (urgent ? (t) + (s) : bh_add((t), (s)))
    if (has_sla) {
        due1 = ADDT(created, sla_fr[prio]);
        due2 = ADDT(created, sla_plan[prio]);
        due3 = ADDT(created, sla_res[prio]);
    }

    if (mode == 1) {
        resolved = created + rr(2 * 60, 12 * 60);
        fr = plan = completed = resolved;
    } else {
        /* --- milestones as offsets from created (business or wall clock) --- */
        int64_t fr_off, plan_off, res_off;
        if (has_sla) {
            double d1 = (double)sla_fr[prio], d2 = (double)sla_plan[prio], d3 = (double)sla_res[prio];
            fr_off = ru() < TR(tk, tri, p) ? (int64_t)(d1 * (1.05 + rexp(0.7))) : (int64_t)(d1 * ruf(0.08, 0.93));
            if (ru() < TR(tk, plan, p))
                plan_off = ru() < 0.5 ? -1 : (int64_t)(d2 * (1.05 + rexp(0.6)));
            else
                plan_off = fr_off + (int64_t)((d2 - fr_off > 600 ? d2 - fr_off : 600) * ruf(0.05, 0.9));
            if (plan_off >= 0 && plan_off < fr_off + 60)
                plan_off = fr_off + 60;
            if (ru() < TR(tk, res, p))
                res_off = (int64_t)(d3 * (1.05 + rexp(0.8)));
            else {
                double base = (double)(plan_off > fr_off ? plan_off : fr_off);
                res_off = (int64_t)(base + (d3 - base > 900 ? d3 - base : 900) * ruf(0.10, 0.92));
            }
        } else {
            if (type == TY_PROJ) {
                fr_off = rr(1, 4) * 9 * HOUR;
                fr_off += rr(0, 8) * HOUR;
            } else {
                fr_off = rr(1, 12) * HOUR;
            }
            plan_off = -1;
            res_off = fr_off + (type == TY_PROJ ? rr(2, 12) : rr(1, 4)) * 9 * HOUR;
        }
        fr = ADDT(created, fr_off);
        plan = plan_off >= 0 ? ADDT(created, plan_off) : -1;

        /* --- work: total hours, estimate, number of entries --- */
        static const double med[NTYPE] = {1.25, 1.2, 0.35, 2.5, 2.0, 5.0};
        static const double estp[NTYPE] = {0.55, 0.65, 0.20, 0.80, 1.0, 1.0};
        static const double single[NTYPE] = {1.10, 1.00, 2.00, 0.30, 0.50, 0.10};
        double speed = TR(tk, speed, p);
        double raw = med[type] * dexp(0.55 * rnorm());
        double hours;
        if (ru() < estp[type]) {
            est_q2 = (int)(raw * 2.0 + 0.5);
            if (est_q2 < 1)
                est_q2 = 1;
            hours = est_q2 / 2.0 * speed * rlognorm1(0.35);
        } else {
            hours = raw * speed;
        }
        hours *= g_hscale;
        if (hours > 30)
            hours = 30;

        int nk;
        double X = opt_ept;
        if (X <= 3.0) {
            double q1 = clampd((3.0 - X) / 2.0 * single[type] * tk->d.fcr, 0.02, 0.95);
            nk = ru() < q1 ? 1 : rr(2, 4);
        } else {
            nk = ru() < 0.05 ? 1 : rr(2, (int)(2 * X - 2));
        }
        esc = ru() < TR(tk, esc, p);
        if (esc && nk < 2)
            nk = 2;
        int Q = (int)(hours * 4.0 + 0.5);
        if (Q < nk)
            Q = nk;
        if (Q > 32 * nk)
            nk = (Q + 31) / 32;
        if (nk > 12)
            nk = 12;

        /* split Q quarters into nk parts of at least one */
        int parts[MAXENT];
        {
            int rest = Q - nk;
            double w[MAXENT], sw = 0;
            for (int i = 0; i < nk; i++) {
                w[i] = 0.3 + ru();
                sw += w[i];
            }
            int used = 0;
            for (int i = 0; i < nk; i++) {
                int extra = i == nk - 1 ? rest - used : (int)(rest * w[i] / sw);
                if (extra < 0)
                    extra = 0;
                parts[i] = 1 + extra;
                used += extra;
            }
            for (;;) { /* keep every entry within 8h */
                int hi = 0, lo = 0;
                for (int i = 1; i < nk; i++) {
                    if (parts[i] > parts[hi])
                        hi = i;
                    if (parts[i] < parts[lo])
                        lo = i;
                }
                if (parts[hi] <= 32 || parts[lo] >= 32)
                    break;
                parts[hi]--;
                parts[lo]++;
            }
        }

        /* who does each part */
        int worker[MAXENT];
        int k2 = -1;
        static const int esc_team[NTEAM][3] = {{T_NOC, T_FIELD, T_PROJ}, {T_PROJ, T_NOC, T_NOC},
                                               {T_FIELD, T_FIELD, T_PROJ}, {T_NOC, T_FIELD, T_NOC}};
        if (esc)
            k2 = pick_tech(esc_team[tk->d.team][ri(3)], k);
        int assist = -1;
        if (!esc && nk >= 2 && ru() < 0.06) {
            k2 = pick_tech(tk->d.team, k);
            assist = rr(1, nk - 1);
        }
        for (int i = 0; i < nk; i++) {
            worker[i] = k;
            if (esc && i >= (nk + 1) / 2)
                worker[i] = k2;
            if (i == assist)
                worker[i] = k2;
        }

        int onsite = tk->d.team == T_FIELD && type != TY_ALERT && type != TY_CHG && ru() < 0.55;
        int dispatch = !after && ru() < 0.03;

        /* gaps: spread the slack between first response and the target */
        int64_t span = res_off - fr_off;
        if (esc)
            span = (int64_t)(span * 1.3);
        int64_t slack = span - (int64_t)Q * 900;
        if (slack < (int64_t)nk * 300)
            slack = (int64_t)nk * 300;
        double gw[MAXENT + 1], gsum = 0;
        for (int i = 0; i <= nk; i++) {
            gw[i] = ru();
            gsum += gw[i];
        }

        if (dispatch && ne < MAXENT) {
            ents[ne++] = (ent_t){g_dispatch, 1, WT_REGULAR, ceil_to(created + rr(60, 600), MINUTE)};
        }
        int64_t cursor = fr;
        int64_t last_end = fr;
        for (int i = 0; i < nk && ne < MAXENT - 2; i++) {
            int w = worker[i];
            int wt;
            int wteam = g_tech[w].d.team;
            if (onsite && w == k) {
                wt = WT_REGULAR;
            } else if (wteam == T_HD) {
                wt = ru() < 0.65 ? WT_REMOTE : WT_REGULAR;
            } else if (wteam == T_NOC) {
                wt = ru() < 0.8 ? WT_REMOTE : WT_REGULAR;
            } else if (wteam == T_PROJ) {
                wt = ru() < 0.8 ? WT_REGULAR : WT_REMOTE;
            } else {
                wt = ru() < 0.5 ? WT_REGULAR : WT_REMOTE;
            }
            int trq = (onsite && w == k && i == 0) ? rr(1, 4) : 0;
            int64_t s = place_entry(cursor, w, parts[i] + trq, urgent);
            if (trq) {
                ents[ne++] = (ent_t){w, trq, WT_TRAVEL, s};
                s += (int64_t)trq * 900;
            }
            ents[ne++] = (ent_t){w, parts[i], wt, s};
            last_end = s + (int64_t)parts[i] * 900;
            int64_t gap = (int64_t)(slack * gw[i] / gsum);
            cursor = urgent ? last_end + 5 * MINUTE + gap : bh_add(last_end, gap);
        }
        {
            int64_t tail = (int64_t)(slack * gw[nk] / gsum);
            if (tail < 120)
                tail = 120 + rr(0, 600);
            if (urgent || tail <= 1800)
                resolved = last_end + (tail < 1800 ? tail : 1800);
            else
                resolved = bh_add(last_end, tail);
        }
        reo = ru() < TR(tk, reo, p);
        if (reo && ne < MAXENT) {
            int q = rr(1, 4);
            int64_t s = place_entry(bh_add(resolved, rr(4, 30) * HOUR), k, q, 0);
            ents[ne++] = (ent_t){k, q, ru() < 0.6 ? WT_REMOTE : WT_REGULAR, s};
            resolved = s + (int64_t)q * 900 + rr(5, 30) * MINUTE;
        }
        if (!has_sla)
            fr = -1;
        if (plan >= 0 && plan > resolved)
            plan = resolved;
        if (plan >= 0 && fr >= 0 && plan < fr)
            plan = fr;
        completed = ru() < 0.5 ? resolved + rr(0, 600) : bh_add(resolved, rr(1, 16) * HOUR);
        /* own-hours spent, for the dispatcher's load balancing */
        for (int i = 0; i < ne; i++)
            g_tech[ents[i].k].used += ents[i].q / 4.0;
    }
#undef ADDT

    /* --- state at the export time --- */
    const char *status = "Complete";
    int forced_open = mode != 1 && created >= g_end_t - 30 * DAY && ru() < 0.02;
    if (forced_open) {
        resolved = completed = -1;
        if (ne > 1)
            ne = 1;
        status = "Waiting Customer";
    }
    if (fr >= g_end_t)
        fr = -1;
    if (plan >= g_end_t)
        plan = -1;
    if (resolved >= g_end_t)
        resolved = -1;
    if (resolved < 0 || completed >= g_end_t)
        completed = -1;
    if (!forced_open && completed < 0) {
        if (resolved >= 0)
            status = "Waiting Customer";
        else if (has_sla && fr < 0)
            status = "New";
        else
            status = "In Progress";
    }
    if (mode == 1)
        status = "Complete";

    int bad_completed = 0;
    if (!opt_clean && g_badcompl_state == 0 && completed >= 0 &&
        created >= g_mday[(2 * g_months) / 3] * DAY) {
        g_badcompl_state = 1;
        bad_completed = 1;
    }

    /* queue */
    const char *queue;
    if (type == TY_ALERT)
        queue = "Monitoring Alerts";
    else if (type == TY_PROJ)
        queue = "Projects";
    else if (type == TY_PROB || type == TY_CHG)
        queue = "Level II Support";
    else if (tk && tk->d.team == T_FIELD)
        queue = "Field Services";
    else
        queue = "Help Desk";

    /* --- the ticket row --- */
    out_t *o = &o_tk;
    out_row(o);
    size_t row_start = o->len;
    put_s(o, tid);
    put_c(o, ',');
    put_dt(o, created);
    put_c(o, ',');
    put_f(o, cl->name);
    put_c(o, ',');
    put_f(o, title);
    put_c(o, ',');
    put_s(o, queue);
    put_c(o, ',');
    put_s(o, prio_name[prio]);
    put_c(o, ',');
    put_s(o, status);
    put_c(o, ',');
    put_s(o, type_name[type]);
    put_c(o, ',');
    if (tk && mode == 0)
        put_f(o, tk->name);
    put_c(o, ',');
    put_dt(o, due1);
    put_c(o, ',');
    put_dt(o, fr);
    put_c(o, ',');
    put_dt(o, due2);
    put_c(o, ',');
    put_dt(o, plan);
    put_c(o, ',');
    put_dt(o, due3);
    put_c(o, ',');
    put_dt(o, resolved);
    put_c(o, ',');
    if (bad_completed) {
        int y, m, d;
        civil_from_days(day_of(completed), &y, &m, &d);
        put_i(o, y);
        put_s(o, "-13-01");
    } else {
        put_dt(o, completed);
    }
    put_c(o, ',');
    if (est_q2 >= 0)
        put_q(o, est_q2 * 2);
    put_c(o, ',');
    put_i(o, esc ? (ru() < 0.12 ? 2 : 1) : 0);
    put_c(o, ',');
    put_i(o, reo);
    put_c(o, '\n');

    if (g_dup_state == 1) {
        /* an export glitch: the same ticket twice */
        out_row(o);
        put_s(o, g_dup_line);
        g_dup_state = 2;
    } else if (!opt_clean && g_dup_state == 0 && created >= g_mday[g_months >= 3 ? 2 : 0] * DAY &&
               counter == 3 && mode == 0) {
        size_t n = o->len - row_start;
        g_dup_line = malloc(n + 1);
        memcpy(g_dup_line, o->buf + row_start, n);
        g_dup_line[n] = 0;
        g_dup_state = 1;
    }

    /* --- the time entries --- */
    int billable = cl->agreement != AG_FIXED || type == TY_PROJ;
    for (int i = 0; i < ne; i++)
        write_entry(tid, ents[i].k, ents[i].start, 0, ents[i].q, cli,
                    ents[i].wt, billable && ents[i].k != g_dispatch, 0);

    /* --- the survey --- */
    if (completed >= 0 && k >= 0 && type != TY_ALERT && ru() < 0.165)
        write_survey(tid, k, cli, completed);
}

/* ------------------------------------------------------------------ */
/* Time that is not on a ticket, and absences                          */
/* ------------------------------------------------------------------ */

static int64_t day_slot(int64_t day, int q)
{
    /* a start time between 08:00 and 16:00 that fits q quarter hours */
    int latest = 17 * 4 - q; /* in quarter hours from midnight */
    if (latest < 32)
        latest = 32;
    return day * DAY + (int64_t)rr(32, latest) * 900;
}

static void month_fill(int m)
{
    int64_t d0 = g_mday[m], d1 = g_mday[m + 1];
    for (int k = 0; k < g_ntech; k++) {
        tech_t *tk = &g_tech[k];
        int daily_q = tk->d.weekly * 4 / 5; /* one day in quarter hours */
        /* absences: PTO and company holidays, date only */
        for (int64_t d = d0; d < d1; d++) {
            if (!employed(tk, d))
                continue;
            if (is_pto(k, d))
                write_entry(NULL, k, -1, d, daily_q, -1, WT_PTO, 0, 1);
            else if (is_holiday(d) && weekday_of(d) < 5)
                write_entry(NULL, k, -1, d, daily_q, -1, WT_HOLIDAY, 0, 1);
        }
        /* weekly team meeting, Monday 09:00; internal admin; training */
        int training_q = k == g_dispatch ? 0 : rr(0, 4) * 4 + (tk->start_day >= d0 && tk->start_day < d1 ? 24 : 0);
        for (int64_t d = d0; d < d1; d++) {
            if (!is_workday(d) || !employed(tk, d) || is_pto(k, d))
                continue;
            if (weekday_of(d) == 0)
                write_entry(NULL, k, d * DAY + 9 * HOUR, d, 4, -1, WT_MEETING, 0, 0);
            if (k == g_dispatch) {
                if (ru() < 0.6) {
                    int q = rr(2, 8);
                    write_entry(NULL, k, day_slot(d, q), d, q, -1, WT_INTERNAL, 0, 0);
                }
            } else if (ru() < 0.22) {
                int q = rr(2, 8);
                write_entry(NULL, k, d * DAY + 15 * HOUR + rr(0, 4) * 900, d, q, -1, WT_INTERNAL, 0, 0);
            }
            if (training_q > 0 && ru() < 0.15) {
                int q = training_q < 16 ? training_q : rr(4, 16);
                write_entry(NULL, k, day_slot(d, q), d, q, -1, WT_TRAINING, 0, 0);
                training_q -= q;
            }
        }
        if (!tk->include)
            continue;

        /* client work without a ticket up to the tech's utilization this month */
        double avail = g_avail[(size_t)k * g_months + m];
        if (avail <= 0)
            continue;
        double target = TR(tk, util, prog(tk, (d0 + 15) * DAY)) * (1.0 + 0.03 * rnorm()) * avail;
        double need = target - g_tally[(size_t)k * g_months + m];
        int bad_neg = !opt_clean && k == 0 && m == (g_months > 3 ? 3 : g_months - 1);
        int bad_unknown = !opt_clean && k == (g_dispatch > 1 ? 1 : 0) && m == 0;
        for (int guard = 0; need >= 0.25 && guard < 2000; guard++) {
            int64_t d = d0 + ri((int)(d1 - d0));
            if (!is_workday(d) || !employed(tk, d) || is_pto(k, d))
                continue;
            int q = rr(8, 24);
            if (q > (int)(need * 4))
                q = (int)(need * 4);
            int c = pick_client();
            int wt = ru() < 0.6 ? WT_REGULAR : WT_REMOTE;
            int bill = g_cli[c].agreement != AG_FIXED;
            write_entry(NULL, k, day_slot(d, q), d, q, c, wt, bill, 0);
            need -= q / 4.0;
        }
        if (bad_neg) {
            /* a correction entered as negative hours, no end */
            int64_t d = d0 + 9;
            while (!is_workday(d))
                d++;
            int c = pick_client();
            out_t *o = &o_te;
            out_row(o);
            put_i(o, (int64_t)++g_entry_id);
            put_c(o, ',');
            put_c(o, ',');
            put_f(o, tk->name);
            put_c(o, ',');
            put_dt(o, d * DAY + 10 * HOUR);
            put_c(o, ',');
            put_c(o, ',');
            put_date(o, d);
            put_s(o, ",-1.5,0,false,Regular,");
            put_f(o, g_cli[c].name);
            put_c(o, ',');
            put_dt(o, d * DAY + 15 * HOUR + 12 * MINUTE + 7);
            put_c(o, '\n');
        }
        if (bad_unknown) {
            /* time on a ticket opened before the export window */
            int64_t d = d0 + 2;
            while (!is_workday(d))
                d++;
            int y, mo, dd;
            civil_from_days(d0 - 9, &y, &mo, &dd);
            char tid[32];
            snprintf(tid, sizeof tid, "T%04d%02d%02d.%04d", y, mo, dd, 42);
            write_entry(tid, k, d * DAY + 13 * HOUR + 30 * MINUTE, d, 4, pick_client(), WT_REMOTE, 0, 0);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The small hand-kept files                                           */
/* ------------------------------------------------------------------ */

static void write_resources(const char *dir)
{
    out_t o;
    out_open(&o, dir, "resources.csv", "resource,weekly_hours,hourly_cost,team,start_date,end_date,include,monthly_pay");
    for (int k = 0; k < g_ntech; k++) {
        tech_t *tk = &g_tech[k];
        out_row(&o);
        put_f(&o, tk->name);
        put_c(&o, ',');
        put_i(&o, tk->d.weekly);
        put_c(&o, ',');
        put_i(&o, tk->d.cost);
        put_c(&o, ',');
        put_s(&o, team_name[tk->d.team]);
        put_c(&o, ',');
        if (tk->start_day >= 0)
            put_date(&o, tk->start_day);
        put_s(&o, ",,");
        put_s(&o, tk->include ? "true" : "false");
        /* Pay from the loaded cost (about 1.3 x pay), 173 hours a month,
         * to the nearest 50: drawn from nothing, so the other files keep
         * their bytes. */
        put_c(&o, ',');
        put_i(&o, (int64_t)(tk->d.cost * 173 / 1.3 / 50 + 0.5) * 50);
        put_c(&o, '\n');
    }
    out_close(&o);
}

/* ",HOURS" the agreement includes a month, or "," for T&M: a fixed fee
 * is priced for about one hour per 2 endpoints, block hours are sold at
 * about 75 an hour. Drawn from nothing, so the other files keep their
 * bytes. */
static void put_included(out_t *o, const client_t *c, int endpoints, int revenue)
{
    put_c(o, ',');
    if (c->agreement == AG_FIXED)
        put_i(o, (int64_t)(endpoints / 2.0 + 0.5));
    else if (c->agreement == AG_BLOCK)
        put_i(o, (int64_t)(revenue / 75.0 / 5 + 0.5) * 5);
}

static void write_clients(const char *dir)
{
    out_t o;
    out_open(&o, dir, "clients.csv", "client,endpoints,monthly_revenue,agreement,month,included_hours");
    for (int i = 0; i < g_ncli; i++) {
        client_t *c = &g_cli[i];
        /* history rows for the months before growth, then the current row */
        if (c->grow_month > 0) {
            for (int m = 0; m < c->grow_month; m++) {
                int y, mo, d;
                civil_from_days(g_mday[m], &y, &mo, &d);
                out_row(&o);
                put_f(&o, c->name);
                put_c(&o, ',');
                put_i(&o, c->endpoints0);
                put_c(&o, ',');
                put_i(&o, c->revenue0);
                put_c(&o, ',');
                put_f(&o, ag_name[c->agreement]);
                put_c(&o, ',');
                put_i(&o, y);
                put_c(&o, '-');
                put2(&o, mo);
                put_included(&o, c, c->endpoints0, c->revenue0);
                put_c(&o, '\n');
            }
        }
        out_row(&o);
        put_f(&o, c->name);
        put_c(&o, ',');
        put_i(&o, c->endpoints1);
        put_c(&o, ',');
        put_i(&o, c->revenue1);
        put_c(&o, ',');
        put_f(&o, ag_name[c->agreement]);
        put_c(&o, ',');
        put_included(&o, c, c->endpoints1, c->revenue1);
        put_c(&o, '\n');
    }
    out_close(&o);
}

/* ------------------------------------------------------------------ */
/* Main                                                                */
/* ------------------------------------------------------------------ */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void usage(void)
{
    fputs("usage: msp-gen [--seed N] [--techs N] [--clients N] [--months N] [--end YYYY-MM]\n"
          "               [--tickets-per-month N] [--entries-per-ticket X] [--clean] OUTDIR\n"
          "Writes tickets.csv, time_entries.csv, surveys.csv, clients.csv and resources.csv\n"
          "for a fictional MSP (canonical msp-scorecard layout) into OUTDIR.\n"
          "  --seed N                random seed (default 42); same arguments, same bytes\n"
          "  --techs N               technicians (default 10), plus one dispatcher\n"
          "  --clients N             clients (default 30)\n"
          "  --months N              months of data (default 12)\n"
          "  --end YYYY-MM           last month of data (default 2026-10)\n"
          "  --tickets-per-month N   tickets a month, all clients (default 45 x techs)\n"
          "  --entries-per-ticket X  average time entries per ticket, 1..8 (default 2)\n"
          "  --clean                 leave out the deliberately bad rows\n",
          stderr);
}

static long parse_long(const char *s, const char *opt, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi) {
        fprintf(stderr, "msp-gen: bad value for %s: %s (%ld..%ld)\n", opt, s, lo, hi);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    const char *outdir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage();
            return 0;
        } else if (!strcmp(a, "--clean")) {
            opt_clean = 1;
        } else if (a[0] == '-' && a[1] == '-') {
            if (!v) {
                fprintf(stderr, "msp-gen: %s needs a value\n", a);
                return 2;
            }
            i++;
            if (!strcmp(a, "--seed")) {
                char *end;
                errno = 0;
                opt_seed = strtoull(v, &end, 10);
                if (errno || *end || end == v) {
                    fprintf(stderr, "msp-gen: bad seed: %s\n", v);
                    return 2;
                }
            } else if (!strcmp(a, "--techs"))
                opt_techs = (int)parse_long(v, a, 1, 100000);
            else if (!strcmp(a, "--clients"))
                opt_clients = (int)parse_long(v, a, 1, 1000000);
            else if (!strcmp(a, "--months"))
                opt_months = (int)parse_long(v, a, 1, 120);
            else if (!strcmp(a, "--tickets-per-month"))
                opt_tpm = (double)parse_long(v, a, 0, 100000000);
            else if (!strcmp(a, "--entries-per-ticket")) {
                char *end;
                opt_ept = strtod(v, &end);
                if (*end || end == v || !(opt_ept >= 1.0 && opt_ept <= 8.0)) {
                    fprintf(stderr, "msp-gen: bad value for %s: %s (1..8)\n", a, v);
                    return 2;
                }
            } else if (!strcmp(a, "--end")) {
                int y, m;
                char extra;
                if (sscanf(v, "%4d-%2d%c", &y, &m, &extra) != 2 || y < 1971 || y > 9000 || m < 1 || m > 12) {
                    fprintf(stderr, "msp-gen: bad value for --end: %s (YYYY-MM)\n", v);
                    return 2;
                }
                opt_end_y = y;
                opt_end_m = m;
            } else {
                fprintf(stderr, "msp-gen: unknown option %s\n", a);
                usage();
                return 2;
            }
        } else if (!outdir) {
            outdir = a;
        } else {
            usage();
            return 2;
        }
    }
    if (!outdir) {
        usage();
        return 2;
    }
    if (mkdir(outdir, 0777) != 0 && errno != EEXIST)
        die(strerror(errno), outdir);
    if (opt_tpm < 0)
        opt_tpm = 45.0 * opt_techs;

    rng_seed(opt_seed);
    setup_calendar();
    setup_techs();
    setup_clients();
    setup_pto();
    write_resources(outdir);
    write_clients(outdir);

    /* at very high ticket density per tech, shrink hours per ticket */
    {
        double per_tech = opt_tpm / opt_techs;
        double exp_hours = per_tech * 1.8 * opt_ept / 2.0;
        if (exp_hours > 110.0)
            g_hscale = 110.0 / exp_hours;
    }

    for (int t = 0; t < NTEAM; t++)
        g_av[t] = malloc(sizeof(int) * (size_t)g_ntech);
    g_avall = malloc(sizeof(int) * (size_t)g_ntech);
    g_ccum = malloc(sizeof(double) * (size_t)g_ncli);

    out_open(&o_tk, outdir, "tickets.csv",
             "ticket_id,created,client,title,queue,priority,status,ticket_type,resource,"
             "first_response_due,first_response,resolution_plan_due,resolution_plan,"
             "resolved_due,resolved,completed,estimated_hours,escalations,reopens");
    out_open(&o_te, outdir, "time_entries.csv",
             "entry_id,ticket_id,resource,start,end,date_worked,hours_worked,hours_billed,"
             "billable,work_type,client,entered");
    out_open(&o_sv, outdir, "surveys.csv", "survey_id,ticket_id,resource,client,received,score,scale_max");

    size_t tod_cap = 1024;
    int *tod = malloc(sizeof(int) * tod_cap);
    static const double dw[7] = {1.15, 1.05, 1.0, 1.0, 0.85, 0.12, 0.10};
    static const double hw[11] = {0.25, 1.1, 1.5, 1.4, 1.2, 0.75, 1.15, 1.2, 1.1, 0.9, 0.25};
    double hwsum = 0;
    for (int i = 0; i < 11; i++)
        hwsum += hw[i];

    for (int m = 0; m < g_months; m++) {
        /* clients: ticket weight ~ endpoints x noise */
        double acc = 0;
        for (int i = 0; i < g_ncli; i++) {
            acc += client_endpoints(&g_cli[i], m) * g_cli[i].noise;
            g_ccum[i] = acc;
        }
        if (acc <= 0) { /* a single client that has no tickets: give it some */
            for (int i = 0; i < g_ncli; i++)
                g_ccum[i] = i + 1;
        }
        for (int k = 0; k < g_ntech; k++) {
            tech_t *tk = &g_tech[k];
            tk->used = g_tally[(size_t)k * g_months + m]; /* spill-over from last month */
            tk->budget = g_avail[(size_t)k * g_months + m] * TR(tk, util, prog(tk, (g_mday[m] + 15) * DAY));
        }
        double tm = opt_tpm * (g_months > 1 ? 0.94 + 0.12 * m / (g_months - 1) : 1.0);
        double wsum = 0;
        for (int64_t d = g_mday[m]; d < g_mday[m + 1]; d++)
            wsum += is_holiday(d) ? 0.15 : dw[weekday_of(d)];
        for (int64_t d = g_mday[m]; d < g_mday[m + 1]; d++) {
            int wk = is_workday(d);
            double w = is_holiday(d) ? 0.15 : dw[weekday_of(d)];
            double mean = tm * w / wsum * (0.85 + 0.3 * ru());
            int n = (int)mean;
            if (ru() < mean - n)
                n++;
            if ((size_t)n > tod_cap) {
                while ((size_t)n > tod_cap)
                    tod_cap *= 2;
                tod = realloc(tod, sizeof(int) * tod_cap);
                if (!tod)
                    die("out of memory", NULL);
            }
            build_day_lists(d);
            for (int i = 0; i < n; i++) {
                int s;
                double u = ru();
                if (!wk) {
                    s = ri(86400);
                } else if (u < 0.91) {
                    double x = ru() * hwsum;
                    int h = 0;
                    while (h < 10 && (x -= hw[h]) >= 0)
                        h++;
                    s = (7 + h) * 3600 + ri(h == 10 ? 1800 : 3600);
                } else if (u < 0.97) {
                    s = 17 * 3600 + 1800 + ri(86400 - (17 * 3600 + 1800));
                } else {
                    s = ri(7 * 3600);
                }
                tod[i] = s;
            }
            qsort(tod, (size_t)n, sizeof(int), cmp_int);
            for (int i = 0; i < n; i++)
                gen_ticket(d * DAY + tod[i], i + 1);
        }
        month_fill(m);
    }
    if (g_dup_state == 1) {
        out_row(&o_tk);
        put_s(&o_tk, g_dup_line);
    }
    free(g_dup_line);
    free(tod);
    out_close(&o_tk);
    out_close(&o_te);
    out_close(&o_sv);
    return 0;
}

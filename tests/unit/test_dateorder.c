/* test_dateorder.c: the day/month order of each file, decided once from its
 * dates (read/dateorder.h, model/load.c): the deciding date far down the
 * file, a file that needs both orders, stdin, the profile's default, and
 * the raw pass's quoting and line counting. */
#include "check.h"
#include "model/load.h"
#include "model/settings.h"
#include "read/dateorder.h"
#include "read/field.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/msc-test-dateorder-XXXXXX";

static int64_t at(int y, int mo, int d, int h, int mi)
{
    return msc_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static const char *write_file(const char *name, const char *text)
{
    static char path[4][256];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, sizeof path[0], "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0)
        abort();
    return p;
}

/* A growing text, for files of many rows. */
struct text {
    char *s;
    size_t len, cap;
};

static void add(struct text *t, const char *fmt, int a, int b)
{
    char line[256];
    int n = snprintf(line, sizeof line, fmt, a, b);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = 2 * (t->len + (size_t)n + 1);
        if (!(t->s = realloc(t->s, t->cap)))
            abort();
    }
    memcpy(t->s + t->len, line, (size_t)n + 1);
    t->len += (size_t)n;
}

struct loaded {
    struct msc_settings set;
    struct msc_model m;
    struct msc_error err;
    enum msc_status st;
};

static void load(struct loaded *l, enum msc_file file, const char *path, const struct msc_profile *p)
{
    l->st = msc_load_file(&l->m, file, path, p, NULL, &l->err);
}

static void begin(struct loaded *l, enum msc_date_order order)
{
    memset(l, 0, sizeof *l);
    msc_settings_init(&l->set);
    l->set.date_order = order;
    msc_model_init(&l->m, &l->set, MSC_PERIOD_MONTH);
}

static void end(struct loaded *l)
{
    msc_model_release(&l->m);
    msc_settings_release(&l->set);
}

static int64_t created(struct loaded *l, const char *id)
{
    int k = msc_names_find(&l->m.ticket_ids, id);
    return k < 0 ? -1 : l->m.ticket[k].created;
}

/* Thousands of dates with day and month both 1..12, then one that only day
 * first reads: every row is read day first. */
static void test_late_decider(void)
{
    struct text t = {0};
    add(&t, "ticket_id,created,client,resolved\n", 0, 0);
    for (int i = 1; i <= 6000; i++)
        add(&t, "T%d,%02d/03/2026 10:00,Acme,\n", i, 1 + i % 12);
    add(&t, "T%d,%d/03/2026 10:00,Acme,\n", 6001, 13);
    struct loaded l;
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", t.s), NULL);
    CHECK(l.st == MSC_OK);
    CHECK(l.m.file[MSC_FILE_TICKETS].rows_used == 6001);
    CHECK(created(&l, "T1") == at(2026, 3, 2, 10, 0));
    CHECK(created(&l, "T11") == at(2026, 3, 12, 10, 0));
    CHECK(created(&l, "T6001") == at(2026, 3, 13, 10, 0));
    const char *note = l.m.file[MSC_FILE_TICKETS].date_order;
    CHECK(note && strstr(note, "day first") && strstr(note, "line 6002") && strstr(note, "13/03/2026"));
    end(&l);

    /* The same with month first: the decider says so. */
    t.len = 0;
    add(&t, "ticket_id,created,client\n", 0, 0);
    for (int i = 1; i <= 3000; i++)
        add(&t, "T%d,03/%02d/2026 10:00,Acme\n", i, 1 + i % 12);
    add(&t, "T%d,3/%d/2026 10:00 PM,Acme\n", 3001, 30);
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", t.s), NULL);
    CHECK(l.st == MSC_OK);
    CHECK(created(&l, "T1") == at(2026, 3, 2, 10, 0));
    CHECK(created(&l, "T3001") == at(2026, 3, 30, 22, 0));
    note = l.m.file[MSC_FILE_TICKETS].date_order;
    CHECK(note && strstr(note, "month first") && strstr(note, "line 3002"));
    end(&l);
    free(t.s);
}

/* A tickets file needing both orders is unusable; a time entries file
 * needing both is skipped before any of its rows counts. */
static void test_mixed(void)
{
    static const char tickets[] = "ticket_id,created,client,first_response\n"
                                  "T1,2026-03-01 09:00,Acme,01/03/2026 09:30\n"
                                  "T2,13/03/2026 09:00,Acme,\n"
                                  "T3,\"03/14/2026 09:00\",Acme,\n";
    struct loaded l;
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", tickets), NULL);
    CHECK(l.st == MSC_ERR_INPUT);
    CHECK(strstr(l.err.msg, "tickets.csv") && strstr(l.err.msg, "line 3") && strstr(l.err.msg, "line 4") &&
          strstr(l.err.msg, "13/03/2026") && strstr(l.err.msg, "03/14/2026"));
    end(&l);

    /* Given an order, the same file is read: what that order cannot read is a bad value. */
    begin(&l, MSC_DATE_DMY);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", tickets), NULL);
    CHECK(l.st == MSC_OK);
    CHECK(l.m.file[MSC_FILE_TICKETS].rows_used == 2 && l.m.file[MSC_FILE_TICKETS].rows_rejected == 1);
    CHECK(l.m.file[MSC_FILE_TICKETS].date_order == NULL);
    end(&l);

    static const char entries[] = "ticket_id,resource,start,hours_worked\n"
                                  "T1,Ann,2026-03-01 10:00,1\n"
                                  "T1,Ann,02/03/2026 10:00,1\n"
                                  "T1,Ann,12/30/2026 10:00,1\n"
                                  "T1,Ann,30/12/2026 10:00,1\n";
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", "ticket_id,created,client\nT1,2026-03-01 09:00,Acme\n"),
         NULL);
    CHECK(l.st == MSC_OK);
    load(&l, MSC_FILE_TIME, write_file("time_entries.csv", entries), NULL);
    const struct msc_file_info *fi = &l.m.file[MSC_FILE_TIME];
    CHECK(l.st == MSC_OK);
    CHECK(fi->state == MSC_FILE_SKIPPED);
    CHECK(fi->note && strstr(fi->note, "line 4") && strstr(fi->note, "line 5"));
    CHECK(fi->rows_used == 0 && l.m.ticket[0].hours == 0);
    end(&l);
}

/* Year-last dates first met beyond the first look (more than a MiB in):
 * the whole file is read for them then; when it needs both orders, rows
 * were counted already, so the load fails and marks the file refused late
 * (the run then loads everything again without it). */
static void test_late_format(void)
{
    struct text t = {0};
    add(&t, "ticket_id,created,client\n", 0, 0);
    for (int i = 1; i <= 60000; i++)
        add(&t, "T%d,2026-03-%02d 10:00:00,Acme Dental Group\n", i, 1 + i % 28);
    add(&t, "T%d,%02d/03/2026 10:00,Acme\n", 60001, 2);
    add(&t, "T%d,%02d/03/2026 10:00,Acme\n", 60002, 20);
    struct loaded l;
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", t.s), NULL);
    CHECK(l.st == MSC_OK);
    CHECK(created(&l, "T60001") == at(2026, 3, 2, 10, 0));
    CHECK(created(&l, "T60002") == at(2026, 3, 20, 10, 0));
    CHECK(l.m.file[MSC_FILE_TICKETS].date_order && strstr(l.m.file[MSC_FILE_TICKETS].date_order, "line 60003"));

    t.len = 0;
    add(&t, "ticket_id,resource,start,hours_worked\n", 0, 0);
    for (int i = 1; i <= 60000; i++)
        add(&t, "T1,Ann Long-Name,2026-03-%02d 10:00:00,%d\n", 1 + i % 28, 1);
    add(&t, "T1,Ann,%02d/03/2026 10:00,%d\n", 20, 1);
    add(&t, "T1,Ann,03/%02d/2026 10:00,%d\n", 20, 1);
    load(&l, MSC_FILE_TIME, write_file("time_entries.csv", t.s), NULL);
    CHECK(l.st == MSC_ERR_INPUT && strstr(l.err.msg, "line 60002") && strstr(l.err.msg, "line 60003"));
    CHECK(l.m.file[MSC_FILE_TIME].refused_late && !l.m.file[MSC_FILE_TICKETS].refused_late);
    end(&l);
    free(t.s);
}

/* Dates that read both ways: the profile's default; no year-last date: no note. */
static void test_defaults(void)
{
    static const char tickets[] = "ticket_id,created,client\nT1,03/04/2026 10:00,Acme\n";
    struct loaded l;
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", tickets), NULL);
    CHECK(created(&l, "T1") == at(2026, 3, 4, 10, 0));
    CHECK(l.m.file[MSC_FILE_TICKETS].date_order && strstr(l.m.file[MSC_FILE_TICKETS].date_order, "generic"));
    end(&l);

    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, write_file("tickets.csv", tickets), msc_profile_find("halopsa"));
    CHECK(created(&l, "T1") == at(2026, 4, 3, 10, 0));
    CHECK(l.m.file[MSC_FILE_TICKETS].date_order && strstr(l.m.file[MSC_FILE_TICKETS].date_order, "halopsa"));
    end(&l);

    /* Semicolons and dots: day first, and nothing to infer. */
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS,
         write_file("tickets.csv", "ticket_id;created;client\nT1;03.04.2026 10:00;Acme\nT2;2026-04-05;Acme\n"), NULL);
    CHECK(created(&l, "T1") == at(2026, 4, 3, 10, 0));
    CHECK(created(&l, "T2") == at(2026, 4, 5, 0, 0));
    CHECK(l.m.file[MSC_FILE_TICKETS].date_order == NULL);
    end(&l);
}

struct writer {
    int fd;
    const char *text;
};

static void *write_all(void *arg)
{
    struct writer *w = arg;
    size_t len = strlen(w->text), done = 0;
    while (done < len) {
        ssize_t n = write(w->fd, w->text + done, len - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(w->fd);
    return NULL;
}

/* stdin is a pipe: read off a copy, larger than the pipe holds. */
static void test_stdin(void)
{
    struct text t = {0};
    add(&t, "ticket_id,created,client\n", 0, 0);
    for (int i = 1; i <= 20000; i++)
        add(&t, "T%d,%02d/05/2026 10:00,Acme\n", i, 1 + i % 12);
    add(&t, "T%d,%d/05/2026 10:00,Acme\n", 20001, 25);
    int p[2], saved = dup(STDIN_FILENO);
    if (pipe(p) != 0 || saved < 0)
        abort();
    struct writer w = {p[1], t.s};
    pthread_t th;
    if (pthread_create(&th, NULL, write_all, &w) != 0 || dup2(p[0], STDIN_FILENO) < 0)
        abort();
    close(p[0]);
    struct loaded l;
    begin(&l, MSC_DATE_AUTO);
    load(&l, MSC_FILE_TICKETS, "-", NULL);
    pthread_join(th, NULL);
    dup2(saved, STDIN_FILENO);
    close(saved);
    CHECK(l.st == MSC_OK);
    CHECK(l.m.file[MSC_FILE_TICKETS].rows_used == 20001);
    CHECK(created(&l, "T1") == at(2026, 5, 2, 10, 0));
    CHECK(created(&l, "T20001") == at(2026, 5, 25, 10, 0));
    CHECK(l.m.file[MSC_FILE_TICKETS].date_order && strstr(l.m.file[MSC_FILE_TICKETS].date_order, "day first"));
    end(&l);
    free(t.s);
}

/* The raw pass: quoted cells, doubled quotes, delimiters and line ends
 * inside quotes, CRLF and CR line ends, physical line numbers. */
static void test_scan(void)
{
    static const char text[] = "a,\"created\",c\r\n"
                               "\"x, \"\"y\"\"\n13/01/2026\",01/02/2026,z\r\n" /* line 2: the title is no date */
                               "q,\"02/03/2026\",\"multi\rline\"\r"
                               "q,\"2/13/2026 9:00 AM\",z\n"                   /* line 6 */
                               "q,14/02/2026";                                 /* line 7, no line end */
    const char *path = write_file("scan.csv", text);
    int fd = open(path, O_RDONLY);
    int cols[] = {1};
    struct msc_date_votes v;
    CHECK(fd >= 0 && msc_date_scan(fd, ',', cols, 1, 0, &v) == 0);
    CHECK(v.either == 2 && v.month_first == 1 && v.day_first == 1);
    CHECK(v.month_first_line == 6 && strcmp(v.month_first_cell, "2/13/2026 9:00 AM") == 0);
    CHECK(v.day_first_line == 7 && strcmp(v.day_first_cell, "14/02/2026") == 0);
    /* No wanted column: nothing read, nothing counted. */
    int none[] = {7};
    CHECK(msc_date_scan(fd, ';', none, 1, 0, &v) == 0 && v.either + v.day_first + v.month_first == 0);
    close(fd);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 2;
    test_late_decider();
    test_mixed();
    test_late_format();
    test_defaults();
    test_stdin();
    test_scan();
    static const char *const names[] = {"tickets.csv", "time_entries.csv", "scan.csv"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(write_file(names[i], ""));
    rmdir(dir);
    return check_report("dateorder");
}

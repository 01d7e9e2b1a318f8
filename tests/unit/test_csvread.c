/* test_csvread.c: the CSV reader's edge cases (read/csvread.h). */
#include "check.h"
#include "read/csvread.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What a read saw, flattened: "L<line>:f1|f2|...;" per row, "B<line>:<reason>;" per bad row. */
struct seen {
    char text[4096];
};

static void append(struct seen *s, const char *t)
{
    strncat(s->text, t, sizeof s->text - strlen(s->text) - 1);
}

static int on_row(void *ctx, const struct msc_csv_row *row)
{
    struct seen *s = ctx;
    char buf[64];
    snprintf(buf, sizeof buf, "L%ld:", row->line);
    append(s, buf);
    for (size_t i = 0; i < row->nfields; i++) {
        if (i)
            append(s, "|");
        append(s, row->fields[i]);
    }
    append(s, ";");
    return 0;
}

static void on_bad(void *ctx, long line, const char *reason)
{
    struct seen *s = ctx;
    char buf[160];
    snprintf(buf, sizeof buf, "B%ld:%.20s;", line, reason);
    append(s, buf);
}

static enum msc_status read_bytes(const char *data, size_t len, struct seen *s, struct msc_csv_info *info,
                                  struct msc_error *err)
{
    static const struct msc_csv_callbacks cb = {.on_row = on_row, .on_bad = on_bad};
    FILE *f = fmemopen((void *)data, len, "rb");
    memset(s, 0, sizeof *s);
    enum msc_status st = msc_csv_read_stream(f, "t.csv", &cb, s, info, err);
    fclose(f);
    return st;
}

#define READ(lit) read_bytes(lit, sizeof(lit) - 1, &s, &info, &err)

/* Everything a read delivers, in full, to compare the two readers. */
struct trace {
    char *text;
    size_t len, cap;
    long delivered, peeks, early_peeks; /* rows; peeks; peeks not ahead of on_row */
    long prepared, prepared_wrong;      /* rows that came prepared; wrongly */
    const void *_Atomic with;           /* set at the header: rows after are prepared */
};

static const unsigned long long trace_seed = 1469598103934665603ull;

/* What the parser threads make of a row: a checksum of its fields. */
static void trace_prepare(const void *with, const struct msc_csv_row *row, void *out)
{
    unsigned long long h = *(const unsigned long long *)with;
    for (size_t i = 0; i < row->nfields; i++)
        for (const char *p = row->fields[i];; p++) {
            h = (h ^ (unsigned char)*p) * 1099511628211ull;
            if (!*p)
                break;
        }
    memcpy(out, &h, sizeof h);
}

static void trace_add(struct trace *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = 2 * (t->len + n + 1);
        t->text = realloc(t->text, t->cap);
    }
    memcpy(t->text + t->len, s, n);
    t->len += n;
    t->text[t->len] = '\0';
}

static void trace_str(struct trace *t, const char *s) { trace_add(t, s, strlen(s)); }

static int trace_row(void *ctx, const struct msc_csv_row *row)
{
    struct trace *t = ctx;
    t->delivered = row->index + 1;
    if (row->index == 0)
        atomic_store(&t->with, &trace_seed);
    if (row->prepared) {
        unsigned long long want;
        trace_prepare(&trace_seed, row, &want);
        t->prepared++;
        t->prepared_wrong += row->index == 0 || memcmp(row->prepared, &want, sizeof want) != 0;
    }
    char head[64];
    snprintf(head, sizeof head, "R%ld/%ld/%c:", row->line, row->index, row->delimiter);
    trace_str(ctx, head);
    for (size_t i = 0; i < row->nfields; i++) {
        trace_str(ctx, row->fields[i]);
        trace_str(ctx, "\x1f");
    }
    trace_str(ctx, "\n");
    return 0;
}

static void trace_bad(void *ctx, long line, const char *reason)
{
    char head[32];
    snprintf(head, sizeof head, "B%ld:", line);
    trace_str(ctx, head);
    trace_str(ctx, reason);
    trace_str(ctx, "\n");
}

/* A peek comes before the row is delivered. */
static void trace_peek(void *ctx, const struct msc_csv_row *row)
{
    struct trace *t = ctx;
    t->peeks++;
    t->early_peeks += row->index < t->delivered;
}

/* Reads data with msc_csv_read_file through path, or with
 * msc_csv_read_stream from memory, into t. */
static void trace_read(const char *path, const char *data, size_t len, struct trace *t)
{
    const struct msc_csv_callbacks cb = {.on_row = trace_row, .on_bad = trace_bad, .peek = trace_peek,
                                         .prepare = trace_prepare,
                                         .prepared_size = sizeof(unsigned long long),
                                         .prepare_with = &t->with};
    struct msc_csv_info info;
    struct msc_error err = {0};
    enum msc_status st;
    t->len = 0;
    t->delivered = 0;
    atomic_store(&t->with, NULL);
    trace_str(t, "");
    if (path) {
        FILE *f = fopen(path, "wb");
        fwrite(data, 1, len, f);
        fclose(f);
        st = msc_csv_read_file(path, "t.csv", &cb, t, &info, &err);
    } else {
        FILE *f = fmemopen((void *)data, len, "rb");
        st = msc_csv_read_stream(f, "t.csv", &cb, t, &info, &err);
        fclose(f);
    }
    /* After an error, how far each got into the file does not matter. */
    char tail[1200];
    snprintf(tail, sizeof tail, "status %d %s; lines %ld rows %ld bad %ld bytes %llu delimiter %d\n", (int)st,
             st == MSC_OK ? "" : err.msg, info.lines, info.rows, info.bad_rows, st == MSC_OK ? info.bytes : 0,
             info.delimiter);
    trace_str(t, tail);
}

/* The parallel reader, cut into chunks of a few bytes, delivers exactly
 * what the sequential one does: random inputs of quotes, delimiters,
 * newlines, CRs, blanks, NULs and both encodings, at every chunk size.
 * Rows after the header may come prepared (never the header itself, nor
 * from the sequential reader), and then with what prepare makes of them. */
static void check_chunked_equals_sequential(void)
{
    static const char *const atoms[] = {"a", "bc", ",", ";", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ",
                                        "\t", "\xC3\xA9", "\xE9", "x\0y", "\n\n", "\"\n"};
    static const size_t chunk_sizes[] = {1, 2, 3, 7, 16, 64};
    char path[] = "/tmp/msc-test-csvread-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    struct trace seq = {0}, par = {0};
    unsigned long long rng = 42;
    int mismatches = 0;
    for (int round = 0; round < 400; round++) {
        char data[512];
        size_t len = 0, natoms = (size_t)(round % 60);
        if (round % 3 == 0)
            memcpy(data, "h1,h2\n", len = 6); /* mostly a clean header, as exports have */
        for (size_t i = 0; i < natoms; i++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            const char *a = atoms[(rng >> 33) % (sizeof atoms / sizeof atoms[0])];
            size_t n = strcmp(a, "x\0y") == 0 ? 3 : strlen(a);
            memcpy(data + len, a, n);
            len += n;
        }
        trace_read(NULL, data, len, &seq);
        for (size_t c = 0; c < sizeof chunk_sizes / sizeof chunk_sizes[0]; c++) {
            msc_csv_set_chunk_bytes(chunk_sizes[c]);
            trace_read(path, data, len, &par);
            if (strcmp(seq.text, par.text) != 0 && mismatches++ < 3)
                fprintf(stderr, "chunk size %zu, round %d:\n--- sequential\n%s--- parallel\n%s", chunk_sizes[c],
                        round, seq.text, par.text);
        }
    }
    msc_csv_set_chunk_bytes(0);
    CHECK(mismatches == 0);
    CHECK(par.peeks > 0 && par.early_peeks == 0 && seq.peeks == 0);
    CHECK(par.prepared > 0 && par.prepared_wrong == 0 && seq.prepared == 0);
    remove(path);
    free(seq.text);
    free(par.text);
}

int main(void)
{
    struct seen s;
    struct msc_csv_info info;
    struct msc_error err = {0};

    /* BOM, CRLF, a quoted field with a comma, a doubled quote and a newline. */
    CHECK(READ("\xEF\xBB\xBF" "a,b\r\n1,\"x, \"\"y\"\"\r\nz\"\r\n2,3\r\n") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;L2:1|x, \"y\"\r\nz;L4:2|3;") == 0);
    CHECK(info.rows == 2 && info.lines == 4 && info.delimiter == ',');

    /* CR alone ends a line (old Mac exports), also a quoted field's line;
     * a CRLF split between two 64 KiB reads counts once. */
    CHECK(READ("a,b\r1,2\r\"x\ry\",3\r4,5") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;L2:1|2;L3:x\ry|3;L5:4|5;") == 0 && info.lines == 5);
    {
        static char big[65536 + 64];
        for (int cr_only = 0; cr_only < 2; cr_only++) {
            size_t n = 0;
            n += (size_t)sprintf(big, "h1,h2%s", cr_only ? "\r" : "\r\n");
            memcpy(big + n, "a,", 2);
            n += 2;
            memset(big + n, 'x', 65535 - n); /* the CR is the last byte of the first read */
            n = 65535;
            n += (size_t)sprintf(big + n, "%sc,d%s", cr_only ? "\r" : "\r\n", cr_only ? "\r" : "\r\n");
            CHECK(read_bytes(big, n, &s, &info, &err) == MSC_OK);
            CHECK(info.lines == 3 && info.rows == 2);
        }
    }

    /* Semicolon and tab delimiters are found from the header line. */
    CHECK(READ("a;b;c\n1,5;2;3\n") == MSC_OK && info.delimiter == ';');
    CHECK(strcmp(s.text, "L1:a|b|c;L2:1,5|2|3;") == 0);
    CHECK(READ("a\tb\n x \t2\n") == MSC_OK && info.delimiter == '\t');
    CHECK(strcmp(s.text, "L1:a|b;L2:x|2;") == 0);

    /* Blank lines and rows of empty fields are skipped but still counted as lines. */
    CHECK(READ("a,b\n\n,\n1,2") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;L4:1|2;") == 0 && info.lines == 4);

    /* Windows-1252 bytes become UTF-8; valid UTF-8 is left alone. */
    CHECK(READ("a\nCaf\xE9 \x80\nCaf\xC3\xA9\n") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a;L2:Caf\xC3\xA9 \xE2\x82\xAC;L3:Caf\xC3\xA9;") == 0);

    /* An unclosed quote rejects its row, reported where it began; rows before it stay. */
    CHECK(READ("a,b\n1,2\n3,\"open\n4,5\n6,7\n") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;L2:1|2;B3:unclosed quote: the ;") == 0);
    CHECK(info.bad_rows == 1);

    /* Broken quoting mid-file rejects that row and reading goes on at the next line. */
    CHECK(READ("a,b\n\"x\"y,1\n2,3\n") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;B2:malformed quoting ne;L3:2|3;") == 0);

    /* A NUL byte in a field rejects the row. */
    CHECK(read_bytes("a,b\nx\0y,1\n2,3\n", 14, &s, &info, &err) == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;B2:NUL byte in a field ;L3:2|3;") == 0);

    /* UTF-16 and empty files are refused with a message. */
    CHECK(READ("\xFF\xFE" "a\0,\0b\0") == MSC_ERR_INPUT && strstr(err.msg, "UTF-16"));
    CHECK(READ("") == MSC_ERR_INPUT && strstr(err.msg, "empty"));

    /* A row spanning two 64 KiB chunks keeps its line number. */
    size_t big = 200000;
    char *data = malloc(big + 32);
    strcpy(data, "h\n1\n\"");
    size_t n = strlen(data);
    memset(data + n, 'x', big);
    n += big;
    memcpy(data + n, "\"\n2\n", 4);
    n += 4;
    CHECK(read_bytes(data, n, &s, &info, &err) == MSC_OK && info.rows == 3 && info.lines == 4);
    CHECK(strncmp(s.text, "L1:h;L2:1;L3:xxx", 16) == 0);
    free(data);

    check_chunked_equals_sequential();

    /* Broken quoting on a line that straddles two 64 KiB reads drops the
     * whole line: its second part is not read as a row of its own. */
    data = malloc(70000);
    memcpy(data, "h1,h2\n", 6);
    memset(data + 6, 'a', 65000);
    memcpy(data + 6 + 65000, "x\"y,", 4);
    memset(data + 65010, 'b', 1000);
    memcpy(data + 66010, "\n2,3\n", 5);
    CHECK(read_bytes(data, 66015, &s, &info, &err) == MSC_OK && info.rows == 1 && info.bad_rows == 1);
    CHECK(strcmp(s.text, "L1:h1|h2;B2:malformed quoting ne;L3:2|3;") == 0);
    free(data);

    /* cp1252 conversion reports the length it needs when the buffer is short. */
    char out[4];
    CHECK(msc_cp1252_to_utf8("\x80\x80", 2, out, sizeof out) == 6);
    CHECK(msc_utf8_valid("\xC3\xA9", 2) && !msc_utf8_valid("\xC3", 1) && !msc_utf8_valid("\xED\xA0\x80", 3));
    return check_report("csvread");
}

/* test_csvread.c: the CSV reader's edge cases (read/csvread.h). */
#include "check.h"
#include "read/csvread.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    static const struct msc_csv_callbacks cb = {on_row, on_bad};
    FILE *f = fmemopen((void *)data, len, "rb");
    memset(s, 0, sizeof *s);
    enum msc_status st = msc_csv_read_stream(f, "t.csv", &cb, s, info, err);
    fclose(f);
    return st;
}

#define READ(lit) read_bytes(lit, sizeof(lit) - 1, &s, &info, &err)

int main(void)
{
    struct seen s;
    struct msc_csv_info info;
    struct msc_error err = {0};

    /* BOM, CRLF, a quoted field with a comma, a doubled quote and a newline. */
    CHECK(READ("\xEF\xBB\xBF" "a,b\r\n1,\"x, \"\"y\"\"\r\nz\"\r\n2,3\r\n") == MSC_OK);
    CHECK(strcmp(s.text, "L1:a|b;L2:1|x, \"y\"\r\nz;L4:2|3;") == 0);
    CHECK(info.rows == 2 && info.lines == 4 && info.delimiter == ',');

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

    /* cp1252 conversion reports the length it needs when the buffer is short. */
    char out[4];
    CHECK(msc_cp1252_to_utf8("\x80\x80", 2, out, sizeof out) == 6);
    CHECK(msc_utf8_valid("\xC3\xA9", 2) && !msc_utf8_valid("\xC3", 1) && !msc_utf8_valid("\xED\xA0\x80", 3));
    return check_report("csvread");
}

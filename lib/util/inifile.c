/* inifile.c: the whole file read, its line ends made LF, then libinih. */
#include "util/inifile.h"
#include "util/mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct reader {
    const char *p;
    int *line;
};

/* libinih's string reader, counting the lines it hands out. */
static char *read_line(char *buf, int size, void *stream)
{
    struct reader *r = stream;
    if (!*r->p || size < 2)
        return NULL;
    int n = 0;
    while (n < size - 1 && r->p[n] && r->p[n] != '\n')
        n++;
    if (n < size - 1 && r->p[n] == '\n')
        n++;
    memcpy(buf, r->p, (size_t)n);
    buf[n] = '\0';
    r->p += n;
    if (r->line)
        ++*r->line;
    return buf;
}

int msc_ini_parse_file(const char *path, ini_handler handler, void *user, int *line)
{
    if (line)
        *line = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct stat sb;
    /* A pipe (-c <(...)) reads fine; a folder reads as empty. */
    if (fstat(fileno(f), &sb) != 0 || S_ISDIR(sb.st_mode)) {
        fclose(f);
        return -3;
    }
    char *text = NULL;
    size_t len = 0, cap = 0;
    int c, rc = 0;
    while ((c = getc(f)) != EOF) {
        if (msc_grow(&text, &cap, len + 2, 1) < 0) {
            rc = -2;
            break;
        }
        if (c == '\r') { /* CRLF and CR alone both end a line */
            c = getc(f);
            if (c != '\n' && c != EOF)
                ungetc(c, f);
            c = '\n';
        }
        text[len++] = (char)c;
    }
    if (rc == 0 && ferror(f))
        rc = -1;
    if (rc == 0 && msc_grow(&text, &cap, len + 1, 1) < 0)
        rc = -2;
    int e = errno;
    fclose(f);
    if (rc == 0) {
        text[len] = '\0';
        struct reader r = {text, line};
        rc = ini_parse_stream(read_line, &r, handler, user);
    }
    free(text);
    errno = e;
    return rc;
}

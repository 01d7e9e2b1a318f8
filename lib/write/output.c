/* output.c: temporary file, then rename (or copy for stdout and devices). */
#include "write/output.h"
#include "util/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void clear(struct msc_output *o)
{
    free(o->path);
    free(o->tmp_path);
    free(o->tmp_dir);
    memset(o, 0, sizeof *o);
}

enum msc_status msc_output_begin(struct msc_output *o, const char *path, struct msc_error *err)
{
    struct stat sb;
    memset(o, 0, sizeof *o);
    o->direct = strcmp(path, "-") == 0 || (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode));
    const char *slash = strrchr(path, '/');
    const char *tmpdir = getenv("TMPDIR");
    /* Renamed files are made beside the target; copied ones in TMPDIR. */
    size_t dirlen = o->direct ? 0 : slash ? (size_t)(slash - path + 1) : 0;
    const char *base = o->direct ? (tmpdir && *tmpdir ? tmpdir : "/tmp") : NULL;
    size_t n = (base ? strlen(base) + 1 : dirlen) + 40;
    o->path = msc_strdup(path);
    o->tmp_path = msc_malloc(n);
    if (!o->path || !o->tmp_path) {
        clear(o);
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    if (base)
        snprintf(o->tmp_path, n, "%s/.msp-scorecard-XXXXXX", base);
    else
        snprintf(o->tmp_path, n, "%.*s.msp-scorecard-XXXXXX", (int)dirlen, path);
    int fd = mkstemp(o->tmp_path);
    if (fd < 0 || !(o->fp = fdopen(fd, "w+b"))) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp_path);
        }
        enum msc_status st = msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s",
                                           path, strerror(e));
        clear(o);
        return st;
    }
    /* The report keeps the old one's mode; a new one gets the umask's. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, !o->direct && stat(path, &sb) == 0 ? sb.st_mode & 07777 : 0666 & ~mask);
    o->tmp_dir = msc_strdup(o->tmp_path);
    if (!o->tmp_dir) {
        msc_output_abort(o);
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    char *slash_in_tmp = strrchr(o->tmp_dir, '/');
    if (slash_in_tmp)
        slash_in_tmp[slash_in_tmp == o->tmp_dir] = '\0';
    else
        strcpy(o->tmp_dir, ".");
    return MSC_OK;
}

static int copy_to(FILE *from, const char *path)
{
    /* A reader that has gone is a write error (EPIPE, exit 4), not a death
     * by SIGPIPE that would leave the temporary file behind. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    FILE *to = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    char buf[65536];
    size_t n;
    int bad = !to;
    if (!bad) {
        rewind(from);
        while ((n = fread(buf, 1, sizeof buf, from)) > 0)
            if (fwrite(buf, 1, n, to) != n) {
                bad = 1;
                break;
            }
        bad |= ferror(from) || fflush(to) != 0;
        if (to != stdout)
            bad |= fclose(to) != 0;
    }
    sigaction(SIGPIPE, &old, NULL);
    return bad ? -1 : 0;
}

enum msc_status msc_output_commit(struct msc_output *o, struct msc_error *err)
{
    enum msc_status st = MSC_OK;
    if (fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0)
        st = msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", o->path, strerror(errno));
    else if (o->direct) {
        errno = 0;
        if (copy_to(o->fp, o->path) < 0)
            st = msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", o->path,
                               strerror(errno ? errno : EIO));
    } else if (rename(o->tmp_path, o->path) != 0) {
        st = msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", o->path, strerror(errno));
    }
    fclose(o->fp);
    o->fp = NULL;
    if (st != MSC_OK || o->direct)
        unlink(o->tmp_path);
    clear(o);
    return st;
}

void msc_output_abort(struct msc_output *o)
{
    if (o->fp)
        fclose(o->fp);
    if (o->tmp_path)
        unlink(o->tmp_path);
    clear(o);
}

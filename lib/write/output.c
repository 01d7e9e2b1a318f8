/* output.c: temporary file, then rename (or copy for stdout and devices). */
#include "write/output.h"
#include "util/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files being written, for the signal handler: a run killed
 * by cron or a systemd timeout must not leave them beside the report. Set
 * with the signals blocked, read only by the handler. */
#define MAX_PENDING 4
static char pending[MAX_PENDING][PATH_MAX];
static volatile sig_atomic_t pending_set[MAX_PENDING];
static const int fatal[] = {SIGTERM, SIGINT, SIGHUP};
#define NFATAL (sizeof fatal / sizeof fatal[0])
static struct sigaction saved[NFATAL];
static int handlers_in;

static void on_fatal(int sig)
{
    int e = errno;
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending_set[i])
            unlink(pending[i]);
    /* Die of the signal itself, so that the parent sees what happened. */
    signal(sig, SIG_DFL);
    raise(sig);
    errno = e;
}

static void block(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < NFATAL; i++)
        sigaddset(&set, fatal[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Records (or forgets, path NULL) the temporary file in slot; -1 when no
 * slot is free or the path does not fit. */
static int track(int *slot, const char *path)
{
    sigset_t old;
    int rc = 0;
    block(&old);
    if (path) {
        *slot = -1;
        for (int i = 0; i < MAX_PENDING && *slot < 0; i++)
            if (!pending_set[i] && strlen(path) < PATH_MAX) {
                strcpy(pending[i], path);
                pending_set[i] = 1;
                *slot = i;
            }
        rc = *slot < 0 ? -1 : 0;
        /* A signal the caller ignores (nohup) stays ignored. */
        if (rc == 0 && handlers_in++ == 0)
            for (size_t i = 0; i < NFATAL; i++) {
                struct sigaction sa = {.sa_handler = on_fatal};
                sigemptyset(&sa.sa_mask);
                sigaction(fatal[i], NULL, &saved[i]);
                if (saved[i].sa_handler != SIG_IGN)
                    sigaction(fatal[i], &sa, NULL);
            }
    } else if (*slot >= 0) {
        pending_set[*slot] = 0;
        *slot = -1;
        if (--handlers_in == 0)
            for (size_t i = 0; i < NFATAL; i++)
                sigaction(fatal[i], &saved[i], NULL);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

static void clear(struct msc_output *o)
{
    track(&o->slot, NULL);
    free(o->path);
    free(o->target);
    free(o->tmp_path);
    free(o->tmp_dir);
    memset(o, 0, sizeof *o);
    o->slot = -1;
}

/* A path under the kernel's magic folders (/dev/stdout, /proc/self/fd/1)
 * names an open descriptor, not a place for a file. */
static int is_magic(const char *p)
{
    return strncmp(p, "/dev/", 5) == 0 || strncmp(p, "/proc/", 6) == 0;
}

/* Follows path's symbolic links (a "latest" link to reports/real.xlsx) to
 * the file they end at, which may not exist yet. Returns a new string, or
 * NULL (errno set); *magic when a step was a device path. */
static char *resolve(const char *path, int *magic)
{
    char *cur = msc_strdup(path);
    *magic = cur && is_magic(cur);
    for (int hops = 0; cur && hops < 40; hops++) {
        struct stat sb;
        if (lstat(cur, &sb) != 0 || !S_ISLNK(sb.st_mode))
            return cur;
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0) {
            free(cur);
            return NULL;
        }
        link[n] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dirlen = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur + 1);
        char *next = msc_malloc(dirlen + (size_t)n + 1);
        if (next) {
            memcpy(next, cur, dirlen);
            memcpy(next + dirlen, link, (size_t)n + 1);
            *magic |= is_magic(next);
        }
        free(cur);
        cur = next;
    }
    if (cur) {
        free(cur);
        errno = ELOOP;
    } else {
        errno = ENOMEM;
    }
    return NULL;
}

enum msc_status msc_output_begin(struct msc_output *o, const char *path, struct msc_error *err)
{
    struct stat sb;
    int magic = 0;
    memset(o, 0, sizeof *o);
    o->slot = -1;
    o->path = msc_strdup(path);
    o->target = strcmp(path, "-") == 0 ? msc_strdup(path) : resolve(path, &magic);
    if (!o->path || !o->target) {
        int e = errno;
        clear(o);
        if (e == ENOMEM || e == 0)
            return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", path, strerror(e));
    }
    o->direct = strcmp(path, "-") == 0 || magic ||
                (stat(o->target, &sb) == 0 && !S_ISREG(sb.st_mode));
    const char *slash = strrchr(o->target, '/');
    const char *tmpdir = getenv("TMPDIR");
    /* Renamed files are made beside the target; copied ones in TMPDIR. */
    size_t dirlen = o->direct ? 0 : slash ? (size_t)(slash - o->target + 1) : 0;
    const char *base = o->direct ? (tmpdir && *tmpdir ? tmpdir : "/tmp") : NULL;
    size_t n = (base ? strlen(base) + 1 : dirlen) + 40;
    o->tmp_path = msc_malloc(n);
    if (!o->tmp_path) {
        clear(o);
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    if (base)
        snprintf(o->tmp_path, n, "%s/.msp-scorecard-XXXXXX", base);
    else
        snprintf(o->tmp_path, n, "%.*s.msp-scorecard-XXXXXX", (int)dirlen, o->target);
    /* Signals wait until the file is recorded for the handler. */
    sigset_t old;
    block(&old);
    int fd = mkstemp(o->tmp_path);
    if (fd >= 0 && track(&o->slot, o->tmp_path) < 0) {
        close(fd);
        unlink(o->tmp_path);
        fd = -1;
        errno = ENAMETOOLONG;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    /* Descriptors 0-2 are guarded by the command line; were one closed, a
     * report written "to stdout" would land in the temporary file. */
    if (fd >= 0 && fd <= 2) {
        close(fd);
        unlink(o->tmp_path);
        fd = -1;
        errno = EBADF;
    }
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
    fchmod(fd, !o->direct && stat(o->target, &sb) == 0 ? sb.st_mode & 07777 : 0666 & ~mask);
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
    } else if (rename(o->tmp_path, o->target) != 0) {
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

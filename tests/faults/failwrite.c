/*
 * failwrite.c: an LD_PRELOAD shim that makes writing fail like a full disk.
 *
 *     LD_PRELOAD=libfailwrite.so FAILWRITE_WRITE=3 msp-scorecard ... -o report.csv
 *
 * A watched file is one whose path contains FAILWRITE_MATCH (default
 * ".msp-scorecard-", the program's temporary files; several substrings may
 * be given separated by '|'). Environment:
 *   FAILWRITE_WRITE=N   the Nth write to a watched file fails with ENOSPC,
 *                       and so does every later one (a full disk stays full)
 *   FAILWRITE_FSYNC=1   fsync of a watched file fails with ENOSPC
 *   FAILWRITE_RENAME=1  rename of a watched file fails with ENOSPC
 *   FAILWRITE_ERRNO=E   another errno than ENOSPC (a number, e.g. 5 for EIO)
 *   FAILWRITE_SIGNAL=S  with FAILWRITE_WRITE=N: the Nth write sends signal S
 *                       to the process instead of failing (a kill by cron
 *                       or systemd in the middle of the write)
 *   FAILWRITE_LOG=FILE  at exit, append "writes=W fsyncs=F renames=R files=N"
 *                       (what happened to watched files) to FILE
 *
 * glibc's stdio writes through internal calls that an LD_PRELOAD write()
 * never sees, so a watched file opened with fopen, fopen64 or fdopen is
 * handed back as a fopencookie stream whose write function does the
 * counting; fileno() on it still gives the real descriptor (for fsync).
 * A plain write() on a watched descriptor is counted the same way.
 * Everything else passes straight through to the C library.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_WATCHED 64

struct watched {
    FILE *fp; /* the cookie stream, or NULL for a bare descriptor */
    int fd;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct watched table[MAX_WATCHED];
static long writes, fsyncs, renames, files;

static long env_long(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? strtol(v, NULL, 10) : 0;
}

static int fail_errno(void)
{
    long e = env_long("FAILWRITE_ERRNO");
    return e > 0 ? (int)e : ENOSPC;
}

/* Whether path contains one of the '|'-separated FAILWRITE_MATCH strings. */
static int matches(const char *path)
{
    const char *m = getenv("FAILWRITE_MATCH");
    if (!path)
        return 0;
    if (!m || !*m)
        m = ".msp-scorecard-";
    while (*m) {
        size_t n = strcspn(m, "|");
        if (n > 0) {
            char sub[PATH_MAX];
            if (n >= sizeof sub)
                n = sizeof sub - 1;
            memcpy(sub, m, n);
            sub[n] = '\0';
            if (strstr(path, sub))
                return 1;
        }
        m += n + (m[n] == '|');
    }
    return 0;
}

static int fd_matches(int fd)
{
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0)
        return 0;
    path[n] = '\0';
    return matches(path);
}

static void watch(FILE *fp, int fd)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_WATCHED; i++)
        if (!table[i].fp && table[i].fd <= 0) {
            table[i].fp = fp;
            table[i].fd = fd + 1; /* 0 marks a free slot */
            files++;
            break;
        }
    pthread_mutex_unlock(&lock);
}

static void unwatch_fd(int fd)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_WATCHED; i++)
        if (table[i].fd == fd + 1)
            table[i].fp = NULL, table[i].fd = 0;
    pthread_mutex_unlock(&lock);
}

static int is_watched_fd(int fd)
{
    int found = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_WATCHED; i++)
        found |= table[i].fd == fd + 1;
    pthread_mutex_unlock(&lock);
    return found;
}

/* The descriptor under a cookie stream, or -1. */
static int cookie_fd(FILE *fp)
{
    int fd = -1;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_WATCHED; i++)
        if (table[i].fp == fp && fp)
            fd = table[i].fd - 1;
    pthread_mutex_unlock(&lock);
    return fd;
}

/* Counts one write; 1 when it must fail. */
static int count_write(void)
{
    long limit = env_long("FAILWRITE_WRITE");
    pthread_mutex_lock(&lock);
    long n = ++writes;
    pthread_mutex_unlock(&lock);
    long sig = env_long("FAILWRITE_SIGNAL");
    if (sig > 0 && limit > 0 && n == limit) {
        kill(getpid(), (int)sig);
        return 0;
    }
    return limit > 0 && n >= limit;
}

/* The real thing: the next definition after this library. */
#define REAL(ret, name, args)                                                                      \
    static ret(*real_##name) args;                                                                 \
    if (!real_##name)                                                                              \
        *(void **)&real_##name = dlsym(RTLD_NEXT, #name);

struct cookie {
    int fd;
};

static ssize_t c_read(void *c, char *buf, size_t size)
{
    return read(((struct cookie *)c)->fd, buf, size);
}

static ssize_t c_write(void *c, const char *buf, size_t size)
{
    int fd = ((struct cookie *)c)->fd;
    if (count_write()) {
        errno = fail_errno();
        return 0; /* less than size: stdio marks the stream in error */
    }
    size_t done = 0;
    while (done < size) {
        ssize_t n = syscall(SYS_write, fd, buf + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return (ssize_t)done;
        done += (size_t)n;
    }
    return (ssize_t)done;
}

static int c_seek(void *c, off64_t *off, int whence)
{
    off64_t r = lseek64(((struct cookie *)c)->fd, *off, whence);
    if (r < 0)
        return -1;
    *off = r;
    return 0;
}

static int c_close(void *c)
{
    int fd = ((struct cookie *)c)->fd;
    unwatch_fd(fd);
    free(c);
    return close(fd);
}

/* A cookie stream over fd (which it then owns); NULL with errno on failure. */
static FILE *wrap(int fd, const char *mode)
{
    struct cookie *c = malloc(sizeof *c);
    cookie_io_functions_t io = {c_read, c_write, c_seek, c_close};
    if (!c)
        return NULL;
    c->fd = fd;
    FILE *fp = fopencookie(c, mode, io);
    if (!fp) {
        free(c);
        return NULL;
    }
    watch(fp, fd);
    return fp;
}

static int writes_to(const char *mode)
{
    return strpbrk(mode, "wa+") != NULL;
}

static FILE *open_watched(const char *path, const char *mode)
{
    int flags = strchr(mode, '+') ? O_RDWR : O_WRONLY;
    if (mode[0] == 'w')
        flags |= O_CREAT | O_TRUNC;
    else if (mode[0] == 'a')
        flags |= O_CREAT | O_APPEND;
    else if (mode[0] == 'r')
        flags = O_RDWR;
    int fd = open(path, flags | O_CLOEXEC, 0666);
    if (fd < 0)
        return NULL;
    FILE *fp = wrap(fd, mode);
    if (!fp) {
        int e = errno;
        close(fd);
        errno = e;
    }
    return fp;
}

FILE *fopen(const char *path, const char *mode)
{
    REAL(FILE *, fopen, (const char *, const char *))
    if (writes_to(mode) && matches(path))
        return open_watched(path, mode);
    return real_fopen(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    REAL(FILE *, fopen64, (const char *, const char *))
    if (writes_to(mode) && matches(path))
        return open_watched(path, mode);
    return real_fopen64(path, mode);
}

FILE *fdopen(int fd, const char *mode)
{
    REAL(FILE *, fdopen, (int, const char *))
    if (writes_to(mode) && fd_matches(fd))
        return wrap(fd, mode);
    return real_fdopen(fd, mode);
}

int fileno(FILE *fp)
{
    REAL(int, fileno, (FILE *))
    int fd = cookie_fd(fp);
    return fd >= 0 ? fd : real_fileno(fp);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(ssize_t, write, (int, const void *, size_t))
    if (is_watched_fd(fd) && count_write()) {
        errno = fail_errno();
        return -1;
    }
    return real_write(fd, buf, n);
}

int fsync(int fd)
{
    REAL(int, fsync, (int))
    if (is_watched_fd(fd) || fd_matches(fd)) {
        pthread_mutex_lock(&lock);
        fsyncs++;
        pthread_mutex_unlock(&lock);
        if (env_long("FAILWRITE_FSYNC")) {
            errno = fail_errno();
            return -1;
        }
    }
    return real_fsync(fd);
}

int rename(const char *from, const char *to)
{
    REAL(int, rename, (const char *, const char *))
    if (matches(from)) {
        pthread_mutex_lock(&lock);
        renames++;
        pthread_mutex_unlock(&lock);
        if (env_long("FAILWRITE_RENAME")) {
            errno = fail_errno();
            return -1;
        }
    }
    return real_rename(from, to);
}

__attribute__((destructor)) static void report(void)
{
    const char *log = getenv("FAILWRITE_LOG");
    if (!log || !*log)
        return;
    char line[160];
    int n = snprintf(line, sizeof line, "writes=%ld fsyncs=%ld renames=%ld files=%ld\n", writes, fsyncs,
                     renames, files);
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
        if (n > 0)
            (void)!syscall(SYS_write, fd, line, (size_t)n);
        close(fd);
    }
}

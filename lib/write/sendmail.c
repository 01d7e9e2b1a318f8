/* sendmail.c: the message piped to a sendmail-compatible command. */
#include "write/mime.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int set_cloexec(int fd) { return fcntl(fd, F_SETFD, FD_CLOEXEC); }

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static int wait_child(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

/* In the child, between fork and exec: only async-signal-safe calls. A
 * failed exec sends its errno up the close-on-exec pipe, so the parent can
 * tell "could not run" from "ran and failed" without the child printing.
 * fds[] are the two pipes, read end first; when the caller runs with stdin
 * or stderr closed, a pipe may have taken fd 0 or 2. */
static void exec_child(const int fds[4], char **argv)
{
    int in_fd = fds[0], report_fd = fds[3];
    int ok = in_fd == STDIN_FILENO ? fcntl(in_fd, F_SETFD, 0) >= 0
                                   : dup2(in_fd, STDIN_FILENO) >= 0;
    if (ok) {
        /* A report may be going to stdout: keep sendmail's chatter out of
         * it, unless fd 2 is one of our pipes (stderr was closed). */
        if (STDERR_FILENO != fds[0] && STDERR_FILENO != fds[1] && STDERR_FILENO != fds[2] &&
            STDERR_FILENO != fds[3])
            dup2(STDERR_FILENO, STDOUT_FILENO);
        execvp(argv[0], argv);
    }
    int e = errno;
    ssize_t w = write(report_fd, &e, sizeof e);
    (void)w;
    _exit(127);
}

enum msc_status msc_mail_send(const struct msc_mail *m, struct msc_error *err)
{
    char buf[MSC_MAIL_MAX_COMMAND], *argv[MSC_MAIL_MAX_ARGS + 1], shown[160];
    const char *cmd;
    enum msc_status st = msc_mail_validate(m, err);
    if (st != MSC_OK)
        return st;
    cmd = msc_mail_show(msc_mail_command(m), shown, sizeof shown);
    if (msc_mail_split_command(msc_mail_command(m), buf, sizeof buf, argv, err) < 0)
        return MSC_ERR_USAGE;
    FILE *att = NULL;
    if (m->attachment_path && !(att = msc_mail_open_attachment(m, err)))
        return MSC_ERR_MAIL;

    int in[2] = {-1, -1}, report[2] = {-1, -1};
    if (pipe(in) < 0 || pipe(report) < 0 || set_cloexec(in[0]) < 0 || set_cloexec(in[1]) < 0 ||
        set_cloexec(report[0]) < 0 || set_cloexec(report[1]) < 0) {
        st = msc_error_set(err, MSC_ERR_MAIL, "cannot run sendmail command '%s': %s", cmd,
                           strerror(errno));
        goto close_pipes;
    }
    pid_t pid = fork();
    if (pid < 0) {
        st = msc_error_set(err, MSC_ERR_MAIL, "cannot run sendmail command '%s': %s", cmd,
                           strerror(errno));
        goto close_pipes;
    }
    if (pid == 0) {
        const int fds[4] = {in[0], in[1], report[0], report[1]};
        exec_child(fds, argv);
    }
    close_fd(&in[0]);
    close_fd(&report[1]);

    /* 0 bytes: the exec succeeded and closed the pipe. */
    int child_errno = 0;
    ssize_t got;
    while ((got = read(report[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR)
        ;
    close_fd(&report[0]);
    if (got > 0) {
        close_fd(&in[1]);
        wait_child(pid);
        st = msc_error_set(err, MSC_ERR_MAIL, "cannot run sendmail command '%s': %s", cmd,
                           strerror(child_errno));
        goto close_att;
    }

    /* Set only now, in the parent: an ignored SIGPIPE would survive exec
     * into the child. A reader that quits then gives EPIPE, not death. */
    struct sigaction ignore, old;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    struct msc_error werr = {0};
    int read_failed = 1;
    enum msc_status wst;
    FILE *pipe_out = fdopen(in[1], "w");
    if (!pipe_out) {
        wst = msc_error_set(&werr, MSC_ERR_MAIL, "cannot write to sendmail command '%s': %s",
                            cmd, strerror(errno));
    } else {
        in[1] = -1; /* the stream owns it now */
        errno = 0;
        wst = msc_mail_write(m, att, pipe_out, &werr, &read_failed);
    }
    /* Kill before closing its input: at EOF it would queue half a message. */
    if (wst != MSC_OK && read_failed)
        kill(pid, SIGKILL);
    if (pipe_out && fclose(pipe_out) != 0 && wst == MSC_OK)
        wst = msc_error_set(&werr, MSC_ERR_MAIL, "cannot write the mail message: %s",
                            strerror(errno));
    close_fd(&in[1]);
    int status = wait_child(pid), wait_errno = errno;
    sigaction(SIGPIPE, &old, NULL);

    if (wst != MSC_OK && read_failed)
        st = msc_error_set(err, MSC_ERR_MAIL, "%s; nothing was sent", werr.msg);
    else if (status < 0)
        st = msc_error_set(err, MSC_ERR_MAIL, "sendmail command '%s': cannot wait for it: %s",
                           cmd, strerror(wait_errno));
    else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        st = msc_error_set(err, MSC_ERR_MAIL, "sendmail command '%s' exited with status %d", cmd,
                           WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        st = msc_error_set(err, MSC_ERR_MAIL, "sendmail command '%s' was killed by signal %d",
                           cmd, WTERMSIG(status));
    else if (wst != MSC_OK)
        st = msc_error_set(err, MSC_ERR_MAIL,
                           "sendmail command '%s' exited before reading the whole message (%s)",
                           cmd, werr.msg);
    goto close_att;

close_pipes:
    close_fd(&in[0]);
    close_fd(&in[1]);
    close_fd(&report[0]);
    close_fd(&report[1]);
close_att:
    if (att)
        fclose(att);
    return st;
}


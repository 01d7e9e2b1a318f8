/*
 * error.h: errors as values.
 *
 * A library function that can fail returns an enum msc_status and, when it
 * is not MSC_OK, fills the caller's struct msc_error with a one-line message
 * (lower case, no final period, location first: "tickets.csv:3:2: ...").
 * Only the program's top level prints it, once.
 *
 *     struct msc_error err = {0};
 *     if (msc_run(&run, &err) != MSC_OK)
 *         fprintf(stderr, "msp-scorecard: %s\n", err.msg);
 */
#ifndef MSC_UTIL_ERROR_H
#define MSC_UTIL_ERROR_H

/* The values double as the program's exit codes (cli.md). */
enum msc_status {
    MSC_OK = 0,
    MSC_ERR_STRICT = 1, /* rows were rejected and strict mode was asked for */
    MSC_ERR_USAGE = 2,  /* bad option, settings or map file */
    MSC_ERR_INPUT = 3,  /* tickets file missing, unreadable or unusable */
    MSC_ERR_OUTPUT = 4, /* the report could not be written */
    MSC_ERR_MAIL = 5,   /* the report was written but mailing it failed */
    MSC_ERR_NOMEM = 6   /* out of memory */
};

struct msc_error {
    enum msc_status status;
    char msg[1024];
};

/* Sets status and a printf-style message; returns status. */
enum msc_status msc_error_set(struct msc_error *err, enum msc_status status,
                              const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

const char *msc_strerror(enum msc_status status);

#endif

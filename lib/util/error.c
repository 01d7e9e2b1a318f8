/* error.c: error values. */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

enum msc_status msc_error_set(struct msc_error *err, enum msc_status status,
                              const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

const char *msc_strerror(enum msc_status status)
{
    switch (status) {
    case MSC_OK: return "success";
    case MSC_ERR_STRICT: return "rows were rejected";
    case MSC_ERR_USAGE: return "usage or settings error";
    case MSC_ERR_INPUT: return "unusable input";
    case MSC_ERR_OUTPUT: return "output could not be written";
    case MSC_ERR_MAIL: return "mail could not be sent";
    case MSC_ERR_NOMEM: return "out of memory";
    }
    return "unknown error";
}

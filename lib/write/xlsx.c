/* xlsx.c: placeholder until the workbook lands. */
#include "write/xlsx.h"

#include <xlsxwriter.h>

enum msc_status msc_write_xlsx(const char *path, const struct msc_report *r,
                               const struct msc_xlsx_opts *o, struct msc_error *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot create workbook", path);
    workbook_add_worksheet(wb, "Scorecard");
    if (workbook_close(wb) != LXW_NO_ERROR)
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write workbook", path);
    (void)r;
    (void)o;
    return MSC_OK;
}

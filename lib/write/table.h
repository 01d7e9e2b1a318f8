/*
 * table.h: the machine-readable KPI table (output.md), as CSV or JSON.
 *
 * Names are written exactly as shown in reports: CSV quoted per RFC 4180,
 * JSON escaped; no spreadsheet-formula protection here (that lives in the
 * workbook). Numbers with up to six decimals. Both return 0, or -1 when
 * writing to f failed.
 */
#ifndef MSC_WRITE_TABLE_H
#define MSC_WRITE_TABLE_H

#include <stdio.h>

#include "report/report.h"

int msc_write_csv(FILE *f, const struct msc_report *r);
int msc_write_json(FILE *f, const struct msc_report *r);
/* Every rejected and warned row of the data-quality log (cli.md
 * --rejects): file,line,column,severity,reason,value, the file as the run
 * named it, the column blank for the row as a whole, the value as logged
 * (at most 80 bytes). Exact text, like the KPI table. */
int msc_write_rejects(FILE *f, const struct msc_model *m);

/* A number with up to six decimals and no trailing zeros ("0.8", "12");
 * "" for NAN. buf of at least 40 bytes. */
void msc_format_number(double v, char *buf);

#endif

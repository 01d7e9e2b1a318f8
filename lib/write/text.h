/*
 * text.h: the coach's terminal view (--format text): the Scorecard as an
 * aligned table, or one technician's coaching card (--tech NAME), with the
 * same figures as the workbook (report/coach.h). Colour (ANSI: green met,
 * yellow within the amber band, red missed) only when the caller asks for
 * it: a terminal without NO_COLOR. Names from the input are printed with
 * control characters as '?', so no export can drive the terminal.
 */
#ifndef MSC_WRITE_TEXT_H
#define MSC_WRITE_TEXT_H

#include <stdio.h>

#include "report/coach.h"

/* -1 when fp could not be written. */
int msc_write_text(FILE *fp, const struct msc_coach *c, int colour);
int msc_write_text_card(FILE *fp, const struct msc_coach *c, const struct msc_coach_tech *t,
                        int colour);

#endif

/* test_strset.c: the case-blind string set (util/strset.h). */
#include "check.h"
#include "util/strset.h"

#include <stdio.h>

int main(void)
{
    struct msc_strset s;
    msc_strset_init(&s);
    CHECK(!msc_strset_has(&s, "Ann"));
    CHECK(msc_strset_add(&s, "Ann Lee-2026-10.xlsx") == 0);
    /* Case-blind, as a macOS or Windows folder is; white space counts. */
    CHECK(msc_strset_has(&s, "ann lee-2026-10.XLSX"));
    CHECK(!msc_strset_has(&s, "Ann  Lee-2026-10.xlsx"));
    CHECK(!msc_strset_has(&s, "Ann Lee-2026-10.xls"));

    /* Grows past its first table and still finds every one, long ones too. */
    char name[400];
    for (int i = 0; i < 3000; i++) {
        snprintf(name, sizeof name, "%0300d-Client %d", 0, i);
        CHECK(!msc_strset_has(&s, name));
        CHECK(msc_strset_add(&s, name) == 0);
    }
    for (int i = 0; i < 3000; i++) {
        snprintf(name, sizeof name, "%0300d-CLIENT %d", 0, i);
        CHECK(msc_strset_has(&s, name));
    }
    CHECK(!msc_strset_has(&s, "Client 3000"));
    msc_strset_release(&s);
    return check_report("strset");
}

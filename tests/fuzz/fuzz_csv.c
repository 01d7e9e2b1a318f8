/* fuzz_csv.c: libFuzzer harness: any bytes as one input file of any kind,
 * beside small valid files of the other four kinds, through the whole run
 * (CSV reader, profile detection, loader, KPIs, report, table writers).
 *
 * Input: byte 0 picks the file (% 5: tickets, time_entries, surveys,
 * clients, resources), the date order (/ 5 % 3: auto, the default, so that
 * the raw date pass of read/dateorder.h runs too; dmy; ymd), the profile (/ 15 % 5:
 * auto, generic, autotask, connectwise, halopsa) and the parallel reader's
 * chunk size (/ 75: the default, 1, 7 or 64 bytes, so that rows and quoted
 * fields cross chunk boundaries); byte 1 holds flags (bit 0
 * the report's month from the data instead of 2026-03, bits 1-2 the period
 * kind, bits 3, 4 and 7 all set also write the workbook (slow, so one input in
 * eight), bit 5 decimal comma, bit 6 twelve periods instead of one); the rest is the file. The seed corpus
 * (corpus/fuzz_csv/) carries the same two bytes in front of real files. */
#include "fuzz_common.h"
#include "read/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    fz_init("csv");
    unsigned kind = data[0] % 5, order = data[0] / 5 % 3, prof = data[0] / 15 % 5;
    unsigned flags = data[1];
    static const size_t chunk[4] = {0, 1, 7, 64};
    msc_csv_set_chunk_bytes(chunk[data[0] / 75]);
    fz_put_valid(1u << kind);
    fz_put(msc_file_names[kind], data + 2, size - 2);

    struct msc_run run;
    struct msc_run_opts o;
    msc_run_opts_init(&o);
    o.month = flags & 1 ? -1 : 2026 * 12 + 2;
    o.period = (enum msc_period_kind)((flags >> 1 & 3) % 3);
    o.months = flags & 64 ? 12 : 1;
    o.now = msc_days_from_civil(2026, 4, 15) * 86400;
    o.profile = prof ? msc_profiles[prof - 1] : NULL;
    msc_run_init(&run);
    static const enum msc_date_order orders[3] = {MSC_DATE_AUTO, MSC_DATE_DMY, MSC_DATE_YMD};
    run.settings.date_order = orders[order];
    if (flags & 32)
        run.settings.decimal_comma = 1;
    fz_run(&run, &o, (flags & 0x98) == 0x98);
    msc_run_release(&run);
    return 0;
}

/* fuzz_map.c: libFuzzer harness: any bytes as a map file (--map) through
 * msc_profile_load_map; a map it accepts then reads small valid input
 * files (and, from the input's last byte, one of them with its header
 * names swapped for the map's own, so that the map's aliases, value words
 * and survey scale are used). Input: the bytes are the file. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[160];
    fz_put_ini("map", "map.ini", data, size, path, sizeof path);

    struct msc_profile *map = NULL;
    struct msc_error err = {0};
    enum msc_status st = msc_profile_load_map(path, &map, &err);
    if (st != MSC_OK && (!err.msg[0] || map))
        __builtin_trap(); /* every failure says why and leaves nothing */
    if (st != MSC_OK)
        return 0;
    if (!map)
        __builtin_trap();

    /* The tickets file with the map's first alias of each field as the
     * header, and one ticket's values below it. */
    char header[4096];
    size_t n = 0;
    header[0] = '\0';
    for (int f = 0; f < msc_field_count[MSC_FILE_TICKETS] && n < sizeof header - 64; f++) {
        const char *a = map->headers[MSC_FILE_TICKETS][f];
        if (!a) /* a field the map leaves out is looked for under its own name */
            a = msc_field_names[MSC_FILE_TICKETS][f];
        size_t len = strcspn(a, "|,\"\n\r");
        if (len > 48)
            len = 48;
        n += (size_t)snprintf(header + n, sizeof header - n, "%s%.*s", f ? "," : "", (int)len, a);
    }
    unsigned remap = size ? data[size - 1] & 1 : 0;
    if (remap) {
        /* ticket_id,number,created,client,... in the canonical field order */
        static const char row[] = "\nT1,1001,2026-03-02 09:00,Contoso Ltd,Incident,Alice Ng,"
                                  "2026-03-02 09:30,2026-03-02 09:10,,,2026-03-02 17:00,"
                                  "2026-03-02 12:00,2026-03-03 09:00,2,yes,0,met,,E,no\n";
        char file[4096 + sizeof row];
        int len = snprintf(file, sizeof file, "%s%s", header, row);
        fz_put("tickets.csv", file, (size_t)len);
    } else {
        fz_put("tickets.csv", fz_tickets, strlen(fz_tickets));
    }

    struct msc_run run;
    struct msc_run_opts o;
    msc_run_opts_init(&o);
    o.month = 2026 * 12 + 2;
    o.months = 1;
    o.profile = map;
    msc_run_init(&run);
    fz_run(&run, &o, 0);
    msc_run_release(&run);
    msc_profile_free(map);
    return 0;
}

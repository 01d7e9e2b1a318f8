/* csv_baseline.c: the parser baseline for the benchmark: reads files with
 * libcsv and no-op callbacks, in the same 64 KiB chunks the program uses,
 * and prints the bytes read. The figure that counts is msp-scorecard's
 * throughput over this one's, on the same files in the same run. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static void on_field(void *s, size_t len, void *data) { (void)s, (void)len, (void)data; }
static void on_row(int c, void *data) { (void)c, (void)data; }

int main(int argc, char **argv)
{
    static char buf[65536];
    unsigned long long bytes = 0;
    for (int i = 1; i < argc; i++) {
        struct csv_parser p;
        FILE *f = fopen(argv[i], "rb");
        if (!f || csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
            perror(argv[i]);
            return 1;
        }
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
            bytes += n;
            csv_parse(&p, buf, n, on_field, on_row, NULL);
        }
        csv_fini(&p, on_field, on_row, NULL);
        csv_free(&p);
        fclose(f);
    }
    printf("%llu\n", bytes);
    return 0;
}

/* fixture.h: input files written to a fresh folder for a library test. */
#ifndef MSC_TEST_FIXTURE_H
#define MSC_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Makes the folder from a mkdtemp pattern; 0 when it cannot. */
static inline int fixture_open(char *dir) { return mkdtemp(dir) != NULL; }

static inline void fixture_write(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Removes the files named in a NUL-separated list, then the folder. */
static inline void fixture_close(const char *dir, const char *names)
{
    for (const char *f = names; *f; f += strlen(f) + 1) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, f);
        unlink(path);
    }
    rmdir(dir);
}

#endif

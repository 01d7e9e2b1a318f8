/* check.h: the few lines of test harness every unit test shares. */
#ifndef MSC_TEST_CHECK_H
#define MSC_TEST_CHECK_H

#include <stdio.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (cond)                                                                     \
            check_passed++;                                                           \
        else {                                                                        \
            check_failed++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

#define CHECK_NEAR(a, b) CHECK(fabs((a) - (b)) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1))

/* Prints the closing line CTest logs show and returns main's status. */
static int check_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed != 0;
}

#endif

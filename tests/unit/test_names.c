/* test_names.c: the name tables' keyed hash (issue 17: ticket ids chosen
 * to collide under the old unkeyed hash made loading quadratic). */
#include "check.h"
#include "util/names.h"
#include "util/siphash.h"

#include <stdint.h>
#include <string.h>

/* The unkeyed hash the tables used before: 16-byte names whose second
 * block cancels the first all hashed alike, whatever the table size. */
static uint64_t old_first_block(uint64_t w1)
{
    uint64_t h = (0x9E3779B97F4A7C15ull ^ 16) ^ w1;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 32);
}

/* The old hash in full, to show the family collides under it. */
static uint32_t old_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len, w;
    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, len);
    h ^= w;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* A byte that folding leaves alone and a C string can hold. */
static int plain(unsigned char c)
{
    return c && !(c >= 'A' && c <= 'Z') && !strchr(" \t\r\n\f\v", c);
}

/* The i-th of a family of names that all collided under the old hash. */
static int crafted(uint64_t *state, char out[17])
{
    for (;;) {
        *state = *state * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t w1 = 0, s = *state;
        for (int i = 0; i < 8; i++, s >>= 5)
            w1 |= (uint64_t)('a' + (s & 15)) << (8 * i);
        uint64_t w2 = old_first_block(w1) ^ 0x6b6b6b6b6b6b6b6bull;
        int ok = 1;
        for (int i = 0; i < 8; i++)
            ok &= plain((unsigned char)(w2 >> (8 * i)));
        if (!ok)
            continue;
        for (int i = 0; i < 8; i++) {
            out[i] = (char)(w1 >> (8 * i));
            out[8 + i] = (char)(w2 >> (8 * i));
        }
        out[16] = '\0';
        return 0;
    }
}

int main(void)
{
    /* SipHash-1-3 with the all-zero key, as CPython 3.11 hashes bytes
     * (PYTHONHASHSEED=0 python3 -c 'print(hash(b"a") & (2**64-1))'). */
    struct msc_hash_key zero = {0, 0};
    CHECK(msc_siphash(&zero, "a", 1) == 0x407448d2b89b1813ull);
    CHECK(msc_siphash(&zero, "abcdefgh", 8) == 0x3f7b849c0b8e35eaull);
    CHECK(msc_siphash(&zero, "abcdefghijklmno", 15) == 0x1fd27a29b0e9dc7aull);
    CHECK(msc_siphash(&zero, "ticket-000123", 13) == 0xc71c6f7a41149f70ull);
    /* A key changes the hash; the run's key is drawn once. */
    struct msc_hash_key one = {1, 0};
    CHECK(msc_siphash(&one, "a", 1) != msc_siphash(&zero, "a", 1));
    CHECK(msc_hash_key() == msc_hash_key());

    /* 4000 names chosen against the old hash: with it they filled one run
     * of slots 4000 long, and each lookup walked it. */
    enum { N = 4000 };
    struct msc_names t;
    msc_names_init(&t);
    uint64_t state = 17;
    char name[17];
    uint32_t first = 0;
    for (int i = 0; i < N; i++) {
        crafted(&state, name);
        if (i == 0)
            first = old_hash(name, 16);
        CHECK(old_hash(name, 16) == first);
        if (msc_names_intern(&t, name) < 0)
            CHECK(!"intern failed");
    }
    CHECK(msc_names_count(&t) == N);
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < t.nslots; i++) {
        run = t.slots[i].id ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    printf("longest run of occupied slots: %zu of %zu\n", longest, t.nslots);
    CHECK(longest < 100);
    msc_names_release(&t);

    /* Hashed ahead (as the parser threads do), names find and intern as
     * without: spellings that fold alike, blanks, and a name too long to
     * be hashed ahead. */
    static const char *const spellings[] = {
        "Alice Ng", " alice  NG ", "ALICE NG\t", "Bob", "bob", "", "   ",
        "A client whose name runs on well past the sixty-four bytes hashed ahead",
        "a client whose name runs on  well past the sixty-four bytes hashed ahead ", "T20241101.0002"};
    struct msc_names plain, ahead;
    msc_names_init(&plain);
    msc_names_init(&ahead);
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
            struct msc_name_hashes h;
            msc_names_hash(spellings[i], (int)i % 2, &h);
            CHECK(msc_names_intern_hashed(&ahead, spellings[i], &h) == msc_names_intern(&plain, spellings[i]));
            CHECK(msc_names_find_hashed(&ahead, spellings[i], &h) == msc_names_find(&plain, spellings[i]));
            msc_names_prefetch(&ahead, spellings[i], &h);
        }
    CHECK(msc_names_count(&ahead) == 4 && msc_names_count(&plain) == 4);
    msc_names_release(&plain);
    msc_names_release(&ahead);

    /* A table of keys keeps one folded copy; spellings find it alike. A
     * forgotten table keeps its count and finds nothing. */
    struct msc_names ids;
    msc_names_init_keys(&ids);
    CHECK(msc_names_intern(&ids, " T-1 ") == 0);
    CHECK(msc_names_intern(&ids, "t-2") == 1);
    CHECK(msc_names_find(&ids, "t-1") == 0 && msc_names_find(&ids, "T-1") == 0);
    CHECK(strcmp(msc_names_display(&ids, 0), "t-1") == 0);
    msc_names_forget(&ids);
    CHECK(msc_names_count(&ids) == 2);
    CHECK(msc_names_find(&ids, "t-1") == -1 && msc_names_find(&ids, "T-1") == -1);
    CHECK(strcmp(msc_names_display(&ids, 1), "") == 0);
    msc_names_release(&ids);
    return check_report("names");
}

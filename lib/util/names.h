/*
 * names.h: interning of names compared the way MSPs write them.
 *
 * Technicians, clients and ticket ids are the same name when they match
 * after trimming, folding runs of white space (ASCII space, tab, CR, LF, FF,
 * VT) to one space and folding ASCII case. Each distinct name gets a dense
 * id 0, 1, 2 ... in order of first sight, and keeps its first spelling
 * (trimmed) for reports. Strings live in the table's own arena. The table
 * hashes with the run's random key, so input cannot choose collisions.
 *
 *     struct msc_names people;
 *     msc_names_init(&people);
 *     int id = msc_names_intern(&people, " alice  NG ");  // same id as "Alice Ng"
 *     puts(msc_names_display(&people, id));
 *     msc_names_release(&people);
 */
#ifndef MSC_UTIL_NAMES_H
#define MSC_UTIL_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/siphash.h"

struct msc_names {
    struct msc_arena arena;
    struct msc_hash_key seed; /* the run's (msc_hash_key), copied at init */
    const char **display; /* id -> first spelling; NULL for a table of keys */
    const char **key;     /* id -> folded form */
    size_t count, cap;
    int keys_only;        /* msc_names_init_keys */
    /* Open addressing. The key's hash sits beside its id so that probing
     * past other names touches no other memory: with a million ticket
     * ids, each such touch was a cache miss. */
    struct msc_names_slot {
        uint32_t hash;
        int32_t id;       /* id + 1; 0 = empty */
    } *slots;
    size_t nslots;
    /* Names as written, by a hash of the raw bytes, with their ids: rows
     * repeat the same spellings, which then skip folding. Sized by the
     * table (names.c, seen_size): with 6,000 clients a fixed 256 slots
     * missed nine times in ten. */
    struct msc_names_seen {
        uint32_t hash;
        int id;          /* -1: empty slot */
        char raw[48];
    } *seen;
    size_t nseen;
    char *scratch;
    size_t scratch_cap;
};

void msc_names_init(struct msc_names *n);
/* A table that keeps only the folded keys (ticket ids, which no report
 * shows: their first spellings were a third of the memory at 2M tickets);
 * msc_names_display gives the folded key. */
void msc_names_init_keys(struct msc_names *n);
void msc_names_release(struct msc_names *n);
/* Frees the names and their index but keeps the count, for a table that
 * is never searched again (the ticket ids once every file is read):
 * afterwards msc_names_find finds nothing, msc_names_display gives "",
 * and msc_names_intern must not be called. */
void msc_names_forget(struct msc_names *n);

/* The id of s, or -1 when unknown or when s is empty after trimming. */
int msc_names_find(struct msc_names *n, const char *s);
/* The id of s, adding it when new; -1 when s is empty, -2 out of memory. */
int msc_names_intern(struct msc_names *n, const char *s);
const char *msc_names_display(const struct msc_names *n, int id);

/* A name's hashes, worked out ahead of its lookups and in any thread (they
 * depend only on the name and the run's key): a loader's parser threads
 * hash each row's names, so that the loader's thread does not. */
struct msc_name_hashes {
    uint32_t raw;        /* of the spelling as written */
    uint32_t key;        /* of the folded form, when has_key */
    uint32_t len;        /* the spelling's length */
    int has_key;         /* the folded form was short enough to hash ahead */
};
/* with_key: hash the folded form too, which only a lookup that misses
 * the cache of spellings needs (every ticket id; few technicians). */
void msc_names_hash(const char *s, int with_key, struct msc_name_hashes *h);
/* msc_names_find and _intern, given s's hashes (h NULL: none). */
int msc_names_find_hashed(struct msc_names *n, const char *s, const struct msc_name_hashes *h);
int msc_names_intern_hashed(struct msc_names *n, const char *s, const struct msc_name_hashes *h);
/* A hint, changing nothing: s will be looked up soon (h: its hashes, or
 * NULL). With a million ticket ids the table is far larger than the
 * cache, and a lookup waited on memory for most of its time. */
void msc_names_prefetch(const struct msc_names *n, const char *s, const struct msc_name_hashes *h);
static inline size_t msc_names_count(const struct msc_names *n) { return n->count; }

/* Folds s into buf (cap bytes, NUL-terminated, truncated if short);
 * returns the folded length. Exposed for list matching (work types). */
size_t msc_name_fold(const char *s, char *buf, size_t cap);
/* Whether s names one of the items of a comma-separated list, compared folded. */
int msc_name_in_list(const char *s, const char *list);

#endif

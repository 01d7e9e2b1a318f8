/* names.c: folded-name hash table (linear probing). */
#include "util/names.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Writes the folded form of s; returns its length (may exceed cap - 1). */
static size_t fold(const char *s, char *buf, size_t cap)
{
    size_t len = 0;
    int space = 0;
    while (is_ws((unsigned char)*s))
        s++;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (is_ws(c)) {
            space = 1;
            continue;
        }
        if (space) {
            if (len + 1 < cap)
                buf[len] = ' ';
            len++;
            space = 0;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (len + 1 < cap)
            buf[len] = (char)c;
        len++;
    }
    if (cap)
        buf[len < cap ? len : cap - 1] = '\0';
    return len;
}

size_t msc_name_fold(const char *s, char *buf, size_t cap) { return fold(s, buf, cap); }

void msc_names_init(struct msc_names *n)
{
    memset(n, 0, sizeof *n);
    msc_arena_init(&n->arena);
    n->seed = *msc_hash_key();
}

void msc_names_init_keys(struct msc_names *n)
{
    msc_names_init(n);
    n->keys_only = 1;
}

void msc_names_release(struct msc_names *n)
{
    msc_arena_release(&n->arena);
    free(n->display);
    free(n->key);
    free(n->slots);
    free(n->scratch);
    free(n->seen);
    memset(n, 0, sizeof *n);
}

void msc_names_forget(struct msc_names *n)
{
    size_t count = n->count;
    msc_names_release(n);
    msc_names_init(n);
    n->count = count;
}

/* Keyed (siphash.h): ticket ids come from files anyone can write, and
 * with an unkeyed hash 100,000 ids chosen to collide took 8 s to load
 * instead of 0.3. Eight bytes a round, so it stays cheap on short names. */
static uint32_t hash(const struct msc_names *n, const char *s, size_t len)
{
    return (uint32_t)msc_siphash(&n->seed, s, len);
}

/* Folds s into the scratch buffer; returns it (its length in *len), or
 * NULL on no memory. */
static const char *fold_scratch(struct msc_names *n, const char *s, size_t raw_len, size_t *len)
{
    if (msc_grow(&n->scratch, &n->scratch_cap, raw_len + 1, 1) < 0)
        return NULL;
    *len = fold(s, n->scratch, n->scratch_cap);
    return n->scratch;
}

/* The slot of key, or the empty slot where it would go. */
static struct msc_names_slot *lookup(struct msc_names *n, const char *key, uint32_t h)
{
    size_t mask = n->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct msc_names_slot *slot = &n->slots[i];
        if (slot->id == 0 || (slot->hash == h && strcmp(n->key[slot->id - 1], key) == 0))
            return slot;
    }
}

/* A spelling of a name as rows write it, and where it is cached. */
struct raw {
    const char *s;
    size_t len;
    uint32_t hash;
    struct msc_names_seen *seen;
};

/* Where a spelling with raw hash h is cached, or NULL before any is. */
static struct msc_names_seen *seen_at(const struct msc_names *n, uint32_t h)
{
    return n->nseen ? &n->seen[h & (n->nseen - 1)] : NULL;
}

/* The id of s when it was seen written exactly so, or -1. */
static int cached(struct msc_names *n, const char *s, struct raw *raw, const struct msc_name_hashes *ahead)
{
    raw->s = s;
    raw->len = ahead ? ahead->len : strlen(s);
    uint32_t h = raw->hash = ahead ? ahead->raw : hash(n, s, raw->len);
    const struct msc_names_seen *e = raw->seen = seen_at(n, h);
    return e && e->id >= 0 && e->hash == h && strcmp(e->raw, s) == 0 ? e->id : -1;
}

static void remember(const struct raw *raw, int id)
{
    struct msc_names_seen *e = raw->seen;
    if (e && raw->len < sizeof e->raw) {
        e->hash = raw->hash;
        e->id = id;
        memcpy(e->raw, raw->s, raw->len + 1);
    }
}

/* Names whose folded form is at least this long are not hashed ahead. */
#define KEY_AHEAD 64

void msc_names_hash(const char *s, int with_key, struct msc_name_hashes *h)
{
    char key[KEY_AHEAD];
    size_t len = strlen(s), klen = with_key ? fold(s, key, sizeof key) : sizeof key;
    h->len = (uint32_t)len;
    h->raw = (uint32_t)msc_siphash(msc_hash_key(), s, len);
    h->has_key = klen < sizeof key;
    h->key = h->has_key ? (uint32_t)msc_siphash(msc_hash_key(), key, klen) : 0;
}

void msc_names_prefetch(const struct msc_names *n, const char *s, const struct msc_name_hashes *h)
{
    struct msc_name_hashes own;
    if (!h) {
        msc_names_hash(s, 1, &own);
        h = &own;
    }
    const struct msc_names_seen *e = seen_at(n, h->raw);
    if (!n->nslots || (e && e->id >= 0 && e->hash == h->raw) || !h->has_key)
        return;
#ifdef __GNUC__
    __builtin_prefetch(&n->slots[h->key & (n->nslots - 1)]);
#endif
}


/* Looks s up by its spelling, then by its folded key (left in n->scratch).
 * Returns its id; else -1 with *slot where the key would go (NULL when s
 * is empty after folding, or the table is), or -2 on no memory. */
static int find_slot(struct msc_names *n, const char *s, struct raw *raw,
                     struct msc_names_slot **slot, uint32_t *key_hash, const struct msc_name_hashes *ahead)
{
    *slot = NULL;
    int id = cached(n, s, raw, ahead);
    if (id >= 0)
        return id;
    size_t len;
    const char *key = fold_scratch(n, s, raw->len, &len);
    if (!key)
        return -2;
    if (!*key || n->nslots == 0)
        return -1;
    *key_hash = ahead && ahead->has_key ? ahead->key : hash(n, key, len);
    *slot = lookup(n, key, *key_hash);
    if (!(*slot)->id)
        return -1;
    remember(raw, (*slot)->id - 1);
    return (*slot)->id - 1;
}

int msc_names_find_hashed(struct msc_names *n, const char *s, const struct msc_name_hashes *ahead)
{
    struct raw raw;
    struct msc_names_slot *slot;
    uint32_t h;
    int id = find_slot(n, s, &raw, &slot, &h, ahead);
    return id >= 0 ? id : -1;
}

int msc_names_find(struct msc_names *n, const char *s) { return msc_names_find_hashed(n, s, NULL); }

static int rehash(struct msc_names *n)
{
    size_t nslots = n->nslots ? n->nslots * 2 : 64, mask = nslots - 1;
    struct msc_names_slot *slots = msc_calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < n->nslots; i++)
        if (n->slots[i].id) {
            size_t j = n->slots[i].hash & mask;
            while (slots[j].id)
                j = (j + 1) & mask;
            slots[j] = n->slots[i];
        }
    free(n->slots);
    n->slots = slots;
    n->nslots = nslots;
    return 0;
}

/* The cache of spellings holds every name of a small table (people,
 * clients) twice over. A table larger than fits the processor's cache
 * (ticket ids) keeps a small one, for a name repeated in rows in a row:
 * probing a large one cost a cache miss on every lookup. */
static size_t seen_size(size_t count)
{
    size_t size = 256;
    if (count > 8192)
        return size;
    while (size < 2 * count)
        size *= 2;
    return size;
}

/* Makes the cache size entries, empty; out of memory, it stays as it is
 * (it is only a cache). */
static void resize_seen(struct msc_names *n, size_t size)
{
    struct msc_names_seen *seen = msc_malloc(size * sizeof *seen);
    if (!seen)
        return;
    for (size_t i = 0; i < size; i++)
        seen[i].id = -1;
    free(n->seen);
    n->seen = seen;
    n->nseen = size;
}

int msc_names_intern(struct msc_names *n, const char *s) { return msc_names_intern_hashed(n, s, NULL); }

int msc_names_intern_hashed(struct msc_names *n, const char *s, const struct msc_name_hashes *ahead)
{
    struct raw raw;
    struct msc_names_slot *slot;
    uint32_t h;
    /* Room first, so that the slot found is where a new name goes. */
    if ((n->count + 1) * 2 > n->nslots && rehash(n) < 0)
        return -2;
    int id = find_slot(n, s, &raw, &slot, &h, ahead);
    if (id != -1 || !slot)
        return id;
    if (n->count >= INT32_MAX - 1)
        return -2;
    /* display and key grow alike (they double from 16). */
    size_t cap = n->cap;
    if ((!n->keys_only && msc_grow(&n->display, &cap, n->count + 1, sizeof *n->display) < 0) ||
        msc_grow(&n->key, &n->cap, n->count + 1, sizeof *n->key) < 0)
        return -2;
    const char *k = msc_arena_strdup(&n->arena, n->scratch);
    if (!k)
        return -2;
    if (!n->keys_only) {
        while (is_ws((unsigned char)*s))
            s++;
        size_t len = raw.len - (size_t)(s - raw.s);
        while (len && is_ws((unsigned char)s[len - 1]))
            len--;
        /* A name written as its key (most are) is kept once. */
        const char *disp = len == strlen(k) && memcmp(s, k, len) == 0 ? k : msc_arena_strndup(&n->arena, s, len);
        if (!disp)
            return -2;
        n->display[n->count] = disp;
    }
    n->key[n->count] = k;
    slot->hash = h;
    slot->id = (int32_t)++n->count;
    if (seen_size(n->count) != n->nseen)
        resize_seen(n, seen_size(n->count));
    return (int)n->count - 1;
}

const char *msc_names_display(const struct msc_names *n, int id)
{
    if (id < 0 || (size_t)id >= n->count || !n->key)
        return "";
    return n->keys_only ? n->key[id] : n->display[id];
}

int msc_name_in_list(const char *s, const char *list)
{
    char want[256], item[256];
    size_t wl = fold(s, want, sizeof want);
    if (wl == 0 || wl >= sizeof want)
        return 0;
    while (*list) {
        const char *comma = strchr(list, ',');
        size_t len = comma ? (size_t)(comma - list) : strlen(list);
        char tmp[256];
        if (len < sizeof tmp) {
            memcpy(tmp, list, len);
            tmp[len] = '\0';
            if (fold(tmp, item, sizeof item) == wl && strcmp(item, want) == 0)
                return 1;
        }
        if (!comma)
            break;
        list = comma + 1;
    }
    return 0;
}

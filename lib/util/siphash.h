/*
 * siphash.h: SipHash-1-3 (Aumasson and Bernstein; the variant Python and
 * Rust hash their tables with), a keyed hash for tables whose keys come
 * from input files: without the key nobody can choose ticket ids that all
 * land in one slot and make every lookup a walk through all of them.
 *
 * msc_hash_key() is the run's key, drawn once from getrandom(2) (from the
 * clock and the process id should that fail: still unknown to whoever
 * wrote the input).
 *
 *     uint64_t h = msc_siphash(msc_hash_key(), s, strlen(s));
 */
#ifndef MSC_UTIL_SIPHASH_H
#define MSC_UTIL_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

struct msc_hash_key {
    uint64_t k0, k1;
};

uint64_t msc_siphash(const struct msc_hash_key *key, const void *p, size_t len);
const struct msc_hash_key *msc_hash_key(void);

#endif

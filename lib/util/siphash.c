/* siphash.c: SipHash-1-3 and the run's random key. */
#include "util/siphash.h"

#include <pthread.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                   \
    do {                                                                                           \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);                                  \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                                     \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                                     \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);                                  \
    } while (0)

/* Little-endian loads, whatever the machine's order. */
static uint64_t load64(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

uint64_t msc_siphash(const struct msc_hash_key *key, const void *p, size_t len)
{
    const unsigned char *in = p;
    uint64_t v0 = 0x736f6d6570736575ull ^ key->k0, v1 = 0x646f72616e646f6dull ^ key->k1,
             v2 = 0x6c7967656e657261ull ^ key->k0, v3 = 0x7465646279746573ull ^ key->k1;
    uint64_t b = (uint64_t)len << 56;
    for (; len >= 8; in += 8, len -= 8) {
        uint64_t m = load64(in, 8);
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    b |= load64(in, len);
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

static struct msc_hash_key run_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void make_key(void)
{
    unsigned char buf[16];
    if (getrandom(buf, sizeof buf, GRND_NONBLOCK) != (ssize_t)sizeof buf) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t mix[2] = {(uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32),
                           (uint64_t)ts.tv_sec ^ (uint64_t)(uintptr_t)&ts};
        memcpy(buf, mix, sizeof buf);
    }
    run_key.k0 = load64(buf, 8);
    run_key.k1 = load64(buf + 8, 8);
}

const struct msc_hash_key *msc_hash_key(void)
{
    pthread_once(&key_once, make_key);
    return &run_key;
}

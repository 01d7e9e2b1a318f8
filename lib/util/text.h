/*
 * text.h: text encodings: what the reader makes of an export's bytes and
 * the workbook checks again before a string reaches the package.
 */
#ifndef MSC_UTIL_TEXT_H
#define MSC_UTIL_TEXT_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence of a byte >= 0x80 at p (before
 * end), or 0: no overlong forms, surrogates or code points past U+10FFFF. */
size_t msc_utf8_seq(const unsigned char *p, const unsigned char *end);
/* Whether len bytes of s are valid UTF-8 (NUL bytes included). */
int msc_utf8_valid(const char *s, size_t len);
/* Converts Windows-1252 bytes to UTF-8 (the five undefined bytes keep
 * their C1 code point). Writes into out (cap bytes, NUL-terminated when
 * cap > 0); returns the length needed (a caller grows out and calls again
 * when it is >= cap). */
size_t msc_cp1252_to_utf8(const char *s, size_t len, char *out, size_t cap);

#endif

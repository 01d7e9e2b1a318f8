/*
 * inifile.h: an INI file (settings, map) read through libinih whatever its
 * line ends: LF, CRLF, or CR alone (old Mac and some Windows editors save
 * so; libinih would read such a file as one long line and see no key).
 *
 * Returns libinih's codes: 0, the number of the first line in error (its
 * handler returned 0), -1 when the file cannot be opened or read (errno
 * set), -2 out of memory; and -3 when the path is a folder (libinih
 * would read nothing and call that a success; a pipe is read). *line,
 * when line is not NULL, is the line the handler is called for.
 */
#ifndef MSC_UTIL_INIFILE_H
#define MSC_UTIL_INIFILE_H

#include <ini.h>

int msc_ini_parse_file(const char *path, ini_handler handler, void *user, int *line);

#endif

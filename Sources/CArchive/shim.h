#ifndef EVIDENT_CARCHIVE_SHIM_H
#define EVIDENT_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>

/* The AE_IF* constants are cast macros that Swift cannot import. */
static const unsigned int CARCHIVE_AE_IFMT = AE_IFMT;
static const unsigned int CARCHIVE_AE_IFREG = AE_IFREG;
static const unsigned int CARCHIVE_AE_IFDIR = AE_IFDIR;
static const unsigned int CARCHIVE_AE_IFLNK = AE_IFLNK;
static const unsigned int CARCHIVE_AE_IFIFO = AE_IFIFO;
static const unsigned int CARCHIVE_AE_IFCHR = AE_IFCHR;

#endif

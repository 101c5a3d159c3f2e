#ifndef EVIDENT_CPSL_SHIM_H
#define EVIDENT_CPSL_SHIM_H

#include <libpsl.h>

#endif

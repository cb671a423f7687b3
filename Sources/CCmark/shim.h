#ifndef CHARTER_CCMARK_SHIM_H
#define CHARTER_CCMARK_SHIM_H
#include <cmark.h>
#endif

#ifndef CHARTER_CGRAPHVIZ_SHIM_H
#define CHARTER_CGRAPHVIZ_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* The file libgvc was loaded from, so that its plugins can be found beside it in graphviz/; NULL when unknown. */
static inline const char *charter_gvc_library_path(void) {
    Dl_info info;
    if (dladdr((const void *)&gvContext, &info) == 0) return 0;
    return info.dli_fname;
}
#endif

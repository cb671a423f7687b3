#ifndef CHARTER_CLINUX_SHIM_H
#define CHARTER_CLINUX_SHIM_H
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Exchanges two paths atomically (renameat2 with RENAME_EXCHANGE); -1 and errno where the kernel lacks it. */
static inline int charter_rename_exchange(const char *from, const char *to) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 2 /* RENAME_EXCHANGE */);
#else
    return -1;
#endif
}

/* Gives the memory the allocator holds free back to the system (glibc otherwise keeps freed memory for reuse, so a
   long-running process would stay at the size of its largest moment). */
static inline void charter_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
#endif

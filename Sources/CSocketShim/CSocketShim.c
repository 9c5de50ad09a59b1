#define _GNU_SOURCE
#include <sys/socket.h>
#include "CSocketShim.h"

int cshim_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    return accept4(fd, addr, len, flags);
}

int cshim_sock_nonblock(void) { return SOCK_NONBLOCK; }
int cshim_sock_cloexec(void) { return SOCK_CLOEXEC; }

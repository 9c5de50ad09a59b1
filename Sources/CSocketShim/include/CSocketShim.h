#ifndef CSOCKETSHIM_H
#define CSOCKETSHIM_H
#include <sys/types.h>
#include <sys/socket.h>

/* Glibc declares accept4 only under _GNU_SOURCE, which Swift's Glibc module does not set. */
int cshim_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);

/* Flag values as plain ints: Swift imports SOCK_NONBLOCK/SOCK_CLOEXEC as enum cases. */
int cshim_sock_nonblock(void);
int cshim_sock_cloexec(void);
#endif

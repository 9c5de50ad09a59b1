#ifndef CSOCKETSHIM_H
#define CSOCKETSHIM_H
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <spawn.h>

/* Calls Glibc's Swift module map leaves out: accept4 sits behind _GNU_SOURCE, <sys/epoll.h> is not
   in the module at all. Thin wrappers, so Swift never has to assume a struct layout. */

int cshim_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);

/* Flag values as plain ints: Swift imports SOCK_NONBLOCK/SOCK_CLOEXEC as enum cases. */
int cshim_sock_nonblock(void);
int cshim_sock_cloexec(void);

/* epoll, level-triggered, with a 64-bit token per registration. */
int cshim_epoll_create_cloexec(void);
/* op: 1 add, 2 delete, 3 modify (EPOLL_CTL_*). */
int cshim_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token);
/* An opaque array of `capacity` events. */
void *cshim_epoll_events_alloc(int capacity);
void cshim_epoll_events_free(void *events);
/* Waits up to timeout_ms (0: do not block); returns the count, or -1 with errno. */
int cshim_epoll_wait(int epfd, void *events, int capacity, int timeout_ms);
uint32_t cshim_epoll_event_flags(const void *events, int index);
uint64_t cshim_epoll_event_token(const void *events, int index);

/* Process spawning (the OpenClaw command runner). */
/* A pipe whose two ends are close-on-exec from birth; 0 or -1 with errno. */
int cshim_pipe_cloexec(int fds[2]);
/* Asks posix_spawn to close every descriptor from `lowest` up in the child (glibc >= 2.34). */
int cshim_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);
/* Names the calling thread (at most 15 bytes are kept); 0 or an errno value. */
int cshim_set_thread_name(const char *name);
#endif

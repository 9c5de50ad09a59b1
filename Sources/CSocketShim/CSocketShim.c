#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include "CSocketShim.h"

int cshim_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    return accept4(fd, addr, len, flags);
}

int cshim_sock_nonblock(void) { return SOCK_NONBLOCK; }
int cshim_sock_cloexec(void) { return SOCK_CLOEXEC; }

int cshim_epoll_create_cloexec(void) { return epoll_create1(EPOLL_CLOEXEC); }

int cshim_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event = { .events = events, .data.u64 = token };
    return epoll_ctl(epfd, op, fd, &event);
}

void *cshim_epoll_events_alloc(int capacity) {
    return calloc((size_t)capacity, sizeof(struct epoll_event));
}

void cshim_epoll_events_free(void *events) { free(events); }

int cshim_epoll_wait(int epfd, void *events, int capacity, int timeout_ms) {
    return epoll_wait(epfd, (struct epoll_event *)events, capacity, timeout_ms);
}

uint32_t cshim_epoll_event_flags(const void *events, int index) {
    return ((const struct epoll_event *)events)[index].events;
}

uint64_t cshim_epoll_event_token(const void *events, int index) {
    return ((const struct epoll_event *)events)[index].data.u64;
}

int cshim_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int cshim_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}

int cshim_set_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = '\0';
    return pthread_setname_np(pthread_self(), truncated);
}

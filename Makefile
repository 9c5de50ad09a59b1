# openclaw-self-heal: `make run` builds and starts the daemon, `make test` runs every test.
# Both install what they need from Debian's packages first (through sudo when not root).

SWIFT      ?= swift
PREFIX     ?= /usr/local
DESTDIR    ?=
BIN        := openclaw-self-heal
RUN_ARGS   ?=

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Build: libsystemd for sd_notify / sd_listen_fds / sd_journal.
BUILD_DEPS := libsystemd-dev pkg-config
# Tests: curl against the built binary, promtool and a real Prometheus server, systemd-analyze and
# systemd-socket-activate (package systemd), python3 for the OpenClaw test double.
TEST_DEPS  := $(BUILD_DEPS) curl prometheus systemd python3
# Benchmarks: wrk as the load generator, nginx as the reference server.
BENCH_DEPS := $(TEST_DEPS) wrk nginx-light procps

# Installs the Debian packages given as $(1) that are not installed yet; apt-get update runs only
# when something is missing.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: all build run test deps-build deps-test deps-bench bench harden demo install clean

all: build

deps-build:
	$(call apt_install,$(BUILD_DEPS))

deps-test:
	$(call apt_install,$(TEST_DEPS))

deps-bench:
	$(call apt_install,$(BENCH_DEPS))

build: deps-build
	$(SWIFT) build -c release

run: build
	./.build/release/$(BIN) serve $(RUN_ARGS)

test: deps-test
	$(SWIFT) build --build-tests
	OPENCLAW_SELF_HEAL_BIN=$(CURDIR)/.build/debug/$(BIN) $(SWIFT) test --skip-build

clean:
	rm -rf .build

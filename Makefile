# openclaw-self-heal: `make run` builds and starts the daemon, `make test` runs every test.
# Both install what they need from Debian's packages first (through sudo when not root).

SWIFT      ?= swift
PREFIX     ?= /usr/local
DESTDIR    ?=
BIN        := openclaw-self-heal
RUN_ARGS   ?=

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Build: libsystemd for sd_notify / sd_listen_fds / sd_journal; curl delivers notifications at run
# time (one process per delivery).
BUILD_DEPS := libsystemd-dev pkg-config curl
# Tests: curl against the built binary, promtool and a real Prometheus server, systemd-analyze and
# systemd-socket-activate (package systemd), python3 for the OpenClaw test double and the
# notification receivers, python3-h11 for the parser's differential check, openssl for the test CA
# of the HTTPS receiver.
TEST_DEPS  := $(BUILD_DEPS) curl prometheus systemd python3 python3-h11 openssl
# Tests/DeploymentTests: the units under a real systemd in a private namespace (util-linux's
# unshare and nsenter, dbus for the user manager), the status page in headless Chromium (openssl
# checks its style hash), the Debian package (dpkg-dev, binutils, lintian, man-db).
TEST_DEPS  += chromium util-linux dbus dpkg-dev binutils lintian man-db
# make deb: dpkg-deb, readelf and strip, lintian.
DEB_DEPS   := $(BUILD_DEPS) dpkg-dev binutils lintian
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

.PHONY: all build run test check deps-build deps-test deps-bench deps-deb bench harden demo install uninstall clean deb

all: build

deps-build:
	$(call apt_install,$(BUILD_DEPS))

deps-test:
	$(call apt_install,$(TEST_DEPS))

deps-bench:
	$(call apt_install,$(BENCH_DEPS))

deps-deb:
	$(call apt_install,$(DEB_DEPS))

# The release link (see bench/README.md, footprint): unused sections dropped, symbols stripped
# (the Debian package strips the same way, so a packaged binary is this one), and a fixed-address
# executable instead of a position-independent one: a PIE's relocations are applied at every start
# and dirty each page of metadata they touch, which is most of the daemon's resident memory.
# --product: the test helpers (Tests/TestSupport, a plain target) import HealCore @testable, which
# a release build refuses.
RELEASE_LINK := -Xlinker --gc-sections -Xlinker --strip-all -Xlinker -no-pie

build: deps-build
	$(SWIFT) build -c release --static-swift-stdlib --product $(BIN) $(RELEASE_LINK)

run: build
	./.build/release/$(BIN) serve $(RUN_ARGS)

# The suites that run in-process on plain values (no daemon, no socket, no timed child): side
# by side, in a minute or two on a warm build. `make test` runs them first, the same way.
IN_PROCESS_SUITES := NetAddressTests|TextFormattingTests|HealCoreTests

test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --filter '$(IN_PROCESS_SUITES)'
	# The rest serially: these tests spawn processes and time their timeouts, and on two cores a
	# parallel run starves them. Tests/DeploymentTests (real systemd, dpkg, Chromium, Prometheus)
	# take about six minutes of it, most of that the two watchdog tests waiting for systemd.
	OPENCLAW_SELF_HEAL_BIN=$(CURDIR)/.build/debug/$(BIN) $(SWIFT) test --skip-build --no-parallel --skip '$(IN_PROCESS_SUITES)'

check: deps-build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --filter '$(IN_PROCESS_SUITES)'

# A scripted incident against the OpenClaw test double, printed as it heals (under a minute).
demo: build
	$(call apt_install,curl python3)
	./demo/run.sh

clean:
	rm -rf .build

# --- benchmarks ---------------------------------------------------------------------------------
# `make bench` builds the release daemon, the in-process harness (bench/harness) and the two Swift
# peers (bench/peers: Hummingbird 2, FlyingFox), each in its own scratch folder under .build-bench/,
# then runs bench/run.py, which measures everything on 127.0.0.1 next to its references (nginx,
# grep, the peers) and writes BENCHMARKS.md. About 15 minutes, plus the peers' first build.
# BENCH_ARGS passes options on, e.g. BENCH_ARGS="--only http,intake" or "--report-only";
# bench/README.md describes each measurement.
BENCH_SCRATCH ?= $(CURDIR)/.build-bench
BENCH_ARGS    ?=

bench: deps-bench build
	cd bench/harness && $(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH)/harness
	cd bench/peers/hummingbird-peer && $(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH)/peers/hummingbird
	cd bench/peers/flyingfox-peer && $(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH)/peers/flyingfox
	BENCH_SCRATCH=$(BENCH_SCRATCH) python3 bench/run.py $(BENCH_ARGS)

# --- harden ---------------------------------------------------------------------------------------
# The long hardening runs (HARDENING.md): each libFuzzer target alone at nice 19 for
# HARDEN_FUZZ_RUNS executions (default 10 million) or HARDEN_FUZZ_SECONDS (default 3600) per
# target, whichever comes first, on the depth build (no ASan), then each again under ASan for
# HARDEN_ASAN_RUNS (1 million) or HARDEN_ASAN_SECONDS (900) from what the depth run kept,
# the parser against h11, then the hardening tests at the long
# scale against the release build (1,000 slowloris connections, 1,100 slow bodies, 200 SIGKILLs
# during churn, every injected fault, the security checks). Loopback only, bounded; the figures
# land in .build/harden/. `make test` runs short versions.
HARDEN_FUZZ_SECONDS ?= 3600
HARDEN_FUZZ_RUNS ?= 10000000
HARDEN_ASAN_SECONDS ?= 900
HARDEN_ASAN_RUNS ?= 1000000

harden: deps-test
	HARDEN_FUZZ_SECONDS=$(HARDEN_FUZZ_SECONDS) HARDEN_FUZZ_RUNS=$(HARDEN_FUZZ_RUNS) \
	HARDEN_ASAN_SECONDS=$(HARDEN_ASAN_SECONDS) HARDEN_ASAN_RUNS=$(HARDEN_ASAN_RUNS) SWIFT=$(SWIFT) ./harden/run.sh

# --- install / uninstall ------------------------------------------------------------------------
# `make install` builds the release binary and installs it with the systemd units, the example
# config and the Prometheus files; deploy/INSTALL.md has the steps around it. PREFIX (default
# /usr/local) and DESTDIR (a staging root, for packages) are honoured. ExecStart= in the installed
# units follows BINDIR, and --config follows SYSCONFDIR.
#
# OPENCLAW_USER=alice also writes a drop-in that runs the system unit as alice, with her
# ~/.openclaw and ~/.aahp writable and XDG_RUNTIME_DIR set for `systemctl --user`. Without it the
# unit runs as the placeholder user "openclaw"; see deploy/INSTALL.md.
#
# Build as yourself first (`make build`), then `sudo make install`: install only copies, so
# nothing in .build ends up owned by root.

BINDIR             ?= $(PREFIX)/bin
SYSCONFDIR         ?= /etc
SYSTEMD_SYSTEM_DIR ?= $(PREFIX)/lib/systemd/system
SYSTEMD_USER_DIR   ?= $(PREFIX)/lib/systemd/user
DATA_DIR           ?= $(PREFIX)/share/openclaw-self-heal
CONFIG_DIR         := $(SYSCONFDIR)/openclaw-self-heal
DROPIN_DIR         := $(SYSCONFDIR)/systemd/system/openclaw-self-heal.service.d
RELEASE_BIN        ?= .build/release/$(BIN)
OPENCLAW_USER      ?=

# Rewrites the paths the shipped units assume (/usr/local/bin, /etc) to the ones installed to.
UNIT_PATHS := sed -e 's|/usr/local/bin/$(BIN)|$(BINDIR)/$(BIN)|g' -e 's|/etc/openclaw-self-heal/|$(CONFIG_DIR)/|g'


install:
	@[ -x $(RELEASE_BIN) ] || { echo "$(RELEASE_BIN) is missing: run 'make build' first (as yourself, not as root)" >&2; exit 1; }
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SYSTEMD_SYSTEM_DIR) $(DESTDIR)$(SYSTEMD_USER_DIR) \
	  $(DESTDIR)$(CONFIG_DIR) $(DESTDIR)$(DATA_DIR)/prometheus
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(BINDIR)/$(BIN)
	$(UNIT_PATHS) deploy/openclaw-self-heal.service > $(DESTDIR)$(SYSTEMD_SYSTEM_DIR)/openclaw-self-heal.service
	$(UNIT_PATHS) deploy/openclaw-self-heal.socket > $(DESTDIR)$(SYSTEMD_SYSTEM_DIR)/openclaw-self-heal.socket
	$(UNIT_PATHS) deploy/openclaw-self-heal.user.service > $(DESTDIR)$(SYSTEMD_USER_DIR)/openclaw-self-heal.service
	$(UNIT_PATHS) deploy/openclaw-self-heal.socket > $(DESTDIR)$(SYSTEMD_USER_DIR)/openclaw-self-heal.socket
	chmod 0644 $(DESTDIR)$(SYSTEMD_SYSTEM_DIR)/openclaw-self-heal.service \
	  $(DESTDIR)$(SYSTEMD_SYSTEM_DIR)/openclaw-self-heal.socket \
	  $(DESTDIR)$(SYSTEMD_USER_DIR)/openclaw-self-heal.service \
	  $(DESTDIR)$(SYSTEMD_USER_DIR)/openclaw-self-heal.socket
	install -m 0644 deploy/config.example.json5 $(DESTDIR)$(CONFIG_DIR)/config.example.json5
	@if [ -e $(DESTDIR)$(CONFIG_DIR)/config.json5 ]; then \
	  echo "kept existing $(DESTDIR)$(CONFIG_DIR)/config.json5"; \
	else \
	  install -m 0644 deploy/config.example.json5 $(DESTDIR)$(CONFIG_DIR)/config.json5; \
	fi
	install -m 0644 deploy/prometheus/scrape.yml deploy/prometheus/alerts.yml deploy/prometheus/alerts.test.yml \
	  $(DESTDIR)$(DATA_DIR)/prometheus/
	install -m 0644 deploy/INSTALL.md $(DESTDIR)$(DATA_DIR)/INSTALL.md
	@if [ -n "$(OPENCLAW_USER)" ]; then \
	  entry=$$(getent passwd "$(OPENCLAW_USER)") || { echo "no such user: $(OPENCLAW_USER)" >&2; exit 1; }; \
	  home=$$(echo "$$entry" | cut -d: -f6); uid=$$(echo "$$entry" | cut -d: -f3); \
	  group=$$(id -gn "$(OPENCLAW_USER)"); \
	  install -d $(DESTDIR)$(DROPIN_DIR); \
	  printf '%s\n' '# Written by make install OPENCLAW_USER=$(OPENCLAW_USER).' '[Service]' \
	    "User=$(OPENCLAW_USER)" "Group=$$group" \
	    "ReadWritePaths=-$$home/.openclaw -$$home/.aahp" \
	    "Environment=XDG_RUNTIME_DIR=/run/user/$$uid" \
	    > $(DESTDIR)$(DROPIN_DIR)/user.conf; \
	  chmod 0644 $(DESTDIR)$(DROPIN_DIR)/user.conf; \
	  echo "wrote $(DESTDIR)$(DROPIN_DIR)/user.conf (runs as $(OPENCLAW_USER), home $$home)"; \
	fi
	@echo "installed. Next: systemctl daemon-reload && systemctl enable --now openclaw-self-heal.service"
	@echo "(or, as the OpenClaw user: systemctl --user daemon-reload && systemctl --user enable --now openclaw-self-heal.service)"

# Leaves config.json5 (your settings) in place; stop and disable the units first.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/$(BIN)
	rm -f $(DESTDIR)$(SYSTEMD_SYSTEM_DIR)/openclaw-self-heal.service $(DESTDIR)$(SYSTEMD_SYSTEM_DIR)/openclaw-self-heal.socket
	rm -f $(DESTDIR)$(SYSTEMD_USER_DIR)/openclaw-self-heal.service $(DESTDIR)$(SYSTEMD_USER_DIR)/openclaw-self-heal.socket
	rm -f $(DESTDIR)$(DROPIN_DIR)/user.conf
	rmdir $(DESTDIR)$(DROPIN_DIR) 2>/dev/null || true
	rm -f $(DESTDIR)$(CONFIG_DIR)/config.example.json5
	rm -rf $(DESTDIR)$(DATA_DIR)
	@if [ -e $(DESTDIR)$(CONFIG_DIR)/config.json5 ]; then echo "kept $(DESTDIR)$(CONFIG_DIR)/config.json5"; fi

# --- Debian package -------------------------------------------------------------------------------
# `make deb` builds the release binary and packs .build/deb/openclaw-self-heal_<version>_<arch>.deb
# (binary, system and user units, config, Prometheus and Grafana files, a man page from --help),
# then runs lintian on it. Install with: sudo apt install ./.build/deb/openclaw-self-heal_*.deb
# `make test` checks the packaging on the debug binary (the release build takes about 10 minutes).
DEB_DIR ?= $(CURDIR)/.build/deb

deb: deps-deb build
	rm -f $(DEB_DIR)/openclaw-self-heal_*.deb
	./deploy/debian/build-deb $(RELEASE_BIN) $(DEB_DIR)
	lintian --fail-on error $(DEB_DIR)/openclaw-self-heal_*.deb

"""Reads a process's memory and CPU use from /proc, and summarises samples."""

import os
import statistics

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def status_field_kib(pid, field):
    """A `kB` field of /proc/PID/status (VmRSS, VmHWM, ...), in KiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(f"{field} not in /proc/{pid}/status")


def status_count(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(f"{field} not in /proc/{pid}/status")


def rss_kib(pid):
    return status_field_kib(pid, "VmRSS")


def cpu_seconds(pid, children=False):
    """utime + stime of the process (fields 14 and 15 of /proc/PID/stat), or of its waited-for
    children (16 and 17), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # The command name may hold spaces and parentheses: split after the last ')'.
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is field 3 (state), so field n is fields[n - 3]: utime (14) is fields[11].
    first = 13 if children else 11
    return (int(fields[first]) + int(fields[first + 1])) / CLOCK_TICKS


def rss_by_mapping(pid, top=8):
    """Resident KiB per mapped file (anonymous memory as "[anon]"), largest first, from
    /proc/PID/smaps: where the resident set comes from."""
    totals = {}
    current = "[anon]"
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split()
            if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                current = head[5] if len(head) > 5 else "[anon]"
            elif line.startswith("Rss:"):
                totals[current] = totals.get(current, 0) + int(head[1])
    ordered = sorted(totals.items(), key=lambda item: -item[1])
    return [{"mapping": name, "kib": kib} for name, kib in ordered[:top]]


def open_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def summary(values):
    """median, min, max and count of a list of numbers (None when empty)."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def percentile(values, p):
    """The p-th percentile (0..100) by the nearest-rank method."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, int(-(-p * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]


def machine():
    """Core count, CPU model, kernel and load, for the report's header."""
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    mem_kib = status_meminfo("MemTotal")
    return {"cores": os.cpu_count(), "cpu": model, "kernel": os.uname().release, "load": load,
            "memGiB": round(mem_kib / 1024 / 1024, 1)}


def status_meminfo(field):
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0

"""Benchmarks: scripts that print speed and memory figures (``make bench``); not tests."""


def own_peak_mb() -> float:
    """This process's peak resident memory in MiB since it started its program (VmHWM).

    Unlike ``getrusage``, it does not count memory inherited at fork time from a large parent,
    such as the benchmark runner that started this process.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024

#!/usr/bin/env python3
"""Runs builds of two or more binaries in turn and prints their medians.

Usage: scripts/interleave.py BIN1,BIN2[,...] "ARGS" [RUNS]

Each round runs every binary once with ARGS, in order, so that a change of
the machine's speed (this project's VM changes phase by 1.5 times) falls
on all of them alike; the first three rounds warm up and are not counted.
It prints, for each binary, the median, first quartile and minimum of the
wall time, and the median CPU time (user + system) of its process. Run it
from the repository's root, so that the default source/ is found. Nothing
here is a test: it prints figures (docs/benchmarks.md, issue 13).
"""
import os
import statistics
import subprocess
import sys
import time

bins = sys.argv[1].split(",")
args = sys.argv[2].split()
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 60
wall = {b: [] for b in bins}
cpu = {b: [] for b in bins}
for i in range(runs + 3):
    for b in bins:
        start = time.perf_counter()
        p = subprocess.Popen([b] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        took = time.perf_counter() - start
        if status != 0:
            sys.exit(f"{b} {' '.join(args)}: exit status {status}")
        if i >= 3:
            wall[b].append(took * 1000)
            cpu[b].append((usage.ru_utime + usage.ru_stime) * 1000)
for b in bins:
    w = sorted(wall[b])
    print(f"{b:24s} wall median {statistics.median(w):6.2f} ms  p25 {w[len(w) // 4]:6.2f}  min {w[0]:6.2f} | CPU median {statistics.median(cpu[b]):6.2f} ms")

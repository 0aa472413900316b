"""Queries per minute of `run_batch` on this machine: 2 local worker processes of 1 torch thread each (jobs=2, threads=1)
against 1 worker of 2 threads (jobs=1, threads=2: the queries one after the other in this process).

The worker processes are started and have imported pwscae before the clock starts (as they stay, between calls, in a
session); their start-up is printed apart. The load average is printed before and after each setup: other work on the
machine slows both. Usage: python benchmarks/parallel.py [n_queries] [preset]
"""
import importlib
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.filterwarnings('ignore')
from pwscae.batch import run_batch  # noqa: E402
from pwscae.core import QUERIES  # noqa: E402
from pwscae.parallel import fan_out  # noqa: E402


def load() -> str: return '/'.join(f'{v:.2f}' for v in os.getloadavg())


def timed(label, queries, preset, jobs, threads):
    "Wall time of one batch of `queries` in a fresh folder; every query must run."
    with tempfile.TemporaryDirectory() as d:
        before, t = load(), time.perf_counter()
        tbl = run_batch(queries, Path(d)/'b', preset=preset, jobs=jobs, threads=threads, plots=False, progress=False)
        wall = time.perf_counter() - t
    if not (tbl.status == 'ran').all(): raise RuntimeError(f"{label}: some queries did not run:\n{tbl[['query', 'status', 'error']]}")
    print(f"{label:<24} {len(queries)} queries in {wall:6.1f} s = {60 * len(queries) / wall:5.2f} queries/min   "
          f"load (1/5/15 min) before {before}, after {load()}", flush=True)
    return 60 * len(queries) / wall


def main(n=4, preset='smoke'):
    queries = list(QUERIES.index[:n])
    print(f"{os.cpu_count()} cores; {n} queries of Table 1, preset {preset!r}; load now {load()}")
    t = time.perf_counter()
    fan_out(importlib.import_module, [('pwscae.query',)] * 2, jobs=2, threads=1)  # start the 2 workers, import the stack there
    print(f"starting 2 worker processes and importing pwscae there: {time.perf_counter() - t:.1f} s (not counted below)")
    one = timed('1 worker x 2 threads', queries, preset, jobs=1, threads=2)
    two = timed('2 workers x 1 thread', queries, preset, jobs=2, threads=1)
    print(f"2 workers x 1 thread / 1 worker x 2 threads: {two / one:.2f}x")


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4, sys.argv[2] if len(sys.argv) > 2 else 'smoke')

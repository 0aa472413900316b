"""The full-size Table 3 (ten queries × seeds, every method), plain and confounded, written to benchmarks/results/.

Each (protocol, seed) is one `pwscae bench --preset full --seeds S` run in its own folder under --work, so a run that
is stopped keeps the parts that finished and a rerun skips them. The parts are then merged (`Evaluation.merge`) into
benchmarks/results/table3_full (plain protocol) and table3_full_confounded (`--confound all`), which 12_evaluation
reads. Every part's wall time and the machine's load average before and after it are printed: on a shared machine
other work slows every figure.

Usage: python benchmarks/table3.py [--seeds 0,1,2] [--protocols plain,confounded] [--jobs 2] [--work runs/table3]
       [--merge-only]
"""
import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).parent / 'results'
NAMES = {'plain': 'table3_full', 'confounded': 'table3_full_confounded'}
PART = {'plain': 'plain', 'confounded': 'conf'}  # part folders: plain_s0, conf_s0, ...


def load() -> str: return '/'.join(f'{v:.2f}' for v in os.getloadavg())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='plain,confounded')
    ap.add_argument('--jobs', type=int, default=2, help='local worker processes of each pwscae bench run')
    ap.add_argument('--work', default='runs/table3', help='folder of the per-seed parts (kept, so a rerun resumes)')
    ap.add_argument('--merge-only', action='store_true', help='only merge the parts that exist')
    a = ap.parse_args()
    seeds = [int(s) for s in a.seeds.split(',')]
    protocols = a.protocols.split(',')
    if bad := [p for p in protocols if p not in NAMES]: sys.exit(f"unknown protocols {bad}: use plain and/or confounded")
    work = Path(a.work); work.mkdir(parents=True, exist_ok=True)
    for s in seeds:
        for p in protocols:
            part = work / f'{PART[p]}_s{s}'
            if a.merge_only or (part / 'table.csv').is_file(): continue
            cmd = ['pwscae', 'bench', '--preset', 'full', '--seeds', str(s), '--jobs', str(a.jobs), '--out', str(part),
                   '--overwrite', '--quiet'] + (['--confound', 'all'] if p == 'confounded' else [])
            print(f'{p} seed {s}: start, load {load()}', flush=True)
            t = time.perf_counter()
            subprocess.run(cmd, check=True)
            print(f'{p} seed {s}: {(time.perf_counter() - t) / 60:.1f} min, load {load()}', flush=True)
    from pwscae.evaluation import Evaluation
    for p in protocols:
        parts = [work / f'{PART[p]}_s{s}' for s in seeds if (work / f'{PART[p]}_s{s}' / 'table.csv').is_file()]
        if not parts: print(f'{p}: no finished part under {work}'); continue
        ev = Evaluation.merge(*(Evaluation.load(d) for d in parts))
        out = ev.save(RESULTS / NAMES[p], overwrite=True)
        lift = ev.mean_lift().round(3)
        print(f'{p}: {len(parts)} seed(s) merged into {out} ({ev.seconds / 60:.1f} min of runs); mean lift: '
              + ', '.join(f'{m} {v:+.3f}' for m, v in lift.items()))


if __name__ == '__main__':
    main()

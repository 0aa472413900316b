"""Wall time and peak resident memory of the default `pwscae run`, stage by stage, as the sets grow.

For each m (images in each of P and Q), a fresh Python process runs `train_query("happy dog", m=m)` with the defaults
of `pwscae run` on the embedded world (`SynthANP` with enough images per ANP for m), while a thread samples the
process's resident memory (VmRSS) every 50 ms. The peak over each stage is taken between the stage lines
`train_query` prints ("[3/6] pwscae: ... (12.3 s)"); the stage times are `res.timings`. The import of pwscae itself is
the row 'import'. One row per (m, stage) goes to `benchmarks/results/scaling.csv`, and a log-log plot of time and peak
RSS against m to `benchmarks/results/scaling.png`; the slope of log(total time) against log(m) is printed (1 = linear).

The machine's load average is printed with every m: other work on a shared machine slows every figure, so compare
figures of one run. Usage: python benchmarks/scaling.py [m ...] [--query Q] [--limit SECONDS] [--merge]
(default m: 100 200 500 1000 2000; an m whose run would start after --limit seconds is skipped and reported; with --merge
the committed rows of the m not run now are kept, so one m can be remeasured without rerunning the others).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / 'results'

CHILD = r'''
import io, os, re, sys, threading, time, json, warnings
warnings.filterwarnings('ignore')
m, query = int(sys.argv[1]), sys.argv[2]
def rss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'): return int(line.split()[1]) / 1024  # KiB -> MiB
peak, rows, t0 = [rss()], [], time.perf_counter()
stop = threading.Event()
def sample():
    while not stop.wait(0.05): peak[0] = max(peak[0], rss())
threading.Thread(target=sample, daemon=True).start()
import pwscae
from pwscae import train_query, SynthANP
rows.append(dict(stage='import', seconds=time.perf_counter() - t0, peak_rss_mb=max(peak[0], rss())))
class Stages(io.TextIOBase):
    "stdout that closes a stage's memory window at each of train_query's stage lines."
    def write(self, s):
        for line in s.splitlines():
            if (mt := re.match(r'\[(\d)/6\] (\w+):', line)):
                rows.append(dict(stage=mt.group(2), peak_rss_mb=max(peak[0], rss()))); peak[0] = rss()
        return len(s)
sys.stdout = Stages()
res = train_query(query, source=SynthANP(seed=0, n_per_anp=max(1000, 2 * m)), m=m, progress=True)
sys.stdout = sys.__stdout__
stop.set()
for r in rows[1:]: r['seconds'] = res.timings[r['stage']]
p = res.metrics.loc[res.cfg.method]
print(json.dumps(dict(rows=rows, precision=float(p['precision']), recall=float(p['recall']), device=res.device)))
'''


def load() -> str: return '/'.join(f'{v:.2f}' for v in os.getloadavg())


def run_one(m: int, query: str) -> dict:
    "One fresh process: its stage rows and the run's precision."
    import json
    t = time.perf_counter()
    r = subprocess.run([sys.executable, '-c', CHILD, str(m), query], capture_output=True, text=True,
                       env={**os.environ, 'PYTHONWARNINGS': 'ignore'})
    if r.returncode: raise RuntimeError(f"m={m} failed:\n{r.stderr[-3000:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out['wall'] = time.perf_counter() - t
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('ms', nargs='*', type=int, default=[100, 200, 500, 1000, 2000])
    ap.add_argument('--query', default='happy dog')
    ap.add_argument('--limit', type=float, default=float('inf'), help='skip the m that would start after this many seconds')
    ap.add_argument('--merge', action='store_true', help="keep the committed rows of the m not run now")
    a = ap.parse_args()
    import numpy as np
    import pandas as pd
    rows, start = [], time.perf_counter()
    print(f"{os.cpu_count()} cores; default `pwscae run {a.query!r}` per m; load (1/5/15 min) now {load()}", flush=True)
    for m in a.ms:
        if time.perf_counter() - start > a.limit:
            print(f"m={m}: skipped (the --limit of {a.limit:.0f} s is spent)", flush=True); continue
        before = load()
        out = run_one(m, a.query)
        for r in out['rows']: rows.append(dict(m=m, **r))
        total = sum(r['seconds'] for r in out['rows'] if r['stage'] != 'import')
        rows.append(dict(m=m, stage='total', seconds=total, peak_rss_mb=max(r['peak_rss_mb'] for r in out['rows'])))
        print(f"m={m:>5}: run {total:7.1f} s (process {out['wall']:.1f} s), peak RSS {rows[-1]['peak_rss_mb']:7.0f} MB, "
              f"precision {out['precision']:.3f}, recall {out['recall']:.3f}; load before {before}, after {load()}", flush=True)
    df = pd.DataFrame(rows)
    if df.empty: return
    if a.merge and (RESULTS / 'scaling.csv').is_file():
        old = pd.read_csv(RESULTS / 'scaling.csv'); kept = old[~old.m.isin(df.m)]
        df = pd.concat([kept, df]).sort_values('m', kind='stable', ignore_index=True)
        print(f"kept the committed rows of m = {', '.join(map(str, sorted(kept.m.unique())))}")
    RESULTS.mkdir(exist_ok=True)
    with tempfile.NamedTemporaryFile('w', dir=RESULTS, suffix='.tmp', delete=False) as f: df.to_csv(f, index=False)
    os.replace(f.name, RESULTS / 'scaling.csv')  # atomic: a killed run leaves the last complete table
    wide = df.pivot(index='m', columns='stage', values='seconds')
    print('\nseconds per stage:\n' + wide.round(1).to_string())
    print('\npeak RSS (MB) per stage:\n' + df.pivot(index='m', columns='stage', values='peak_rss_mb').round(0).to_string())
    tot = df[df.stage == 'total'].set_index('m')
    if len(tot) > 1:
        slope = np.polyfit(np.log(tot.index), np.log(tot.seconds), 1)[0]
        print(f"\nlog-log slope of total time against m: {slope:.2f} (1 = linear)")
    import matplotlib; matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 4))
    for st in [c for c in wide.columns if c != 'import']: a1.loglog(wide.index, wide[st], 'o-', label=st, lw=2.5 if st == 'total' else 1)
    ms = np.array(tot.index, float)
    a1.loglog(ms, tot.seconds.iloc[0] * ms / ms[0], 'k:', label='linear in m')
    a1.set_xlabel('m (images per set)'); a1.set_ylabel('seconds'); a1.legend(fontsize=7); a1.set_title('wall time per stage')
    a2.loglog(tot.index, tot.peak_rss_mb, 'o-'); a2.axhline(3072, color='r', ls='--', label='3 GB')
    a2.set_xlabel('m (images per set)'); a2.set_ylabel('peak RSS (MB)'); a2.legend(); a2.set_title('peak resident memory')
    fig.tight_layout(); tmp = RESULTS / 'scaling.png.tmp.png'; fig.savefig(tmp, dpi=90); os.replace(tmp, RESULTS / 'scaling.png')
    print(f"wrote {RESULTS / 'scaling.csv'} and {RESULTS / 'scaling.png'}")


if __name__ == '__main__':
    main()

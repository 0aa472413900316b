"""The estimate of Ratio A as the median of bootstrap resamples (`QueryConfig.prior_resamples`) against the single estimate.

Reruns the default (`cnn`, with `paper` beside it as in Table 3) on the full Table 3's draws, ten queries × the given
seeds, plain and confounded, with `prior_resamples` set, and compares each draw with the committed table's `cnn` row
(benchmarks/results/table3_full*), which used one estimate: the same draws and networks give the same scores (checked:
equal AP over P), so only the estimate of Ratio A and the selection it sizes differ. Writes
benchmarks/results/prior_resamples.csv (one row per protocol, query, seed) and prints the means.

Usage: python benchmarks/prior_resamples.py [--resamples 30] [--seeds 0,1,2] [--jobs 2]
"""
import argparse
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS = Path(__file__).parent / 'results'
TABLES = {'plain': 'table3_full', 'confounded': 'table3_full_confounded'}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--resamples', type=int, default=30)
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    from pwscae.evaluation import evaluate
    from pwscae.stages import PRESETS
    seeds = tuple(int(s) for s in a.seeds.split(','))
    cfg = PRESETS['full'].update(prior_resamples=a.resamples)  # checked before any draw
    rows = []
    for prot, name in TABLES.items():
        old = pd.read_csv(RESULTS / name / 'table.csv')
        t0, load = time.perf_counter(), os.getloadavg()[0]
        ev = evaluate(seeds=seeds, preset=cfg, methods=('paper', 'cnn'), jobs=a.jobs, progress=False,
                      confound='all' if prot == 'confounded' else None)
        print(f"{prot}: {(time.perf_counter() - t0) / 60:.1f} min, load {load:.2f} -> {os.getloadavg()[0]:.2f}", flush=True)
        key = ['query', 'seed']
        new = ev.table[ev.table.method == 'cnn'].set_index(key)
        one = old[(old.method == 'cnn') & old.seed.isin(seeds)].set_index(key).loc[new.index]
        if not np.allclose(new.ap, one.ap, atol=1e-9):
            raise SystemExit(f"{prot}: the rerun's AP over P differs from the committed table's: not the same networks, so not comparable")
        for (q, s), r in new.iterrows():
            o = one.loc[(q, s)]
            rows.append(dict(protocol=prot, query=q, seed=s, ratio_a=r.ratio_a, ap=r.ap,
                             ratio_a_hat_one=o.ratio_a_hat, priors_one=o.priors, precision_one=o.precision, lift_one=o.lift, recall_one=o.recall,
                             ratio_a_hat=r.ratio_a_hat, priors=r.priors, precision=r.precision, lift=r.lift, recall=r.recall))
    df = pd.DataFrame(rows)
    tmp = RESULTS / 'prior_resamples.csv.tmp'; df.to_csv(tmp, index=False); tmp.replace(RESULTS / 'prior_resamples.csv')
    for prot, g in df.groupby('protocol', sort=False):
        e = lambda c: (g[c] - g.ratio_a).abs().mean()
        print(f"{prot}: prior error {e('ratio_a_hat_one'):.3f} -> {e('ratio_a_hat'):.3f}; assumed {(g.priors_one == 'assumed').sum()} -> "
              f"{(g.priors == 'assumed').sum()} of {len(g)}; lift {g.lift_one.mean():+.3f} -> {g.lift.mean():+.3f}; "
              f"recall {g.recall_one.mean():.3f} -> {g.recall.mean():.3f}; precision {g.precision_one.mean():.3f} -> {g.precision.mean():.3f}")


if __name__ == '__main__':
    main()

"""How many images to select: the default's precision, lift and recall at several `QueryConfig.select_share`.

The default (`cnn`) selects the top select_share · Â · |P| images of P, Â its estimate of Ratio A (select_share 1 by
default). `Evaluation.reselect` sizes the selections of a finished evaluation anew from its scores and estimates, so
every share is measured on the same networks. It is measured on the committed full Table 3 (seeds 0-2,
benchmarks/results/table3_full and table3_full_confounded), on the same draws with the one-layer head alone, in float32
(table3_full_float32 and table3_full_confounded_float32, where they exist), and on held-out draws: the full preset's
`paper` and `cnn` on the ten queries with other seeds (3 and 4 by default), plain and confounded, run here and written
to benchmarks/results/select_share_heldout and select_share_heldout_confounded (a run that finds them reuses them).
Writes benchmarks/results/select_share.csv (one row per draws, protocol and share) and prints it.

The committed results were measured on the tables of 12 epochs per fold, the default until 2026-12-05 (kept as
table3_full_epochs12 and table3_full_confounded_epochs12; 12_evaluation reads them beside these results); a rerun
reads the committed tables of today.

Usage: python benchmarks/select_share.py [--seeds 3,4] [--shares 1,0.95,0.9,0.85,0.8] [--jobs 2]
"""
import argparse
import os
import time
from pathlib import Path

import pandas as pd

RESULTS = Path(__file__).parent / 'results'
TABLES = {'plain': 'table3_full', 'confounded': 'table3_full_confounded'}
HELDOUT = {'plain': 'select_share_heldout', 'confounded': 'select_share_heldout_confounded'}


def at_shares(ev, shares, draws, protocol, method='cnn'):
    "One row per share: the method's mean precision, lift and recall, and the queries whose mean lift over Ratio A is positive."
    rows = []
    for s in shares:
        t = ev.reselect(s).table
        t = t[t.method == method]
        by_q = t.groupby('query').lift.mean()
        rows.append(dict(draws=draws, protocol=protocol, select_share=s, n_draws=len(t), precision=t.precision.mean(),
                         lift=t.lift.mean(), recall=t.recall.mean(), queries_above=int((by_q > 0).sum()), queries=len(by_q)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='3,4', help='held-out seeds: not those of the committed Table 3')
    ap.add_argument('--shares', default='1,0.95,0.9,0.85,0.8')
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    seeds, shares = tuple(int(s) for s in a.seeds.split(',')), [float(s) for s in a.shares.split(',')]
    from pwscae.evaluation import Evaluation, evaluate
    from pwscae.config import QueryConfig
    for s in shares: QueryConfig(select_share=s)  # a bad share fails here, before any run
    rows = []
    for prot, name in TABLES.items():
        table3 = Evaluation.load(RESULTS / name)
        if overlap := set(seeds) & set(table3.table.seed):
            raise SystemExit(f"--seeds {a.seeds}: seeds {sorted(overlap)} are the committed Table 3's; give held-out seeds")
        out = RESULTS / HELDOUT[prot]
        if (out / 'table.csv').is_file() and set(Evaluation.load(out).table.seed) == set(seeds): held = Evaluation.load(out)
        else:
            t0, load = time.perf_counter(), os.getloadavg()[0]
            held = evaluate(seeds=seeds, preset='full', methods=('paper', 'cnn'), jobs=a.jobs, progress=False,
                            confound='all' if prot == 'confounded' else None)
            print(f"{prot} held-out seeds {a.seeds}: {(time.perf_counter() - t0) / 60:.1f} min, load {load:.2f} -> "
                  f"{os.getloadavg()[0]:.2f}", flush=True)
            held.save(out, overwrite=True)
        rows += at_shares(table3, shares, 'table3', prot)
        if (f32 := RESULTS / (name + '_float32')).is_dir(): rows += at_shares(Evaluation.load(f32), shares, 'table3_float32', prot)
        rows += at_shares(held, shares, 'held_out', prot)
    df = pd.DataFrame(rows)
    tmp = RESULTS / 'select_share.csv.tmp'; df.to_csv(tmp, index=False); tmp.replace(RESULTS / 'select_share.csv')
    print(df.round(3).to_string(index=False))


if __name__ == '__main__':
    main()

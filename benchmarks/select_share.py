"""How many images to select: the default's precision, lift and recall at several `QueryConfig.select_share`.

The default (`cnn`) selects the top select_share · Â · |P| images of P, Â its estimate of Ratio A (select_share 1 by
default). `Evaluation.reselect` sizes the selections of a finished evaluation anew from its scores and estimates, so
every share is measured on the same networks.

Two sets of tables (--tables):
- `today` (the default): the committed full Table 3 (seeds 0-2, benchmarks/results/table3_full and
  table3_full_confounded, 24 epochs per fold, the blend's estimates) and held-out draws of the same default: the full
  preset's `paper` and `cnn` on the ten queries with other seeds (3 and 4 by default), plain and confounded, in
  benchmarks/results/heldout_epochs24 and heldout_epochs24_confounded (written by benchmarks/heldout_epochs.py; run here
  and written there when missing or of other seeds), each with today's estimate of Ratio A (the default's
  `prior_estimator` and `prior_alpha`, through `Evaluation.reestimate`: the held-out rows were run with the knee).
  Writes select_share.csv.
- `epochs12`: the tables of 12 epochs per fold, the default until 2026-12-05 (table3_full_epochs12 and
  table3_full_confounded_epochs12, the knee's estimates), the one-layer head's float32 tables (table3_full_float32 and
  table3_full_confounded_float32) and the held-out draws of 12 epochs (select_share_heldout and
  select_share_heldout_confounded, seeds 3-4). Writes select_share_epochs12.csv.

The CSV has one row per draws, protocol and share (mean precision, lift and recall; the queries whose mean lift is
positive) and is printed.

Usage: python benchmarks/select_share.py [--tables today|epochs12] [--seeds 3,4] [--shares 1,0.95,0.9,0.85,0.8] [--jobs 2]
"""
import argparse
import os
import time
from pathlib import Path

import pandas as pd

RESULTS = Path(__file__).parent / 'results'
TABLES = {  # --tables: per protocol the committed table, its float32 twin (or None) and the held-out draws; the CSV's suffix
    'today': ({'plain': ('table3_full', None, 'heldout_epochs24'),
               'confounded': ('table3_full_confounded', None, 'heldout_epochs24_confounded')}, ''),
    'epochs12': ({'plain': ('table3_full_epochs12', 'table3_full_float32', 'select_share_heldout'),
                  'confounded': ('table3_full_confounded_epochs12', 'table3_full_confounded_float32', 'select_share_heldout_confounded')}, '_epochs12')}


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
    ap.add_argument('--tables', default='today', choices=list(TABLES), help="today's tables (24 epochs) or those of 12 epochs")
    ap.add_argument('--seeds', default='3,4', help='held-out seeds: not those of the committed Table 3')
    ap.add_argument('--shares', default='1,0.95,0.9,0.85,0.8')
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    seeds, shares = tuple(int(s) for s in a.seeds.split(',')), [float(s) for s in a.shares.split(',')]
    from pwscae.evaluation import Evaluation, evaluate
    from pwscae.config import QueryConfig
    for s in shares: QueryConfig(select_share=s)  # a bad share fails here, before any run
    cfg = QueryConfig()
    folders, suffix = TABLES[a.tables]
    rows = []
    for prot, (name, f32, held_name) in folders.items():
        table3 = Evaluation.load(RESULTS / name)
        if overlap := set(seeds) & set(table3.table.seed):
            raise SystemExit(f"--seeds {a.seeds}: seeds {sorted(overlap)} are the committed Table 3's; give held-out seeds")
        out = RESULTS / held_name
        if (out / 'table.csv').is_file() and set(Evaluation.load(out).table.seed) == set(seeds): held = Evaluation.load(out)
        elif a.tables != 'today':
            raise SystemExit(f"{out}: no held-out draws of seeds {a.seeds}; the 12-epoch draws are not rerun here (try --seeds 3,4)")
        else:
            t0, load = time.perf_counter(), os.getloadavg()[0]
            held = evaluate(seeds=seeds, preset='full', methods=('paper', 'cnn'), jobs=a.jobs, progress=False,
                            confound='all' if prot == 'confounded' else None)
            print(f"{prot} held-out seeds {a.seeds}: {(time.perf_counter() - t0) / 60:.1f} min, load {load:.2f} -> "
                  f"{os.getloadavg()[0]:.2f}", flush=True)
            held.save(out, overwrite=True)
        if a.tables == 'today':  # the default's estimates of today (the held-out rows were run with the knee): nothing is retrained
            table3, held = (ev.reestimate(cfg.prior_alpha, prior_estimator=cfg.prior_estimator) for ev in (table3, held))
        rows += at_shares(table3, shares, 'table3', prot)
        if f32 is not None: rows += at_shares(Evaluation.load(RESULTS / f32), shares, 'table3_float32', prot)
        rows += at_shares(held, shares, 'held_out', prot)
    df = pd.DataFrame(rows)
    dest = RESULTS / f'select_share{suffix}.csv'
    tmp = dest.with_suffix('.csv.tmp'); df.to_csv(tmp, index=False); tmp.replace(dest)
    print(df.round(3).to_string(index=False))


if __name__ == '__main__':
    main()

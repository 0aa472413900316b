"""How many encoder levels the relevance networks read (`RelevanceConfig.levels`): AP over P with both levels against the first.

A probe, not a table: for each query and seed the full preset's draw, pairs and auto-encoder, then the default's
cross-fitted P-vs-Q networks (both heads) twice, reading both encoding processes (`levels=None`, a 22 × 22 map, the
default until 2026-12-02) and only the first (`levels=1`, a 48 × 48 map, the default since), on the same folds and
seeds; with --supervised also trained on the truth. The selection and the estimate of Ratio A are not measured here:
the ranking is what changes. Writes
benchmarks/results/encoder_levels.csv (one row per query, seed, labels and levels) and prints the AP per query.

With --confound all the draws are confounded (`pwscae bench --confound`), and the rows are added to those of the other
protocol already in the file.

Usage: python benchmarks/encoder_levels.py [--seeds 1] [--queries 'happy kids,clear sky'] [--supervised] [--confound all]
"""
import argparse
import os
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS = Path(__file__).parent / 'results'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='1')
    ap.add_argument('--queries', default=None, help="comma-separated queries (default: Table 1's ten)")
    ap.add_argument('--supervised', action='store_true', help='also train on the truth (the ceiling)')
    ap.add_argument('--confound', default=None, help='confounded draws: all, or kinds such as framing,style')
    a = ap.parse_args()
    from sklearn.metrics import average_precision_score
    from pwscae.core import QUERIES, stack_sets
    from pwscae.config import QueryConfig
    from pwscae.stages import get_sets, pair_sets, train_pwscae
    from pwscae.relevance import cross_fit_cnn
    queries = a.queries.split(',') if a.queries else list(QUERIES.index)
    rows, cfg = [], QueryConfig(confound=a.confound)  # a bad --confound fails here
    protocol = 'plain' if a.confound is None else 'confounded'
    print(f"load {os.getloadavg()[0]:.2f}", flush=True)
    for s in (int(v) for v in a.seeds.split(',')):
        for q in queries:
            c = cfg.update(seed=s)
            sets = get_sets(q, c); pairs = pair_sets(sets, c); learn, _ = train_pwscae(sets, pairs, c)
            x, from_p = stack_sets(sets.P, sets.Q); truth, n = sets.relevant('PQ'), len(sets.P)
            for labels, y in (('P-vs-Q', from_p), ('supervised', truth))[:2 if a.supervised else 1]:
                for levels in (None, 1):
                    t = time.perf_counter()
                    fn = cross_fit_cnn(x, np.asarray(y).astype(int), learn.model, replace(c.relevance, levels=levels), s, n_p=n, device=c.device)
                    rows.append(dict(protocol=protocol, query=q, seed=s, labels=labels, levels='all' if levels is None else str(levels), ratio_a=float(truth[:n].mean()),
                                     ap=average_precision_score(truth[:n], fn.scores[:n]), seconds=time.perf_counter() - t))
                    print(rows[-1], flush=True)
    df = pd.DataFrame(rows)
    out = RESULTS / 'encoder_levels.csv'
    if out.is_file():  # keep the other protocol's rows
        old = pd.read_csv(out, dtype={'levels': str})
        df = pd.concat([old[old.protocol != protocol], df], ignore_index=True)
    tmp = out.with_suffix('.csv.tmp'); df.to_csv(tmp, index=False); tmp.replace(out)
    print(df.pivot_table(index=['protocol', 'labels', 'query'], columns='levels', values='ap', sort=False).round(3).to_string())
    print(f"load {os.getloadavg()[0]:.2f}")


if __name__ == '__main__':
    main()

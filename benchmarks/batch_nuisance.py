"""A batch of Table 1's ten queries with `run_batch(nuisance=True)`, against the adjustment measured by
`benchmarks/nuisance_reference.py` on the same draws.

`run_batch(nuisance=True)` splits the queries with `nuisance_halves` (for Table 1: the happy and flower queries
against the other five, the benchmark's `HALVES`), trains one reference per half with `draw_reference` (`REFERENCE_CONFIG`,
at the batch's seed) and runs every query through `train_query(..., nuisance=)` with the other half's reference.
`nuisance_reference.py` made the same references and adjusted the committed full tables' scores instead, through
`Evaluation.reestimate`. Where the two paths agree, the batch's AP over P, precision, lift, recall and estimate of
Ratio A equal that benchmark's `nuisance` rows; this script prints them side by side with the largest difference, and
writes benchmarks/results/batch_nuisance.csv (one row per query: the batch's figures, then the benchmark's).

    MPLBACKEND=Agg python benchmarks/batch_nuisance.py [--protocol confounded] [--seed 0] [--out runs/batch_nuisance_confounded] [--jobs 1]
"""
import argparse, os, time
from pathlib import Path

import pandas as pd

RESULTS = Path(__file__).parent / 'results'
FIGURES = ['ap', 'precision', 'lift', 'recall', 'ratio_a_hat']


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--protocol', default='confounded', help="plain or confounded (P and Q also differ in framing, grade, vignette and watermark)")
    p.add_argument('--seed', type=int, default=0, help="the batch's seed: one of the benchmark's draws (0, 1 or 2)")
    p.add_argument('--out', default=None, help="the batch's folder (default: runs/batch_nuisance_<protocol>); an earlier one is resumed")
    p.add_argument('--jobs', type=int, default=1, help="local processes running queries at once")
    a = p.parse_args()
    if a.protocol not in ('plain', 'confounded'): p.error(f"--protocol {a.protocol!r}: choose plain or confounded")
    if a.seed not in (0, 1, 2): p.error(f"--seed {a.seed}: the benchmark measured seeds 0, 1 and 2")
    from pwscae.config import PRESETS
    from pwscae.batch import run_batch
    from pwscae.core import QUERIES
    ref = pd.read_csv(RESULTS / 'nuisance_reference.csv')
    ref = ref[(ref.protocol == a.protocol) & (ref.seed == a.seed) & (ref.variant == 'nuisance')].set_index('query')
    if len(ref) != len(QUERIES): raise SystemExit(f"nuisance_reference.csv lacks the {a.protocol} draws of seed {a.seed}: run benchmarks/nuisance_reference.py")
    out = Path(a.out or f'runs/batch_nuisance_{a.protocol}')
    cfg = PRESETS['full'].update(confound='all' if a.protocol == 'confounded' else None)
    t0 = time.perf_counter()
    t = run_batch(list(QUERIES.index), out, preset=cfg, seed=a.seed, jobs=a.jobs, plots=False, nuisance=True)
    minutes, load = (time.perf_counter() - t0) / 60, os.getloadavg()[0]
    if (t.status == 'failed').any(): raise SystemExit(f"queries failed:\n{t[t.status == 'failed'][['query', 'error']].to_string(index=False)}")
    t = t.set_index('query').loc[list(QUERIES.index)]
    both = pd.concat({'batch': t[FIGURES], 'benchmark': ref[FIGURES]}, axis=1)
    both.insert(0, ('', 'nuisance'), t.nuisance)
    flat = both.copy(); flat.columns = [f'{s}_{c}' if s else c for s, c in both.columns]
    flat.reset_index().assign(protocol=a.protocol, seed=a.seed).to_csv(RESULTS / 'batch_nuisance.csv', index=False)
    print(both.drop(columns=[('', 'nuisance')]).round(3).to_string())
    diff = (both['batch'] - both['benchmark']).abs()
    print(f"\nlargest |batch − benchmark| per figure:\n{diff.max().round(4).to_string()}")
    print(f"\nmeans: batch AP {t.ap.mean():.3f}, lift {t.lift.mean():+.3f}, recall {t.recall.mean():.3f}; "
          f"benchmark AP {ref.ap.mean():.3f}, lift {ref.lift.mean():+.3f}, recall {ref.recall.mean():.3f}")
    print(f"{minutes:.1f} min for the batch (load {load:.1f} at the end); wrote {RESULTS / 'batch_nuisance.csv'}")


if __name__ == '__main__':
    main()

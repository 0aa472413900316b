"""The 'cnn' networks trained on P against the noun's other queries' results (`contrast='siblings'`) instead of
against Q, on the committed full-size tables' draws (12_evaluation, "Against the noun's other queries").

Every draw of both tables is run again through `evaluate_query(q, seed, PRESETS['full'].update(contrast='siblings',
confound=...), methods=('cnn',))`: the same P and Q as the tables' (same seed and protocol), the default's networks and
selection, but the networks learn P (1) against C (0), m images drawn evenly from the noun's other ANPs (near-synonyms
left out; `sibling_set`), each at Ratio A 0.7 and, in the confounded protocol, marked with P's nuisances, as the
results of any adjective–noun query are. Ratio A is estimated from P's scores against C's. Written after every draw
(resumable): benchmarks/results/sibling_contrast.csv, one row per draw (variant `siblings`); then the means per
protocol beside the committed default (`cnn`) and the adjustment by other queries (`nuisance`, nuisance_reference.py).

    MPLBACKEND=Agg python benchmarks/sibling_contrast.py [--seeds 0,1,2] [--protocols confounded,plain]
"""
import argparse, os, time, warnings
from pathlib import Path

import pandas as pd, torch

from nuisance_reference import RESULTS, TABLES
COLS = ['protocol', 'query', 'seed', 'variant', 'ap', 'precision', 'lift', 'recall', 'ratio_a', 'ratio_a_hat', 'priors', 'seconds']


def compare(df:pd.DataFrame) -> pd.DataFrame:
    "Means per protocol of the committed default ('cnn'), adjusted by other queries ('nuisance') and against the siblings, on the draws in `df`."
    ref = pd.read_csv(RESULTS / 'nuisance_reference.csv')
    ref = ref[ref.variant.isin(['cnn', 'nuisance'])][[c for c in COLS if c != 'seconds']]
    keys = df[['protocol', 'query', 'seed']].drop_duplicates()
    both = pd.concat([ref.merge(keys), df.drop(columns='seconds')], ignore_index=True)
    both['prior_error'] = (both.ratio_a_hat - both.ratio_a).abs()
    both['assumed'] = both.priors.eq('assumed')
    g = both.groupby(['protocol', 'variant'])
    out = g[['ap', 'precision', 'lift', 'recall', 'prior_error']].mean()
    out['assumed'], out['draws'] = g.assumed.sum(), g.size()
    return out.round(4)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='confounded,plain')
    ap.add_argument('--out', default=str(RESULTS / 'sibling_contrast.csv'))
    a = ap.parse_args()
    from pwscae.config import PRESETS
    from pwscae.core import QUERIES
    from pwscae.evaluation import evaluate_query
    protocols, seeds = a.protocols.split(','), [int(s) for s in a.seeds.split(',')]
    if bad := [p for p in protocols if p not in TABLES]: raise SystemExit(f"--protocols: unknown {bad}; choose from {', '.join(TABLES)}")
    out = Path(a.out)
    if not out.parent.is_dir(): raise SystemExit(f"--out: the folder {out.parent} does not exist")
    done = pd.read_csv(out) if out.is_file() else pd.DataFrame(columns=COLS)
    if len(done) and list(done.columns) != COLS: raise SystemExit(f"{out} has other columns than this script writes: move it away")
    seen = set(zip(done.protocol, done['query'], done.seed))
    torch.set_num_threads(os.cpu_count() or 1)
    for prot in protocols:
        cfg = PRESETS['full'].update(confound='all' if prot == 'confounded' else None, contrast='siblings')
        for seed in seeds:
            for q in QUERIES.index:
                if (prot, q, seed) in seen: continue
                load = os.getloadavg()[0]
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore')
                    t, _ = evaluate_query(q, seed, cfg, methods=('cnn',))
                r = t.iloc[0]
                row = dict(protocol=prot, query=q, seed=seed, variant='siblings', **{c: r[c] for c in COLS[4:]})
                done = pd.concat([done, pd.DataFrame([row])], ignore_index=True)[COLS]
                tmp = out.with_suffix('.tmp'); done.to_csv(tmp, index=False); tmp.replace(out)  # after every draw: resumable
                print(f"{prot} {q} seed {seed}: AP {r.ap:.3f}, lift {r.lift:+.3f}, recall {r.recall:.3f}, Â {r.ratio_a_hat:.3f} "
                      f"(true {r.ratio_a:.3f}, {r.priors}) in {r.seconds:.0f} s (load {load:.2f})", flush=True)
    print(compare(done).to_string())
    print(f"written {out}")


if __name__ == '__main__': main()

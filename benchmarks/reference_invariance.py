"""The default trained blind to a nuisance reference (`ReferenceInvariance`), then adjusted by it, on the full-size
tables' draws (12_evaluation, "Training blind to the reference").

`benchmarks/nuisance_reference.py` adjusts the committed default scores after training. Here the default's 'cnn'
networks are trained again on each draw (`evaluate_query`, preset 'full' with the head `--head`, by default 'conv':
the deep head learns the nuisances together with the query's content, out of the penalty's reach; methods ('cnn',)) with `nuisance=` a
reference of the other half of the ten queries (`HALVES`, no noun or adjective shared), drawn as the table's draws
(`pseudo_sets` at the same seed and protocol) and trained as that benchmark's (`nuisance_reference`, seed = the
draw's seed, `REFERENCE_CONFIG`): every network trains with the reference's penalty at weight `--invariance`, and
its scores are then adjusted by the same reference. Ratio A is estimated and the images selected by the defaults.

Written: benchmarks/results/reference_invariance.csv, one row per draw (the table's columns for 'cnn', with the
protocol and the variant 'blind_<head>'), appended draw by draw so that an interrupted run resumes where it stopped. The
means are printed beside the committed default's and the adjusted-only variant's on the same draws.

    MPLBACKEND=Agg python benchmarks/reference_invariance.py [--seeds 0,1,2] [--protocols confounded,plain] [--invariance 10]
"""
import argparse, os, time, warnings
from dataclasses import replace
from pathlib import Path

import pandas as pd, torch

from nuisance_reference import RESULTS, TABLES, HALVES, check_halves  # the same halves and protocols as the adjustment's benchmark
COLS = ['protocol', 'query', 'seed', 'variant', 'ap', 'precision', 'lift', 'recall', 'ratio_a', 'ratio_a_hat', 'priors', 'seconds']


def compare(df:pd.DataFrame) -> pd.DataFrame:
    "Means per protocol of the committed default ('cnn'), adjusted only ('nuisance', `nuisance_reference.py`) and blind, on the draws in `df`."
    ref = pd.read_csv(RESULTS / 'nuisance_reference.csv')
    ref = ref[ref.variant.isin(['cnn', 'nuisance'])][[c for c in COLS if c != 'seconds']]
    keys = df[['protocol', 'query', 'seed']].drop_duplicates()
    both = pd.concat([ref.merge(keys), df.drop(columns='seconds')], ignore_index=True)
    both['prior_error'] = (both.ratio_a_hat - both.ratio_a).abs()
    out = both.groupby(['protocol', 'variant'])[['ap', 'lift', 'recall', 'prior_error']].mean()
    out['draws'] = both.groupby(['protocol', 'variant']).size()
    return out.round(4)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='confounded,plain')
    ap.add_argument('--invariance', type=float, default=10., help="the reference's weight in the networks' loss")
    ap.add_argument('--head', default='conv', help="the relevance networks' head (RelevanceConfig.head): conv, deep or both")
    ap.add_argument('--out', default=str(RESULTS / 'reference_invariance.csv'))
    a = ap.parse_args()
    from pwscae.config import PRESETS
    from pwscae.evaluation import evaluate_query
    from pwscae.protocol import pseudo_sets
    from pwscae.nuisance import nuisance_reference, REFERENCE_CONFIG
    protocols, seeds = a.protocols.split(','), [int(s) for s in a.seeds.split(',')]
    if bad := [p for p in protocols if p not in TABLES]: raise SystemExit(f"--protocols: unknown {bad}; choose from {', '.join(TABLES)}")
    if a.invariance < 0: raise SystemExit(f"--invariance {a.invariance}: give a weight >= 0")
    if a.head not in ('conv', 'deep', 'both'): raise SystemExit(f"--head {a.head!r}: choose conv, deep or both")
    out = Path(a.out)
    if not out.parent.is_dir(): raise SystemExit(f"--out: the folder {out.parent} does not exist")
    check_halves()
    done = pd.read_csv(out) if out.is_file() else pd.DataFrame(columns=COLS)
    if len(done) and list(done.columns) != COLS: raise SystemExit(f"{out} has other columns than this script writes: move it away")
    variant = f'blind_{a.head}'
    seen = set(zip(done.protocol, done['query'], done.seed, done.variant))
    torch.set_num_threads(os.cpu_count() or 1)
    for prot in protocols:
        confound = 'all' if prot == 'confounded' else None
        cfg = PRESETS['full'].update(confound=confound)
        cfg = cfg.update(relevance=replace(cfg.relevance, head=a.head))
        for seed in seeds:
            for refs, targets in (HALVES, HALVES[::-1]):
                todo = [q for q in targets if (prot, q, seed, variant) not in seen]
                if not todo: continue
                t0, load = time.perf_counter(), os.getloadavg()[0]
                ref = nuisance_reference([pseudo_sets(r, seed=seed, confound=confound) for r in refs], cfg=REFERENCE_CONFIG, seed=seed,
                                         invariance=a.invariance)
                print(f"{prot} seed {seed}: reference {', '.join(refs)} in {time.perf_counter() - t0:.0f} s (load {load:.2f})", flush=True)
                for q in todo:
                    load = os.getloadavg()[0]
                    with warnings.catch_warnings():
                        warnings.simplefilter('ignore')
                        t, _ = evaluate_query(q, seed, cfg, methods=('cnn',), nuisance=ref)
                    r = t.iloc[0]
                    row = dict(protocol=prot, query=q, seed=seed, variant=variant, **{c: r[c] for c in COLS[4:]})
                    done = pd.concat([done, pd.DataFrame([row])], ignore_index=True)[COLS]
                    tmp = out.with_suffix('.tmp'); done.to_csv(tmp, index=False); tmp.replace(out)  # after every draw: resumable
                    print(f"  {q} seed {seed}: AP {r.ap:.3f}, lift {r.lift:+.3f}, recall {r.recall:.3f}, Â {r.ratio_a_hat:.3f} "
                          f"({r.priors}) in {r.seconds:.0f} s (load {load:.2f})", flush=True)
    print(compare(done).to_string())
    print(f"written {out}")


if __name__ == '__main__': main()

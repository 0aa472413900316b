"""Probe, not adopted: other queries as a reference for the nuisances, on the committed full-size tables' draws
(12_evaluation, "Other queries as a reference").

P and Q alone cannot tell the adjective from a nuisance (12_evaluation, "How far a P-vs-Q ranking can go"): both are
traits P holds more often than Q. Other queries can: what separates *their* ANP results from their noun results is not
this query's adjective, so a network trained on other queries' P' against Q' scores the traits that mark ANP results
in general. This probe removes that score from the default's:

- `nuisance`: the ten queries are split in two halves such that no query shares its noun or adjective with a query of
  the other half (`HALVES`); for each protocol and seed one `nuisance_reference` (`REFERENCE_CONFIG`: networks from
  scratch, one conv head, `--epochs` per fold) learns P' vs Q' of the five queries of one half, drawn as the table's
  draws (`pseudo_sets` at the same seed and protocol), and scores the images of every draw of the other half. The
  default's committed scores s of that draw are then `adjust_scores`d to s − β·n, with β the slope of s on the
  reference score n within P and within Q (pooled): inside a set a nuisance is independent of relevance, so that
  slope is the nuisance's part of s, whereas across P ∪ Q the adjective and the nuisances are both tied to the set.
- `marks` (confounded protocol only): the same adjustment by the true nuisance marks of each image (four 0/1 columns,
  a multiple regression within the sets): what the adjustment reaches with a perfect reference.
- `cnn`: the committed scores, re-estimated and re-selected here exactly as the other two, so that a difference
  is the adjustment's alone (its figures equal the table's `cnn` rows, checked).

Each variant's Ratio A is estimated from its adjusted scores and the images of P are selected as a run does, by
`Evaluation.reestimate` with the defaults (nothing is retrained). Written: benchmarks/results/nuisance_reference.csv, one row per draw and variant
(ap over P, precision, lift, recall, the estimate and its source, β); means printed per protocol and variant.

    MPLBACKEND=Agg python benchmarks/nuisance_reference.py [--seeds 0,1,2] [--protocols plain,confounded] [--epochs 12]
"""
import argparse, os, time, warnings
from dataclasses import replace
from pathlib import Path

import numpy as np, pandas as pd, torch
from sklearn.metrics import average_precision_score

RESULTS = Path(__file__).parent / 'results'
TABLES = {'plain': 'table3_full', 'confounded': 'table3_full_confounded'}
HALVES = (('happy dog', 'happy kids', 'tiny flower', 'dry flower', 'fresh flowers'),
          ('clear sky', 'ancient city', 'falling snow', 'warm water', 'fluffy clouds'))  # each half the reference of the other


def check_halves():
    "Exit unless `HALVES` are `nuisance_halves` of Table 1's ten queries: the halves `run_batch(nuisance=True)` makes of them."
    from pwscae.core import QUERIES
    from pwscae.nuisance import nuisance_halves
    if tuple(map(tuple, nuisance_halves(QUERIES.index))) != HALVES: raise SystemExit("HALVES must be nuisance_halves of Table 1's queries")


def draws_args(a) -> tuple[list, list, Path]:
    "The protocols, seeds and output file of the parsed `--protocols`, `--seeds` and `--out`, checked: exits naming what is wrong."
    protocols, seeds = a.protocols.split(','), [int(s) for s in a.seeds.split(',')]
    if bad := [p for p in protocols if p not in TABLES]: raise SystemExit(f"--protocols: unknown {bad}; choose from {', '.join(TABLES)}")
    out = Path(a.out)
    if not out.parent.is_dir(): raise SystemExit(f"--out: the folder {out.parent} does not exist")
    return protocols, seeds, out


DRAW_COLS = ['protocol', 'query', 'seed', 'variant', 'ap', 'precision', 'lift', 'recall', 'ratio_a', 'ratio_a_hat', 'priors', 'seconds']


def load_draws(out:Path) -> pd.DataFrame:
    "The draws an earlier run wrote to `out` (none when it is not there); exits if it holds other columns."
    done = pd.read_csv(out) if out.is_file() else pd.DataFrame(columns=DRAW_COLS)
    if len(done) and list(done.columns) != DRAW_COLS: raise SystemExit(f"{out} has other columns than this script writes: move it away")
    return done


def evaluate_draw(done:pd.DataFrame, out:Path, prot:str, query:str, seed:int, variant:str, cfg, method:str='cnn', **kw) -> pd.DataFrame:
    "`done` with one more row: the row of `evaluate_query(query, seed, cfg, methods=(method,), **kw)` as `variant`, written to `out` at once (resumable) and printed."
    import os
    from pwscae.evaluation import evaluate_query
    load = os.getloadavg()[0]
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        r = evaluate_query(query, seed, cfg, methods=(method,), **kw)[0].iloc[0]
    row = dict(protocol=prot, query=query, seed=seed, variant=variant, **{c: r[c] for c in DRAW_COLS[4:]})
    done = pd.concat([done, pd.DataFrame([row])], ignore_index=True)[DRAW_COLS]
    tmp = out.with_suffix('.tmp'); done.to_csv(tmp, index=False); tmp.replace(out)
    print(f"{prot} {query} seed {seed}: AP {r.ap:.3f}, lift {r.lift:+.3f}, recall {r.recall:.3f}, Â {r.ratio_a_hat:.3f} "
          f"(true {r.ratio_a:.3f}, {r.priors}) in {r.seconds:.0f} s (load {load:.2f})", flush=True)
    return done


def beside_default(df:pd.DataFrame, cols:list) -> pd.DataFrame:
    "Means per protocol and variant of the draws in `df` (columns `cols`), beside the networks learnt against Q ('cnn') and the adjustment ('nuisance') on the same draws."
    ref = pd.read_csv(RESULTS / 'nuisance_reference.csv')
    ref = ref[ref.variant.isin(['cnn', 'nuisance'])][[c for c in cols if c != 'seconds']]
    keys = df[['protocol', 'query', 'seed']].drop_duplicates()
    both = pd.concat([ref.merge(keys), df.drop(columns='seconds')], ignore_index=True)
    both = both.assign(prior_error=(both.ratio_a_hat - both.ratio_a).abs(), assumed=both.priors.eq('assumed'))
    g = both.groupby(['protocol', 'variant'])
    out = g[['ap', 'precision', 'lift', 'recall', 'prior_error']].mean()
    out['assumed'], out['draws'] = g.assumed.sum(), g.size()
    return out.round(4)


def measured(ev, scores:dict, variant:str) -> pd.DataFrame:
    "`ev`'s `cnn` rows of the draws in `scores` ({(query, seed): scores of P ∪ Q, P first}) had the default scored so: Ratio A re-estimated and the images re-selected as a run does (`Evaluation.reestimate` with the defaults), the AP over P recomputed."
    from pwscae.config import QueryConfig
    cfg = QueryConfig()
    draws = ev.scores[pd.MultiIndex.from_frame(ev.scores[['query', 'seed']]).isin(list(scores))]
    sc = pd.concat([g.assign(cnn=scores[k]) for k, g in draws.groupby(['query', 'seed'], sort=False)])
    t = ev.table[pd.MultiIndex.from_frame(ev.table[['query', 'seed']]).isin(list(scores))]
    t = replace(ev, table=t, scores=sc).reestimate(cfg.prior_alpha, cfg.select_share, cfg.prior_estimator, cfg.prior_resamples).table
    t = t[t.method == 'cnn'].copy()
    P = sc[sc['set'] == 'P'].groupby(['query', 'seed'])
    t['ap'] = [average_precision_score(P.get_group(k).truth.astype(bool), P.get_group(k).cnn) for k in zip(t['query'], t.seed)]
    return t[['query', 'seed', 'ap', 'precision', 'lift', 'recall', 'ratio_a', 'ratio_a_hat', 'priors']].assign(variant=variant, beta=np.nan)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='plain,confounded')
    ap.add_argument('--epochs', type=int, default=12, help='epochs per fold of the reference networks')
    ap.add_argument('--out', default=str(RESULTS / 'nuisance_reference.csv'))
    a = ap.parse_args()
    from pwscae.core import stack_sets
    from pwscae.evaluation import Evaluation
    from pwscae.protocol import pseudo_sets, CONFOUNDS
    from pwscae.nuisance import nuisance_reference, adjust_scores, REFERENCE_CONFIG
    protocols, seeds, out = draws_args(a)
    check_halves()
    torch.set_num_threads(os.cpu_count() or 1)
    cfg = replace(REFERENCE_CONFIG, epochs=a.epochs)
    parts = []
    for prot in protocols:
        ev, confound = Evaluation.load(RESULTS / TABLES[prot]), ('all' if prot == 'confounded' else None)
        scores = {v: {} for v in ('cnn', 'nuisance', 'marks')}  # {variant: {(query, seed): scores of P ∪ Q}}
        slopes = {}
        for seed in seeds:
            for refs, targets in (HALVES, HALVES[::-1]):
                t0, load = time.perf_counter(), os.getloadavg()[0]
                ref = nuisance_reference([pseudo_sets(r, seed=seed, confound=confound) for r in refs], cfg=cfg, seed=seed)
                print(f"{prot} seed {seed}: reference {', '.join(refs)} in {time.perf_counter() - t0:.0f} s (load {load:.2f})", flush=True)
                for q in targets:
                    ref.check(q); ps = pseudo_sets(q, seed=seed, confound=confound)
                    g = ev.scores[(ev.scores['query'] == q) & (ev.scores.seed == seed)]
                    truth, fromP, s = ps.relevant('PQ'), g['set'].eq('P').to_numpy(), g.cnn.to_numpy()
                    if len(g) != len(truth) or not (g.truth.to_numpy(bool) == truth).all(): raise SystemExit(f"({q!r}, {seed}): the draw differs from the table's")
                    nP = int(fromP.sum())
                    if not fromP[:nP].all(): raise SystemExit(f"({q!r}, {seed}): the table's scores do not list P first")
                    scores['cnn'][(q, seed)] = s
                    scores['nuisance'][(q, seed)], b = adjust_scores(s, ref.score(stack_sets(ps.P, ps.Q)[0]), nP)
                    slopes[(q, seed)] = b[0]
                    if confound:
                        N = np.array([[k in v.split('+') for k in CONFOUNDS] for v in ps.truth.nuisance.fillna('')], float)
                        scores['marks'][(q, seed)] = adjust_scores(s, N, nP)[0]
        res = {v: measured(ev, sc, v) for v, sc in scores.items() if sc}
        mine, theirs = res['cnn'].set_index(['query', 'seed']), ev.table[ev.table.method == 'cnn'].set_index(['query', 'seed'])
        cols = ['ap', 'lift', 'recall', 'ratio_a_hat']
        if not np.allclose(mine[cols].to_numpy(float), theirs.loc[mine.index, cols].to_numpy(float)): raise SystemExit(f"{prot}: the re-measured cnn rows differ from the table's")
        res['nuisance']['beta'] = [slopes[k] for k in zip(res['nuisance']['query'], res['nuisance'].seed)]
        parts += [r.assign(protocol=prot) for r in res.values()]
    df = pd.concat(parts, ignore_index=True)[['protocol', 'query', 'seed', 'variant', 'beta', 'ap', 'precision', 'lift', 'recall', 'ratio_a', 'ratio_a_hat', 'priors']]
    tmp = out.with_suffix('.tmp'); df.to_csv(tmp, index=False); tmp.replace(out)
    q = df.groupby(['protocol', 'variant', 'query'])[['ap', 'lift', 'recall']].mean()
    q['prior_error'] = df.assign(e=(df.ratio_a_hat - df.ratio_a).abs()).groupby(['protocol', 'variant', 'query']).e.mean()
    print(q.groupby(['protocol', 'variant']).mean().round(4).to_string())
    print(f"written {out}")


if __name__ == '__main__': main()

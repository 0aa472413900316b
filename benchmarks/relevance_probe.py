"""A probe of the relevance networks' training options on the full preset's draws (by default on the four queries whose
adjective they learn least).

For each query and seed: the full preset's draw, pairs and auto-encoder, then stage 5 of a run (`learn_relevance`, the
default's cross-fitted P-vs-Q networks, the estimate of Ratio A with its guard and the selection) once per variant, a variant being `RelevanceConfig` fields changed from the default (`epochs=24`,
`folds=5`, ...; `default` is the default itself), on the same draw, auto-encoder and seed. Measured per variant: the AP
over P, the out-of-fold P-vs-Q AUC (what the estimate of Ratio A reads), the separation test's p-value, the estimate of
Ratio A and its source, and the selection's lift and recall (`selection_metrics`; rows written before 2026-12-05 have
no recall, which 12_evaluation derives from the lift, Â and |P|). Writes
benchmarks/results/relevance_probe.csv (one row per query, seed and variant; the rows of other variants kept) and prints the
means per variant.

The committed rows were run while the default trained 12 epochs per fold: their `default` is that, and their
`epochs=24` the default since 2026-12-05. A rerun's `default` is today's, and it replaces the rows of the same protocol,
query, seed and variant in its --out file: to repeat the comparison, give `--variants 'epochs=12;default' --out FILE`.

Usage: python benchmarks/relevance_probe.py --variants 'default;epochs=24;folds=5' [--seeds 0,1]
       [--queries 'happy kids,fluffy clouds,fresh flowers,ancient city'] [--confound all] [--out FILE]
"""
import argparse, os, time
from dataclasses import replace, fields
from pathlib import Path

import numpy as np, pandas as pd

RESULTS = Path(__file__).parent / 'results'
WEAK = 'happy kids,fluffy clouds,fresh flowers,ancient city'


def parse_variant(text:str, base) -> tuple:
    "('epochs=24', RelevanceConfig with epochs 24) from 'epochs=24' ('default': the base itself); fields typed as the base's."
    if text == 'default': return text, base
    kw, types = {}, {f.name: type(getattr(base, f.name)) for f in fields(base)}
    for item in text.split(','):
        k, _, v = item.partition('=')
        if k not in types: raise SystemExit(f"variant {text!r}: {k!r} is not a RelevanceConfig field ({', '.join(types)})")
        t = types[k]
        kw[k] = (None if v == 'None' else v in ('True', '1') if t is bool else int(v) if t is type(None) else t(v))
    return text, replace(base, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--variants', default='default;epochs=24')
    ap.add_argument('--seeds', default='0,1')
    ap.add_argument('--queries', default=WEAK)
    ap.add_argument('--confound', default=None)
    ap.add_argument('--out', default=str(RESULTS / 'relevance_probe.csv'), help='CSV to write; its rows of other keys are kept')
    a = ap.parse_args()
    from sklearn.metrics import average_precision_score, roc_auc_score
    from scipy.stats import mannwhitneyu
    from pwscae.config import QueryConfig
    from pwscae.stages import get_sets, pair_sets, train_pwscae, learn_relevance
    from pwscae.rank import selection_metrics
    cfg = QueryConfig(confound=a.confound)
    variants = [parse_variant(v.strip(), cfg.relevance) for v in a.variants.split(';')]  # a bad variant fails before any draw
    protocol, rows = 'plain' if a.confound is None else 'confounded', []
    print(f"load {os.getloadavg()[0]:.2f}", flush=True)
    for s in (int(v) for v in a.seeds.split(',')):
        for q in a.queries.split(','):
            c = cfg.update(seed=s)
            sets = get_sets(q, c); pairs = pair_sets(sets, c); learn, _ = train_pwscae(sets, pairs, c)
            truth, n = sets.relevant('PQ'), len(sets.P); from_p = np.arange(len(truth)) < n
            for name, rc in variants:
                t = time.perf_counter()
                rel = learn_relevance(sets, learn.model, pairs, None, c.update(relevance=rc))  # 'cnn' reads no clusters
                sc, pr, m = rel.scores, rel.priors, selection_metrics(rel.selected, truth[:n])
                rows.append(dict(protocol=protocol, query=q, seed=s, variant=name, ratio_a=float(truth[:n].mean()),
                                 ap=average_precision_score(truth[:n], sc[:n]), auc_pq=roc_auc_score(from_p, sc),
                                 p=mannwhitneyu(sc[:n], sc[n:], alternative='greater').pvalue, ratio_a_hat=pr['ratio_a'],
                                 priors=pr['source'], lift=m['lift'], seconds=time.perf_counter() - t, recall=m['recall']))
                print(rows[-1], flush=True)
    df = pd.DataFrame(rows)
    out = Path(a.out)
    if out.is_file():  # keep other variants' and protocols' rows
        old = pd.read_csv(out)
        key = ['protocol', 'query', 'seed', 'variant']
        df = pd.concat([old[~old.set_index(key).index.isin(df.set_index(key).index)], df], ignore_index=True)
    tmp = out.with_suffix('.csv.tmp'); df.to_csv(tmp, index=False); tmp.replace(out)
    df['prior_error'] = (df.ratio_a_hat - df.ratio_a).abs(); df['assumed'] = df.priors == 'assumed'
    print(df.groupby(['protocol', 'variant'])[['ap', 'auc_pq', 'prior_error', 'assumed', 'lift', 'seconds']].mean().round(3).to_string())
    print(df.pivot_table(index=['protocol', 'query'], columns='variant', values='ap').round(3).to_string())
    print(f"load {os.getloadavg()[0]:.2f}")


if __name__ == '__main__':
    main()

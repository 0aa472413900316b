"""The estimate of Ratio A as the median of bootstrap resamples (`QueryConfig.prior_resamples`) against the single estimate.

The default (`cnn`) estimates Ratio A and B from its own cross-fitted scores of P and Q, and its networks do not depend
on the estimate, so `Evaluation.reestimate` re-derives it, with `prior_resamples` set, from the scores of P and Q the
committed full Table 3 keeps (benchmarks/results/table3_full and table3_full_confounded): exactly what a rerun with the
option gives, on the same networks, without training one again. Both estimators are measured (`--estimators`), with
the default guard (`QueryConfig.prior_alpha`). Writes benchmarks/results/prior_resamples.csv (one row per protocol,
estimator, query and seed: the single estimate and the median of the resamples, with the precision, lift and recall
of the selections they size) and prints the means.

Usage: python benchmarks/prior_resamples.py [--resamples 30] [--estimators knee,regions]
"""
import argparse
import warnings
from pathlib import Path

import pandas as pd

RESULTS = Path(__file__).parent / 'results'
TABLES = {'plain': 'table3_full', 'confounded': 'table3_full_confounded'}
COLS = ['ratio_a_hat', 'priors', 'precision', 'lift', 'recall']


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--resamples', type=int, default=30)
    ap.add_argument('--estimators', default='knee,regions')
    a = ap.parse_args()
    from pwscae.evaluation import Evaluation
    from pwscae.config import QueryConfig
    cfg, estimators = QueryConfig(), a.estimators.split(',')
    for e in estimators: QueryConfig(prior_estimator=e, prior_resamples=a.resamples)  # checked before any table is read
    rows = []
    for prot, name in TABLES.items():
        ev = Evaluation.load(RESULTS / name)
        for e in estimators:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                one, med = [ev.reestimate(cfg.prior_alpha, prior_estimator=e, prior_resamples=r).table.query("method == 'cnn'")
                            .set_index(['query', 'seed']) for r in (0, a.resamples)]
            df = one[['ratio_a', 'ap'] + COLS].join(med[COLS].add_suffix('_median'))
            rows.append(df.reset_index().assign(protocol=prot, prior_estimator=e))
    df = pd.concat(rows, ignore_index=True)[['protocol', 'prior_estimator', 'query', 'seed', 'ratio_a', 'ap'] + COLS + [c + '_median' for c in COLS]]
    tmp = RESULTS / 'prior_resamples.csv.tmp'; df.to_csv(tmp, index=False); tmp.replace(RESULTS / 'prior_resamples.csv')
    for (prot, e), g in df.groupby(['protocol', 'prior_estimator'], sort=False):
        err = lambda c: (g[c] - g.ratio_a).abs().mean()
        print(f"{prot}, {e}: prior error {err('ratio_a_hat'):.3f} -> {err('ratio_a_hat_median'):.3f} (median of {a.resamples}); assumed "
              f"{(g.priors == 'assumed').sum()} -> {(g.priors_median == 'assumed').sum()} of {len(g)}; lift {g.lift.mean():+.3f} -> "
              f"{g.lift_median.mean():+.3f}; recall {g.recall.mean():.3f} -> {g.recall_median.mean():.3f}")


if __name__ == '__main__':
    main()

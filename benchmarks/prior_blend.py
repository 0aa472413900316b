"""The estimate of Ratio A from the relevance networks' own scores: the knee, the mixture and their blend, on finished tables.

The default (`cnn`) estimates Ratio A and B from its own cross-fitted scores of P and Q and selects the top Â · |P|
images of P. Until 2026-12-05 the estimate was the knee of the P-vs-Q ROC curve (`prior_estimator='knee'`), which reads
`A` low where relevant and irrelevant images overlap in score. `prior_estimator='mixture'` fits two normal components
shared by P and Q; 'blend' is the mean of the two; 'auto' (the default since) is the blend on a method's own scores.
`Evaluation.reestimate` applies each to a finished evaluation from the scores of P and Q it keeps, exactly as a run with
the option would (the networks do not depend on it), at the default guard (`prior_alpha` 0.05, the knee's Mann-Whitney
test for all three), so every estimator is measured on the same networks.

Measured on every set of draws whose evaluation keeps Q's scores: the full Table 3 (seeds 0-2, 24 epochs per fold,
plain and confounded), the same draws at 12 epochs per fold (table3_full*_epochs12), and the held-out draws (seeds 3-4)
at 24 epochs (heldout_epochs24, heldout_epochs24_confounded) and at 12 (select_share_heldout*). Where a folder is missing
it is skipped with a note.

Writes benchmarks/results/prior_blend.csv (per draws, protocol and estimator: the default's mean |Â − Ratio A|, draws
with assumed priors, precision, lift, recall, queries above Ratio A) and prior_blend_by_query.csv (per query), and
prints them.

Usage: python benchmarks/prior_blend.py [--estimators knee,mixture,blend] [--alpha 0.05]
"""
import argparse
import os
from pathlib import Path

import pandas as pd

from prior_alpha import at_alpha  # the same figures per estimator and level (run as a script, this folder is on the path)

RESULTS = Path(__file__).parent / 'results'
DRAWS = {('table3', 'plain'): 'table3_full', ('table3', 'confounded'): 'table3_full_confounded',
         ('table3_epochs12', 'plain'): 'table3_full_epochs12', ('table3_epochs12', 'confounded'): 'table3_full_confounded_epochs12',
         ('held_out', 'plain'): 'heldout_epochs24', ('held_out', 'confounded'): 'heldout_epochs24_confounded',
         ('held_out_epochs12', 'plain'): 'select_share_heldout', ('held_out_epochs12', 'confounded'): 'select_share_heldout_confounded'}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--estimators', default='knee,mixture,blend', help='estimators of Ratio A (`QueryConfig.prior_estimator`)')
    ap.add_argument('--alpha', type=float, default=0.05, help='the guard (`QueryConfig.prior_alpha`)')
    a = ap.parse_args()
    from pwscae.evaluation import Evaluation
    from pwscae.config import QueryConfig
    estimators = a.estimators.split(',')
    for e in estimators: QueryConfig(prior_estimator=e, prior_alpha=a.alpha)  # a bad option fails here, before any table is read
    rows, per_query = [], []
    for (draws, prot), name in DRAWS.items():
        if not (RESULTS / name / 'table.csv').is_file(): print(f'{name}: not found, skipped'); continue
        ev = Evaluation.load(RESULTS / name)
        for e in estimators:  # at_alpha's columns but the level, which is one here
            row, bq = at_alpha(ev, a.alpha, draws, prot, e)
            rows.append({k: v for k, v in row.items() if k not in ('prior_alpha', 'queries')}); per_query.append(bq.drop(columns='prior_alpha'))
        print(f'{name}: done', flush=True)
    df, bq = pd.DataFrame(rows), pd.concat(per_query, ignore_index=True)
    for d, f in ((df, 'prior_blend.csv'), (bq, 'prior_blend_by_query.csv')):
        tmp = RESULTS / (f + '.tmp'); d.to_csv(tmp, index=False); tmp.replace(RESULTS / f)
    print(df.round(3).to_string(index=False))
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == '__main__':
    main()

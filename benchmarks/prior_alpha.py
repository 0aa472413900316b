"""The estimator of Ratio A (`QueryConfig.prior_estimator`) and its significance guard (`prior_alpha`), measured on finished tables.

The default (`cnn`) estimates Ratio A and B from its own cross-fitted scores of P and Q, and selects the top Â · |P|
images of P. The estimators: the knee of the P-vs-Q ROC curve ('knee', the default from 2026-12-02 to 2026-12-05), the
density ratio on its top and bottom regions ('regions', the default before), a mixture of two normal components
('mixture') and the mean of the knee and the mixture ('blend', the default since 2026-12-05 through 'auto'). With
`prior_alpha` (0.05 by default) the estimate is kept only where P scores significantly above Q by the estimator's
one-sided test (Fisher's exact test on the two regions for the regions, Mann-Whitney for the others); elsewhere the
priors are assumed (0.7 and 0.3). `Evaluation.reestimate` applies both to a finished evaluation from the scores of P
and Q it keeps, exactly as a run with the options would (the networks do not depend on them), so every estimator and
level is measured on the same networks. Tables saved before Q's scores were kept (the bfloat16 tables,
table3_full_bf16) cannot be re-estimated and are skipped.

Two sets of tables (--tables):
- `today` (the default): the committed full Table 3 (benchmarks/results/table3_full and table3_full_confounded, seeds
  0-2, 24 epochs per fold) and the held-out draws of the same default (heldout_epochs24 and heldout_epochs24_confounded,
  seeds 3-4). Writes prior_alpha.csv and prior_alpha_by_query.csv.
- `epochs12`: the same draws with 12 epochs per fold, the default until 2026-12-05 (table3_full_epochs12 and
  table3_full_confounded_epochs12, the held-out select_share_heldout and select_share_heldout_confounded), and the
  one-layer head's float32 tables (table3_full_float32, table3_full_confounded_float32), where the knee was chosen.
  Writes prior_alpha_epochs12.csv and prior_alpha_by_query_epochs12.csv; the committed ones were written with
  `--estimators knee,regions`, the estimators of the time.
Also measured, as a floor: the same estimate on a perfect ranking of each draw of the plain table (every relevant image
of P and Q above every irrelevant one, in random order within each class, 20 orders a draw): what each estimator errs
by from the order of P and Q within the classes alone.

Each CSV has one row per draws, protocol, estimator and level (the default's mean |Â − Ratio A|, draws with assumed
priors, precision, lift, recall, queries above Ratio A); the by-query CSV the same per query. Both are printed.

Usage: python benchmarks/prior_alpha.py [--tables today|epochs12] [--estimators knee,regions,mixture,blend] [--alphas none,0.05,0.01,0.001]
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS = Path(__file__).parent / 'results'
TABLES = {  # --tables: {(draws, protocol): folder}, and the suffix of the CSVs
    'today': ({('table3', 'plain'): 'table3_full', ('table3', 'confounded'): 'table3_full_confounded',
               ('held_out', 'plain'): 'heldout_epochs24', ('held_out', 'confounded'): 'heldout_epochs24_confounded'}, ''),
    'epochs12': ({('table3', 'plain'): 'table3_full_epochs12', ('table3', 'confounded'): 'table3_full_confounded_epochs12',
                  ('table3_float32', 'plain'): 'table3_full_float32', ('table3_float32', 'confounded'): 'table3_full_confounded_float32',
                  ('held_out', 'plain'): 'select_share_heldout', ('held_out', 'confounded'): 'select_share_heldout_confounded'}, '_epochs12')}


def at_alpha(ev, alpha, draws, protocol, estimator='knee', method='cnn'):
    "The method's figures with its priors re-estimated by `estimator` at guard `alpha` (None: none): means over `Evaluation.by_query`'s queries, and per query."
    q = ev.reestimate(alpha, prior_estimator=estimator).by_query(method)
    label = 'none' if alpha is None else f'{alpha:g}'
    row = dict(draws=draws, protocol=protocol, prior_estimator=estimator, prior_alpha=label, n_draws=int((ev.table.method == method).sum()),
               prior_error=q.prior_error.mean(), assumed=int(q.assumed.sum()), precision=q.precision.mean(), lift=q.lift.mean(),
               recall=q.recall.mean(), queries_above=int((q.lift > 0).sum()), queries=len(q))
    by_q = q[['ratio_a', 'ratio_a_hat', 'prior_error', 'assumed', 'lift', 'recall']].reset_index()
    return row, by_q.assign(draws=draws, protocol=protocol, prior_estimator=estimator, prior_alpha=label)


def perfect_floor(ev, estimator, orders=20, seed=0) -> dict:
    "`estimator`'s mean |Â − Ratio A| on perfect rankings of each draw's P and Q (the table's sizes and truth)."
    from pwscae.priors import _priors_of_scores
    rng, errs = np.random.default_rng(seed), []
    for (q, s), g in ev.scores.groupby(['query', 'seed'], sort=False):
        y, fromP = g.truth.to_numpy(bool), g['set'].eq('P').to_numpy()
        a = y[fromP].mean()
        errs.append(np.mean([abs(_priors_of_scores(y + 0.5 * rng.random(len(y)), fromP, estimator)[0] - a) for _ in range(orders)]))
    return dict(draws='perfect_ranking', protocol='plain', prior_estimator=estimator, prior_alpha='none', n_draws=len(errs), prior_error=float(np.mean(errs)), assumed=0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tables', default='today', choices=list(TABLES), help="today's tables (24 epochs) or those of 12 epochs")
    ap.add_argument('--estimators', default='knee,regions,mixture,blend', help='estimators of Ratio A (`QueryConfig.prior_estimator`)')
    ap.add_argument('--alphas', default='none,0.05,0.01,0.001', help="levels of the guard, 'none' for the estimate as it is")
    a = ap.parse_args()
    from pwscae.evaluation import Evaluation
    from pwscae.config import QueryConfig
    alphas = [None if v.strip().lower() == 'none' else float(v) for v in a.alphas.split(',')]
    estimators = a.estimators.split(',')
    for v in alphas: QueryConfig(prior_alpha=v)  # a bad level fails here, before any table is read
    for e in estimators: QueryConfig(prior_estimator=e)
    draws_of, suffix = TABLES[a.tables]
    rows, per_query, floor = [], [], []
    for (draws, prot), name in draws_of.items():
        if not (RESULTS / name / 'table.csv').is_file(): print(f'{name}: not found, skipped'); continue
        ev = Evaluation.load(RESULTS / name)
        try: measured = [at_alpha(ev, v, draws, prot, e) for e in estimators for v in alphas]
        except ValueError as e: print(f"{name}: skipped, {e}"); continue  # saved before Q's scores were kept
        rows += [r for r, _ in measured]; per_query += [bq for _, bq in measured]
        if (draws, prot) == ('table3', 'plain'): floor = [perfect_floor(ev, e) for e in estimators]
    rows += floor
    df, bq = pd.DataFrame(rows), pd.concat(per_query, ignore_index=True)
    for d, f in ((df, f'prior_alpha{suffix}.csv'), (bq, f'prior_alpha_by_query{suffix}.csv')):
        tmp = RESULTS / (f + '.tmp'); d.to_csv(tmp, index=False); tmp.replace(RESULTS / f)
    print(df.round(3).to_string(index=False))


if __name__ == '__main__':
    main()

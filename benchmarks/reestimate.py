"""Re-derive the priors of the relevance networks' rows in committed evaluations with the current defaults.

The `cnn` networks (and their ablations, `SELF_ESTIMATED`) estimate Ratio A and B from their own scores of P and Q, and
their networks do not depend on those priors: only the estimate and the selection it sizes do. A committed evaluation
keeps those scores, so `Evaluation.reestimate` with the defaults of `QueryConfig` (`prior_alpha`, `prior_estimator`,
`prior_resamples`) gives, draw for draw, what rerunning those methods with the current code would give, without
training a network again. The rows of the other methods are left as they are (their priors come from the auto-encoder's
codes, which an evaluation does not keep: rerun them with `benchmarks/table3.py --methods`).

Each folder is rewritten in place, atomically; the before/after mean prior error, draws with assumed priors, lift and
recall of each re-derived method are printed. Folders whose scores of Q were not kept are skipped, with a note.

Usage: python benchmarks/reestimate.py [FOLDER ...]   (default: every evaluation under benchmarks/results)
"""
import sys
import warnings
from pathlib import Path

RESULTS = Path(__file__).parent / 'results'


def main():
    from pwscae.evaluation import Evaluation, SELF_ESTIMATED
    from pwscae.config import QueryConfig
    cfg = QueryConfig()
    folders = [Path(f) for f in sys.argv[1:]] or sorted(d for d in RESULTS.iterdir() if (d / 'table.csv').is_file())
    print(f"defaults: prior_estimator={cfg.prior_estimator!r}, prior_alpha={cfg.prior_alpha}, prior_resamples={cfg.prior_resamples}")
    for d in folders:
        ev = Evaluation.load(d)
        own = ev.table.method.isin(SELF_ESTIMATED)
        if not own.any(): print(f"{d.name}: no relevance-network rows, left as is"); continue
        if 'Q' not in set(ev.scores['set']): print(f"{d.name}: saved before the scores of Q were kept, left as is"); continue
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            new = ev.reestimate(cfg.prior_alpha, cfg.select_share, cfg.prior_estimator, cfg.prior_resamples)
        for m in ev.table.method[own].unique():
            a, b = ev.table[ev.table.method == m], new.table[new.table.method == m]
            err = lambda t: (t.ratio_a_hat - t.ratio_a).abs().mean()
            print(f"{d.name} {m}: prior error {err(a):.3f} -> {err(b):.3f}, assumed {(a.priors == 'assumed').sum()} -> "
                  f"{(b.priors == 'assumed').sum()} of {len(a)}, lift {a.lift.mean():+.3f} -> {b.lift.mean():+.3f}, "
                  f"recall {a.recall.mean():.3f} -> {b.recall.mean():.3f}", flush=True)
        new.save(d, overwrite=True)


if __name__ == '__main__':
    main()

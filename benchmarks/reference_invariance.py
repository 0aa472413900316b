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
import argparse, os, time
from dataclasses import replace

import torch

from nuisance_reference import RESULTS, HALVES, DRAW_COLS as COLS, check_halves, draws_args, load_draws, beside_default, evaluate_draw  # the same halves and protocols as the adjustment's benchmark


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='confounded,plain')
    ap.add_argument('--invariance', type=float, default=10., help="the reference's weight in the networks' loss")
    ap.add_argument('--head', default='conv', help="the relevance networks' head (RelevanceConfig.head): conv, deep or both")
    ap.add_argument('--out', default=str(RESULTS / 'reference_invariance.csv'))
    a = ap.parse_args()
    from pwscae.config import PRESETS
    from pwscae.protocol import pseudo_sets
    from pwscae.nuisance import nuisance_reference, REFERENCE_CONFIG
    protocols, seeds, out = draws_args(a)
    if a.invariance < 0: raise SystemExit(f"--invariance {a.invariance}: give a weight >= 0")
    if a.head not in ('conv', 'deep', 'both'): raise SystemExit(f"--head {a.head!r}: choose conv, deep or both")
    check_halves()
    done = load_draws(out)
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
                    done = evaluate_draw(done, out, prot, q, seed, variant, cfg, nuisance=ref)
    print(beside_default(done, COLS).to_string())
    print(f"written {out}")


if __name__ == '__main__': main()

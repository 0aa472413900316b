"""The 'cnn' networks trained on P against the noun's other queries' results (`contrast='siblings'`) instead of
against Q, on the committed full-size tables' draws (12_evaluation, "Against the noun's other queries").

Every draw of both tables is run again through `evaluate_query(q, seed, PRESETS['full'].update(confound=...),
methods=('cnn_siblings',))` (until 2026-12-06, when that variant became the default and the tables' row: `methods=('cnn',)`
with the preset's contrast='siblings'): the same P and Q as the tables' (same seed and protocol), the `cnn` rows' networks and
selection, but the networks learn P (1) against C (0), m images drawn evenly from the noun's other ANPs (near-synonyms
left out; `sibling_set`), each at Ratio A 0.7 and, in the confounded protocol, marked with P's nuisances, as the
results of any adjective–noun query are. Ratio A is estimated from P's scores against C's. Written after every draw
(resumable): benchmarks/results/sibling_contrast.csv, one row per draw (variant `siblings`); then the means per
protocol beside the networks learnt against Q (`cnn`, the default until 2026-12-06) and the adjustment by other queries (`nuisance`, nuisance_reference.py).

    MPLBACKEND=Agg python benchmarks/sibling_contrast.py [--seeds 0,1,2] [--protocols confounded,plain]
"""
import argparse, os

import torch

from nuisance_reference import RESULTS, DRAW_COLS as COLS, draws_args, load_draws, beside_default, evaluate_draw


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='confounded,plain')
    ap.add_argument('--out', default=str(RESULTS / 'sibling_contrast.csv'))
    a = ap.parse_args()
    from pwscae.config import PRESETS
    from pwscae.core import QUERIES
    protocols, seeds, out = draws_args(a)
    done = load_draws(out)
    seen = set(zip(done.protocol, done['query'], done.seed))
    torch.set_num_threads(os.cpu_count() or 1)
    for prot in protocols:
        cfg = PRESETS['full'].update(confound='all' if prot == 'confounded' else None)
        for seed in seeds:
            for q in QUERIES.index:
                if (prot, q, seed) in seen: continue
                done = evaluate_draw(done, out, prot, q, seed, 'siblings', cfg, method='cnn_siblings')
    print(beside_default(done, COLS).to_string())
    print(f"written {out}")


if __name__ == '__main__': main()

"""Probe, not adopted: the relevance network trained on stage 2's object-matched pairs with a logistic ranking loss,
against the default P-vs-Q network, on the same draws (12_evaluation, "tried and not adopted").

For each query of Table 1 and seed, one draw and one auto-encoder are shared by:
- `cnn`: the default relevance stage (`learn_relevance`, P vs Q, cross-fitted);
- `pairs_k1`: the same `RelevanceNet`, started from the same encoder, trained to score a ∈ P above its matched b ∈ Q,
  softplus(f(b) − f(a)), with one pair per image of P and the default's epochs (as many images through the network;
  12_evaluation's figures were measured when the default was 8 epochs and the head's pool a max-pool; the script now
  runs the current defaults);
- `pairs_k3`: three pairs per image of P (`pairs_per_image=3`) and half the default's epochs.
The pair networks are cross-fitted too: P's images are split into two folds, each image of Q goes to the fold of most
of the images of P it is matched to, and a network trains on the pairs whose two images are outside its fold.

Prints per query and on average the AP over P and the lift at the true Ratio A (precision of the top Ratio A·|P|
images of P minus Ratio A), so that the ranking is compared without the prior estimate.

    MPLBACKEND=Agg python benchmarks/pair_ranking_probe.py [--protocol plain|confounded] [--seeds 0,1,2] [--preset full] [--jobs 2]
"""
import argparse, warnings

import numpy as np, pandas as pd, torch, torch.nn as nn
from joblib import Parallel, delayed
from sklearn.metrics import average_precision_score

from pwscae.core import QUERIES, seeded, batched, stack_sets, get_device
from pwscae.config import PRESETS
from pwscae.stages import get_sets, pair_sets, train_pwscae, cluster_differences, learn_relevance
from pwscae.relevance import RelevanceNet, BatchFlip, _ValidateLast, _PlainBatch, _amp_callback
from fastai.learner import Learner
from fastai.data.core import TfmdDL, DataLoaders
from fastai.torch_core import TensorImage
from fastai.optimizer import Adam
from fastai.callback.progress import ProgressCallback
from fastcore.basics import noop


class PairMargin(nn.Module):
    "f(a) − f(b) for a batch of pairs."
    def __init__(self, net): super().__init__(); self.net = net
    def forward(self, a, b): return self.net(a) - self.net(b)  # (bs,)


def fit_pairs(x, a, b, va, vb, net, epochs, bs, seed, device, lr=3e-3, wd=1e-3):
    "Train `net` on `device` so that f(x[a]) > f(x[b]) (logistic loss); the held-out pairs are the validation set."
    one = torch.ones(())
    items = lambda A, B: [(TensorImage(x[i]), TensorImage(x[j]), one) for i, j in zip(A, B)]
    with seeded(seed):
        tr = TfmdDL(items(a, b), bs=bs, shuffle=True, drop_last=len(a) > bs, after_batch=[BatchFlip()], device=device, num_workers=0)
        tr.rng.seed(seed)
        va_dl = TfmdDL(items(va, vb), bs=256, device=device, num_workers=0)
        learn = Learner(DataLoaders(tr, va_dl, device=device), PairMargin(net),
                        loss_func=nn.BCEWithLogitsLoss(), opt_func=Adam, cbs=[_ValidateLast(), _PlainBatch()])
        if (amp := _amp_callback('auto', device)) is not None: learn.add_cb(amp)
        learn.remove_cb(ProgressCallback); learn.logger = noop
        torch.manual_seed(seed); learn.fit_one_cycle(epochs, lr, wd=wd)
    return net.eval()


def pair_scores(sets, model, pairs, seed, epochs, bs, device, folds=2):
    "Cross-fitted scores of P ∪ Q from networks trained on the pairs."
    x, _ = stack_sets(sets.P, sets.Q); n, N = len(sets.P), len(x)
    rng = np.random.default_rng(seed)
    fold = np.full(N, -1); fold[:n] = rng.permutation(np.arange(n) % folds)
    a, b = pairs.a.to_numpy(), pairs.b.to_numpy() + n
    for j in np.unique(b): fold[j] = np.bincount(fold[a[b == j]], minlength=folds).argmax()
    rest = np.flatnonzero(fold < 0); fold[rest] = rng.permutation(np.arange(len(rest)) % folds)
    s = np.zeros(N)
    for f in range(folds):
        tr, va = (fold[a] != f) & (fold[b] != f), (fold[a] == f) & (fold[b] == f)
        with seeded(seed * 1000 + f): net = RelevanceNet.from_pwscae(model)
        net = fit_pairs(x, a[tr], b[tr], a[va], b[va], net, epochs, bs, seed * 1000 + f, device)
        te = np.flatnonzero(fold == f); s[te] = batched(net, x[te]).float().numpy()
    return s


def one(query, seed, preset, confound):
    torch.set_num_threads(1); warnings.simplefilter('ignore')
    cfg = PRESETS[preset].update(seed=seed, confound=confound)
    sets = get_sets(query, cfg); pairs = pair_sets(sets, cfg)
    model, dev = train_pwscae(sets, pairs, cfg)[0].model, get_device(cfg.device)
    scores = {'cnn': learn_relevance(sets, model, pairs, cluster_differences(model, sets, pairs, cfg), cfg).scores,
              'pairs_k1': pair_scores(sets, model, pairs, seed, cfg.relevance.epochs, 16, dev),
              'pairs_k3': pair_scores(sets, model, pair_sets(sets, cfg.update(pairs_per_image=3)), seed, max(1, cfg.relevance.epochs // 2), 32, dev)}
    t, n = sets.relevant('P'), len(sets.P); A = t.mean(); k = int(round(A * n))
    return [dict(query=query, seed=seed, method=m, ap=average_precision_score(t, s[:n]),
                 lift_at_ratio_a=t[np.argsort(-s[:n], kind='stable')[:k]].mean() - A) for m, s in scores.items()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--protocol', default='plain', choices=('plain', 'confounded'))
    ap.add_argument('--seeds', default='0,1,2'); ap.add_argument('--preset', default='full'); ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    conf = None if a.protocol == 'plain' else 'all'
    rows = Parallel(n_jobs=a.jobs)(delayed(one)(q, int(s), a.preset, conf) for s in a.seeds.split(',') for q in QUERIES.index)
    d = pd.DataFrame([r for rs in rows for r in rs])
    print(d.pivot_table(index='query', columns='method', values='ap').round(3).to_string())
    print(f"\n{a.protocol} protocol, {a.preset} preset, seeds {a.seeds}: mean over draws")
    print(d.groupby('method')[['ap', 'lift_at_ratio_a']].mean().round(3).to_string())


if __name__ == '__main__':
    main()

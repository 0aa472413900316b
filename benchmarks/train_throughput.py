"""Training throughput of the pair-wise SCAE (Table 2 network, 100×100 inputs): fastai Learner vs a hand-written
PyTorch loop over the same model, data, batch size and threads; plus encoder images/s and the channels-last speed-up.

    MPLBACKEND=Agg python benchmarks/train_throughput.py [--bs 32] [--threads 2] [--batches 8] [--rounds 3] [--device auto]

Goal on an otherwise idle 2-core CPU: fastai/hand ratio >= 0.95 and >= 85 pairs/s at bs 32. Other processes sharing
the CPU lower the absolute figures (the load average is printed); the ratio is measured interleaved, so it is fair.
"""
import argparse, os, time

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from fastai.callback.core import Callback

from pwscae.core import ImageSet, get_device
from pwscae.model import PWSCAE, SCAEConfig
from pwscae.train import pair_dls, pwscae_learner, encode


class StepTimer(Callback):
    "Wall time between consecutive training batches (loading + forward + backward + step)."
    order = 100
    def before_fit(self): self.times = []
    def before_train(self): self.t = time.perf_counter()
    def after_batch(self):
        if not self.training: return
        t = time.perf_counter(); self.times.append(t - self.t); self.t = t


def hand_loss(m, x):
    "§3.2 loss written out: per-level MSE of differences, calling the submodules directly (no hooks)."
    n = len(x) // 2
    i1 = x; i2 = m.encoders[0](i1); o2 = m.decoders[1](m.encoders[1](i2)); o1 = m.decoders[0](o2)
    return F.mse_loss(o1[:n] - o1[n:], i1[:n] - i1[n:]) + F.mse_loss(o2[:n] - o2[n:], i2[:n] - i2[n:])


def hand_epoch(model, opt, dl, channels_last=True):
    "One epoch of a plain PyTorch loop over the same DataLoader; returns per-batch times."
    model.train(); times = []; t = time.perf_counter()
    for x, y in dl:
        if not channels_last: x = x.contiguous()
        loss = hand_loss(model, x)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
        if x.device.type == 'cuda': torch.cuda.synchronize()  # time the work, not its launch
        t2 = time.perf_counter(); times.append(t2 - t); t = t2
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bs', type=int, default=32); ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--batches', type=int, default=8, help='training batches per epoch')
    ap.add_argument('--rounds', type=int, default=3, help='interleaved fastai/hand epochs')
    ap.add_argument('--device', default='auto', help="auto (CUDA, else MPS, else CPU), cpu, cuda, mps")
    a = ap.parse_args()
    dev = get_device(a.device)
    torch.set_num_threads(a.threads)
    g = torch.Generator().manual_seed(0)
    n = a.bs * a.batches
    P = ImageSet(torch.rand(n + 2, 3, 100, 100, generator=g), [f'p{i}' for i in range(n + 2)])
    Q = ImageSet(torch.rand(n + 2, 3, 100, 100, generator=g), [f'q{i}' for i in range(n + 2)])
    pairs = pd.DataFrame({'a': np.arange(n + 2), 'b': np.arange(n + 2)})
    dls = pair_dls(P, Q, pairs, bs=a.bs, valid_pct=2 / (n + 2), augment=True, device=dev)

    timer = StepTimer()
    learn = pwscae_learner(dls, SCAEConfig(), progress=False, cbs=[timer])
    torch.manual_seed(0); hand = PWSCAE(SCAEConfig()).to(dev, memory_format=torch.channels_last)
    # fastai's Adam defaults: betas (0.9, 0.99), eps 1e-5, decoupled weight decay 0.01
    opt = torch.optim.AdamW(hand.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-5, weight_decay=0.01)
    torch.manual_seed(0); hand_cf = PWSCAE(SCAEConfig()).to(dev)
    opt_cf = torch.optim.AdamW(hand_cf.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-5, weight_decay=0.01)

    fa, hd, cf = [], [], []
    learn.fit(1); hand_epoch(hand, opt, dls.train)          # warm-up
    for r in range(a.rounds):
        learn.fit(1); fa += timer.times[1:]                     # first batch of an epoch includes iterator start-up
        hd += hand_epoch(hand, opt, dls.train)[1:]
        cf += hand_epoch(hand_cf, opt_cf, dls.train, channels_last=False)[1:]
    f_ps, h_ps, c_ps = a.bs / np.median(fa), a.bs / np.median(hd), a.bs / np.median(cf)

    imgs = torch.rand(512, 3, 100, 100, generator=g)
    encode(hand, imgs[:256])
    t = time.perf_counter(); encode(hand, imgs, bs=256); enc = len(imgs) / (time.perf_counter() - t)

    load = os.getloadavg()
    print(f"torch {torch.__version__} on {dev}, {torch.get_num_threads()} threads, bs {a.bs} pairs (= {2 * a.bs} images of 100×100), "
          f"{len(fa)} timed steps each; load average {load[0]:.2f} (1 min) on {os.cpu_count()} cores")
    print(f"fastai Learner       : {f_ps:6.1f} pairs/s  ({np.median(fa) * 1e3:6.0f} ms/step)")
    print(f"hand-written loop    : {h_ps:6.1f} pairs/s  ({np.median(hd) * 1e3:6.0f} ms/step)")
    print(f"ratio fastai / hand  : {f_ps / h_ps:6.3f}   (goal >= 0.95)")
    print(f"channels-last speed-up (hand loop, vs contiguous {c_ps:.1f} pairs/s): {h_ps / c_ps:.2f}x")
    print(f"encoder (top-level features, bs 256): {enc:6.1f} images/s")
    print(f"goal >= 85 pairs/s: {'met' if f_ps >= 85 else 'NOT met'}"
          + ("" if load[0] < 1.5 else f" -- note: the CPU is shared (load {load[0]:.1f} on {os.cpu_count()} cores), figures are low"))


if __name__ == '__main__': main()

"""FLOPs and achieved GFLOP/s of the relevance stage's network (`RelevanceNet`, 100×100 inputs) against this CPU's conv
roofline: the rate one large convolution reaches with the same threads.

    MPLBACKEND=Agg python benchmarks/relevance_flops.py [--threads 2] [--steps 6] [--bs 32,64] [--device auto]

Prints the roofline in float32 and, where the relevance stage trains in a lower precision (`autocast_dtype`: bfloat16
on a CPU that computes it natively, float16 on CUDA), in that precision too; then, per batch size, memory layout
(contiguous NCHW, channels-last) and precision, the training steps' images/s (forward + backward + Adam), the achieved
GFLOP/s (FLOPs counted by torch's FlopCounterMode, forward + backward per image) and its share of the float32
roofline; then real `cross_fit_cnn` runs at the defaults (200 + 200 images, 2 folds × 12 epochs, started from a
channels-last auto-encoder's encoder as in a run; `--repeats` of each, fastest and median given, the first including
one-time set-up), as a run trains it (`amp='auto'`) and in float32 (`amp='off'`), with their FLOPs and GFLOP/s, which
add fastai's loop, the flips, the held-out fold's validation and the scoring to the
bare steps. A share of the float32 roofline above 100% is possible in a lower precision: it is the same work done
faster, and the lower precision's own roofline is printed beside it.
Other processes sharing the CPU lower every figure (the load average is printed): compare rows of one run. On a shared
machine the time of one step swings by 10× or more (a 1024² matmul at 1 thread measured from 3 to 161 GFLOP/s in one
loop), so every rate is given twice: from the fastest repeat (what the CPU does when it is ours) and from the median.
The share of the roofline compares fastest with fastest.
"""
import argparse, os, time

import numpy as np
import torch
import torch.nn as nn
from torch.utils.flop_counter import FlopCounterMode

from pwscae.core import get_device
from pwscae.model import PWSCAE
from pwscae.relevance import RelevanceNet, RelevanceConfig, cross_fit_cnn, autocast_dtype


def flops(fn) -> int:
    "FLOPs torch counts for `fn()` (a multiply-add is 2)."
    with FlopCounterMode(display=False) as fc: fn()
    return fc.get_total_flops()


def name(dtype) -> str: return str(dtype or torch.float32).removeprefix('torch.')


def sync(dev):
    if dev.type == 'cuda': torch.cuda.synchronize()


def roofline(dev, dtype=None, reps=10) -> tuple[float, float]:
    "(fastest, median) GFLOP/s of a large 3×3 convolution (64 → 64 channels, 32 × 56 × 56), forward, channels-last; under autocast to `dtype` if given."
    conv = nn.Conv2d(64, 64, 3, padding=1).to(dev, memory_format=torch.channels_last)
    x = torch.randn(32, 64, 56, 56, device=dev).contiguous(memory_format=torch.channels_last)
    with torch.no_grad(), torch.autocast(dev.type, dtype=dtype or torch.float32, enabled=dtype is not None):
        f = flops(lambda: conv(x))
        conv(x); sync(dev)
        times = []
        for _ in range(reps):
            t = time.perf_counter(); conv(x); sync(dev); times.append(time.perf_counter() - t)
    return f / min(times) / 1e9, f / float(np.median(times)) / 1e9


def train_steps(dev, bs, channels_last, steps, dtype=None) -> tuple[float, float, float]:
    "(fastest images/s, median images/s, FLOPs per image) of bare training steps of a `RelevanceNet`: forward, BCE, backward, Adam."
    torch.manual_seed(0)
    net = RelevanceNet().to(dev)
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    net = net.to(memory_format=fmt)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.rand(bs, 3, 100, 100, device=dev).contiguous(memory_format=fmt)
    y = (torch.rand(bs, device=dev) < 0.5).float()
    loss_fn = nn.BCEWithLogitsLoss()
    def step():
        with torch.autocast(dev.type, dtype=dtype or torch.float32, enabled=dtype is not None): loss = loss_fn(net(x).float(), y)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    per_image = flops(lambda: loss_fn(net(x), y).backward()) / bs
    step(); step(); sync(dev)  # warm-up
    times = []
    for _ in range(steps):
        t = time.perf_counter(); step(); sync(dev); times.append(time.perf_counter() - t)
    return bs / min(times), bs / float(np.median(times)), per_image


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--threads', type=int, default=2); ap.add_argument('--steps', type=int, default=10)
    ap.add_argument('--bs', default='32,64', help='comma-separated batch sizes')
    ap.add_argument('--device', default='auto', help='auto (CUDA, else MPS, else CPU), cpu, cuda, mps')
    ap.add_argument('--no-cross-fit', action='store_true', help='skip the real cross_fit_cnn run')
    ap.add_argument('--repeats', type=int, default=3, help='cross_fit_cnn runs per precision (fastest and median are given)')
    a = ap.parse_args()
    dev = get_device(a.device); torch.set_num_threads(a.threads)
    print(f"device {dev}, torch threads {torch.get_num_threads()}, load average {os.getloadavg()[0]:.2f}")
    low = autocast_dtype('auto', dev)  # the precision a run trains in here (None: float32)
    roof, roof_med = roofline(dev)
    print(f"conv roofline (64→64, 3×3, 32×56×56, forward), float32: {roof:.1f} GFLOP/s fastest, {roof_med:.1f} median")
    if low is not None:
        lroof, lroof_med = roofline(dev, low)
        print(f"conv roofline under autocast to {name(low)}: {lroof:.1f} GFLOP/s fastest, {lroof_med:.1f} median")
    rows = []
    for bs in [int(b) for b in a.bs.split(',')]:
        for cl in (False, True):
            for dt in (None, low) if low is not None else (None,):
                ips, ips_med, fpi = train_steps(dev, bs, cl, a.steps, dt)
                rows.append((bs, 'channels-last' if cl else 'contiguous', name(dt), ips, ips_med, fpi / 1e6))
    mf = rows[0][5]
    print(f"\nRelevanceNet training steps (forward + backward + Adam), {mf:.1f} MFLOP per image (forward + backward), {a.steps} steps:")
    print(f"{'bs':>4} {'layout':>14} {'dtype':>9} {'images/s':>9} {'GFLOP/s':>8} {'of fp32 roofline':>17} {'median img/s':>13} {'median GFLOP/s':>15}")
    for bs, lay, dt, ips, ips_med, _ in rows:
        print(f"{bs:>4} {lay:>14} {dt:>9} {ips:>9.1f} {ips * mf / 1e3:>8.1f} {ips * mf / 1e3 / roof:>16.0%} {ips_med:>13.1f} {ips_med * mf / 1e3:>15.1f}")
    if a.no_cross_fit: return
    n = 200
    g = torch.Generator().manual_seed(0)
    x = torch.rand(2 * n, 3, 100, 100, generator=g); y = np.r_[np.ones(n), np.zeros(n)]
    pw = PWSCAE().to(dev, memory_format=torch.channels_last)  # as a run's trained auto-encoder: the networks start from its encoder
    for amp in ('auto', 'off') if low is not None else ('auto',):
        cfg = RelevanceConfig(amp=amp)
        walls = []
        for _ in range(a.repeats):
            t = time.perf_counter(); cross_fit_cnn(x, y, pw, cfg=cfg, seed=0, device=dev); walls.append(time.perf_counter() - t)
        wall, wall_med = min(walls), float(np.median(walls))
        trained = cfg.folds * cfg.epochs * (2 * n - 2 * n // cfg.folds)  # images through forward + backward
        scored = cfg.folds * (2 * n // cfg.folds) + 2 * n  # one validation per fold (after its last epoch) + the out-of-fold scores
        total = trained * mf * 1e6 + scored * mf * 1e6 / 3  # forward is about a third of forward + backward
        own = f", {total / wall / 1e9 / lroof:.0%} of the {name(low)} roofline" if low is not None and amp == 'auto' else ''
        print(f"\ncross_fit_cnn at the defaults, amp {amp!r} ({n} + {n} images, {cfg.folds} folds × {cfg.epochs} epochs, "
              f"bs {cfg.bs}): fastest of {a.repeats} {wall:.1f} s, {total / 1e12:.2f} TFLOP, {total / wall / 1e9:.1f} GFLOP/s = "
              f"{total / wall / 1e9 / roof:.0%} of the float32 roofline{own}; median {wall_med:.1f} s, {total / wall_med / 1e9 / roof:.0%} "
              f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == '__main__':
    main()

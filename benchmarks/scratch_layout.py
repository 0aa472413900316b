"""Time of the relevance networks trained from random weights (the `cnn_scratch` ablation: `RelevanceConfig.init='scratch'`),
with the encoder laid out channels-last (as `RelevanceNet` builds it) against contiguous NCHW (as it was built before
2026-12-05, when a run's networks from a trained auto-encoder were already channels-last and the random start's were not).

    MPLBACKEND=Agg python benchmarks/scratch_layout.py [--n 200] [--repeats 3] [--threads 2] [--epochs 12]

Per repeat, both layouts in turn (so load swings hit both alike): one `cross_fit_cnn` at the defaults but for the epochs
(3 folds × `--epochs`, 12 by default as when it was measured, both heads, 100×100 images, the precision a run uses) on `--n` + `--n` random images. Prints every time, the
medians, their ratio and the load average; compare figures of one run only.
"""
import argparse, os, time
from unittest import mock

import numpy as np, torch

from pwscae.relevance import RelevanceNet, RelevanceConfig, cross_fit_cnn

_init = RelevanceNet.__init__


def contiguous_init(self, *args, **kwargs):
    "`RelevanceNet.__init__`, then the parameters put back in contiguous NCHW: the layout from scratch before the fix."
    _init(self, *args, **kwargs)
    self.to(memory_format=torch.contiguous_format)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=200, help='images of each class')
    ap.add_argument('--repeats', type=int, default=3)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--epochs', type=int, default=12, help='epochs per fold (the default was 12 when the committed figures were measured)')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    g = torch.Generator().manual_seed(0)
    x = torch.rand(2 * a.n, 3, 100, 100, generator=g)  # (n, 3, h, w)
    y = np.r_[np.ones(a.n), np.zeros(a.n)]
    cfg = RelevanceConfig(init='scratch', epochs=a.epochs)
    print(f"load {os.getloadavg()[0]:.2f}; {2 * a.n} images, {cfg.folds} folds × {cfg.epochs} epochs, head {cfg.head!r}", flush=True)
    times = {'channels_last': [], 'contiguous': []}
    for r in range(a.repeats):
        for layout in times:
            with mock.patch.object(RelevanceNet, '__init__', contiguous_init if layout == 'contiguous' else _init):
                net = RelevanceNet(levels=cfg.levels)
                assert net.encoders[0].conv.weight.is_contiguous(memory_format=torch.channels_last) == (layout == 'channels_last')
                t = time.perf_counter(); cross_fit_cnn(x, y, None, cfg, seed=r); times[layout].append(time.perf_counter() - t)
            print(f"repeat {r} {layout:13s} {times[layout][-1]:6.1f} s   load {os.getloadavg()[0]:.2f}", flush=True)
    med = {k: float(np.median(v)) for k, v in times.items()}
    print(f"median: channels_last {med['channels_last']:.1f} s, contiguous {med['contiguous']:.1f} s, "
          f"ratio contiguous/channels_last {med['contiguous'] / med['channels_last']:.2f}; load {os.getloadavg()[0]:.2f}")


if __name__ == '__main__':
    main()

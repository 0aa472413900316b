"""Images per second drawn by `pwscae.synth.SynthANP` on ONE core (goal: >= 500 images/s at 100x100).

Wall-clock rates drop when other processes share the core; the CPU-time rate does not.

Usage: python benchmarks/synth_throughput.py [n_images] [size]
"""
import os
for v in ('OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'OPENBLAS_NUM_THREADS'): os.environ[v] = '1'
import sys, time
import torch
torch.set_num_threads(1)
from pwscae.synth import SynthANP

def bench(n:int=2000, size:int=100):
    w = SynthANP(seed=0, size=size)
    anps = w.anps.anp.tolist()
    w.image(anps[0], 0)  # warm the caches (grids, texture bank)
    t, c = time.perf_counter(), time.process_time()
    for i in range(n): w.image(anps[i % len(anps)], i // len(anps))
    arr, cpu = n / (time.perf_counter() - t), n / (time.process_time() - c)
    k = n // len(anps) or 1
    t = time.perf_counter()
    for a in anps: w.load(a, range(k))
    ims = k * len(anps) / (time.perf_counter() - t)
    per_noun = {}
    for noun, g in w.anps.groupby('noun'):
        t = time.perf_counter()
        for a in g.anp:
            for i in range(20): w.image(a, 1000 - 1 - i)
        per_noun[noun] = 20 * len(g) / (time.perf_counter() - t)
    return arr, cpu, ims, per_noun

if __name__ == '__main__':
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    arr, cpu, ims, per_noun = bench(n, size)
    print(f"SynthANP.image  {size}x{size}: {arr:7.0f} images/s wall clock (1 thread, {n} images over all ANPs)")
    print(f"SynthANP.image  {size}x{size}: {cpu:7.0f} images per CPU second (the rate of one free core)")
    print(f"SynthANP.load   {size}x{size}: {ims:7.0f} images/s (ImageSet float tensors)")
    print("per noun: " + ', '.join(f"{k} {v:.0f}" for k, v in sorted(per_noun.items())))

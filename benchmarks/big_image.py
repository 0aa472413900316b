"""Peak memory of `from_folder` on a folder holding one 5000×5000 photo.

Each case runs in a fresh Python process: the image is written to a temporary folder first, then the process imports
pwscae (torch included), notes its peak resident memory (`resource.getrusage`), reads the folder with `from_folder`,
and notes the peak again. The difference is what reading the big image cost.

Usage: python benchmarks/big_image.py [formats ...]   (default: jpg png webp)
"""
import subprocess
import sys
import tempfile
from pathlib import Path

SIDE = 5000

CHILD = r'''
import resource, sys, time
folder = sys.argv[1]
import pwscae.data as D
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
before = peak()
t = time.perf_counter()
s = D.from_folder(folder, size=100)
dt = time.perf_counter() - t
print(f"{before:.0f} {peak():.0f} {dt:.2f} {tuple(s.x.shape)}")
'''


def write_image(folder: Path, fmt: str) -> Path:
    "A smooth 5000×5000 RGB photo-like image with a little noise, written in `fmt` (in a child process, so its memory is not counted)."
    path = folder/f'big.{fmt}'
    code = (f"import numpy as np; from PIL import Image\n"
            f"y, x = np.mgrid[0:{SIDE}, 0:{SIDE}].astype(np.float32) / {SIDE}\n"
            f"a = np.stack([x, y, (x + y) / 2], -1) * 230 + np.random.default_rng(0).integers(0, 25, ({SIDE}, {SIDE}, 1))\n"
            f"Image.fromarray(a.astype(np.uint8)).save({str(path)!r}, quality=90)")
    subprocess.run([sys.executable, '-c', code], check=True)
    return path


def main(fmts=('jpg', 'png', 'webp')):
    print(f"from_folder(size=100) on a folder with one {SIDE}×{SIDE} image; peak RSS of the reading process, MiB")
    print(f"{'format':>6} {'file MiB':>9} {'after import':>13} {'after from_folder':>18} {'cost':>6} {'seconds':>8}")
    for fmt in fmts:
        with tempfile.TemporaryDirectory(prefix='pwscae_big_') as d:
            p = write_image(Path(d), fmt)
            out = subprocess.run([sys.executable, '-c', CHILD, d], check=True, capture_output=True, text=True).stdout.split()
            before, after, dt = float(out[0]), float(out[1]), float(out[2])
            print(f"{fmt:>6} {p.stat().st_size / 2**20:>9.1f} {before:>13.0f} {after:>18.0f} {after - before:>6.0f} {dt:>8.2f}")


if __name__ == '__main__':
    main(tuple(sys.argv[1:]) or ('jpg', 'png', 'webp'))

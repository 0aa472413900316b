"""Where the default relevance function looks: attribution mass on the adjective's cue, on the embedded world.

Runs `train_query(query)` with the defaults of `pwscae run` (method 'cnn', trained on P and Q only, no labels), then
explains held-out images of the ANP that the run never saw and measures, per attribution method, how much of the
positive attribution falls on the region that carries the adjective (`SynthANP.cue_mask`): `mass` (share inside),
`ratio` (mass / area: 1 = spread evenly) and `hit` (the peak lands on the region, within 2 pixels; `hit_chance` is
the rate of a pixel drawn at random). Writes benchmarks/results/attribution_cue.csv.

Usage: python benchmarks/attribution_cue.py [query] [n_images]
"""
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.filterwarnings('ignore', category=FutureWarning)
from pwscae.query import train_query  # noqa: E402
from pwscae.synth import SynthANP  # noqa: E402
from pwscae.explain import cue_share, ATTRIBUTIONS  # noqa: E402
from pwscae.core import parse_query  # noqa: E402


def main(query='happy dog', n=24):
    _, _, anp = parse_query(query)
    t = time.perf_counter()
    res = train_query(query, progress=False)
    train_s = time.perf_counter() - t
    seen = set(res.P.ids + res.Q.ids)  # P and Q are drawn from all images of each ANP: explain others
    world = SynthANP(); idx = [i for i in range(world.n_per_anp - 1, -1, -1) if f'{anp}/{i}' not in seen][:n]
    held, masks = world.load(anp, idx), np.stack([world.cue_mask(anp, i) for i in idx])
    rows = []
    for method in ATTRIBUTIONS:
        t = time.perf_counter()
        k = min(n, 8) if method == 'occlusion' else n  # occlusion runs ~360 forward passes per image at 100 px: fewer images
        ex = res.explain(held[:k], method=method)
        cs = cue_share(ex.maps, masks[:k])
        rows.append(dict(query=query, relevance=res.cfg.method, attribution=method, images=k, mass=cs.mass.mean(),
                         area=cs.area.mean(), ratio_median=cs.ratio.median(), hit=cs.hit.mean(), hit_chance=cs.hit_chance.mean(),
                         seconds=round(time.perf_counter() - t, 1)))
    df = pd.DataFrame(rows).round(4)
    print(f"{res!r}; training {train_s:.0f} s")
    print(df.to_string(index=False))
    out = Path(__file__).parent/'results'/'attribution_cue.csv'
    tmp = out.with_suffix('.tmp'); df.to_csv(tmp, index=False); tmp.replace(out)
    print(f"wrote {out}")


if __name__ == '__main__':
    main(*(sys.argv[1:2] or ['happy dog']), *(int(a) for a in sys.argv[2:3]))

"""Wall time of the default `pwscae run "happy dog"` (train_query with QueryConfig's defaults), stage by stage.

Goal: the whole `pwscae run` in <= 25 s end to end on an idle 2-core CPU; this script times the run itself, without
the import. Usage: python benchmarks/query_time.py [query] [repeats]
"""
import sys
import time
import warnings

import pandas as pd
import torch

warnings.filterwarnings('ignore', category=FutureWarning)
from pwscae import train_query  # noqa: E402


def main(query='happy dog', repeats=1):
    rows = []
    for r in range(repeats):
        t = time.perf_counter()
        res = train_query(query, seed=r, progress=False)
        wall = time.perf_counter() - t
        rows.append({**{k: round(v, 2) for k, v in res.timings.items()}, 'total (wall)': round(wall, 2),
                     'precision': round(float(res.metrics.loc[res.cfg.method, 'precision']), 3)})
    df = pd.DataFrame(rows)
    print(f"train_query({query!r}) with the defaults of `pwscae run`, torch threads {torch.get_num_threads()}, seconds per stage:")
    print(df.to_string())
    print(f"mean total: {df['total (wall)'].mean():.1f} s (the run alone; the goal for `pwscae run` end to end is <= 25 s)")


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'happy dog', int(sys.argv[2]) if len(sys.argv) > 2 else 1)

"""The full-size Table 3 (ten queries × seeds, every method), plain and confounded, written to benchmarks/results/.

Each (protocol, seed) is one `pwscae bench --preset full --seeds S` run in its own folder under --work, so a run that
is stopped keeps the parts that finished and a rerun skips them. The parts are then merged (`Evaluation.merge`) into
benchmarks/results/table3_full (plain protocol) and table3_full_confounded (`--confound all`), which 12_evaluation
reads. Every part's wall time and the machine's load average before and after it are printed: on a shared machine
other work slows every figure.

With --methods (e.g. cnn,supervised, after a change to the relevance training) only those methods are rerun, with
`paper` (whose selection size the p_at_paper column needs), in parts named after them; their rows and score columns, and
paper's (the same selections, checked), then replace those of the committed tables, whose other methods are kept as
they are. A method the committed tables lack (cnn_siblings, added 2026-12-06) is added, its rows in the order of VARIANTS. The tables' `seconds` stays that of the run that made the kept rows, and each replaced row has its own.
Evaluations keep the scores of Q beside those of P (`Evaluation.reestimate` reads both); where the committed scores hold P's alone, the merge adds the rerun's rows of Q,
with the kept methods' scores of Q left empty. With --base SUFFIX the kept rows are read from other committed tables,
table3_full<SUFFIX> and table3_full_confounded<SUFFIX> (e.g. `--base _float32`), and the merged tables are still written to
table3_full and table3_full_confounded.

With --ablation (one of `ABLATIONS`: cnn_scratch, the relevance networks started from random weights instead of the
auto-encoder's encoder; cnn_conv and cnn_deep, the networks of one head alone instead of both; cnn_all_levels, the networks
reading both encoder levels instead of the first) the ablation runs, with `paper`, on the committed tables' draws and is
written beside each table, to benchmarks/results/table3_full_<ablation> and table3_full_confounded_<ablation>, after
checking that its paper selections equal the committed ones (the same images, pairs and auto-encoders); 12_evaluation
compares it with `cnn`. (table3_full_cnn_all_levels holds, relabelled, the `cnn` rows committed while the networks read
both levels, until 2026-12-02: they were run with exactly that variant's config. table3_full_cnn_scratch_conv_all_levels
holds, relabelled, the first cnn_scratch run, made while the networks had one head and read both levels; its method
column still says cnn_scratch.)

Usage: python benchmarks/table3.py [--seeds 0,1,2] [--protocols plain,confounded] [--jobs 2] [--work runs/table3]
       [--methods M,... [--base SUFFIX] | --ablation cnn_scratch|cnn_conv|cnn_deep|cnn_all_levels] [--merge-only]
"""
import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).parent / 'results'
NAMES = {'plain': 'table3_full', 'confounded': 'table3_full_confounded'}
PART = {'plain': 'plain', 'confounded': 'conf'}  # part folders: plain_s0, conf_s0, ...


def load() -> str: return '/'.join(f'{v:.2f}' for v in os.getloadavg())


def same_paper(old, new) -> bool:
    "Whether `new` selected, with the paper's procedure, as many images as `old` on every draw of `old`: both ran on the same draws."
    key = ['query', 'seed']
    paper = lambda t: t[t.method == 'paper'].set_index(key)['size'].sort_index()
    a, b = paper(old.table), paper(new.table)
    return a.index.isin(b.index).all() and a.equals(b.loc[a.index])


def replace_methods(old, new, methods):
    "`old` with the rows and score columns of `methods` and `paper` taken from `new`, which must hold every draw of `old` and the same paper selection; a method `old` lacks is added."
    from pwscae.evaluation import Evaluation, VARIANTS
    import pandas as pd
    key = ['query', 'seed']
    draws = lambda t: set(map(tuple, t[key].drop_duplicates().itertuples(index=False)))
    if missing := draws(old.table) - draws(new.table): sys.exit(f"the rerun lacks draws of the committed table: {sorted(missing)[:5]}")
    if not same_paper(old, new):
        sys.exit("the rerun's paper selection differs from the committed one: rerun every method (without --methods)")
    idx = key + ['method']
    t, r = old.table.set_index(idx), new.table.set_index(idx)
    methods = ['paper'] + [m for m in methods if m != 'paper']  # paper's rows too: the same selections, its priors of this code
    added = [m for m in methods if m not in set(old.table.method)]  # a new method of the table: its rows are added
    kept = [m for m in methods if m not in added]
    rows = t.index[t.index.get_level_values('method').isin(kept)]
    if len(rows) != len(old.table['query'].unique()) * len(old.table.seed.unique()) * len(kept):
        sys.exit(f"the committed table lacks rows of {kept}: rerun every method (without --methods)")
    t.loc[rows, r.columns] = r.loc[rows, r.columns]  # the committed row order is kept
    table = t.reset_index()
    draw = {d: i for i, d in enumerate(map(tuple, old.scores[key].drop_duplicates().itertuples(index=False)))}
    if added:  # each draw's rows in the order of VARIANTS
        new_rows = r[r.index.get_level_values('method').isin(added)].reset_index()
        new_rows = new_rows[new_rows.set_index(key).index.isin(list(draw))]
        table = pd.concat([table, new_rows[table.columns]], ignore_index=True)
        table = table.assign(_d=[draw[d] for d in zip(table['query'], table.seed)], _m=table.method.map(VARIANTS.index))
        table = table.sort_values(['_d', '_m'], kind='stable').drop(columns=['_d', '_m']).reset_index(drop=True)
    pos = lambda sc: sc.groupby(key + ['set']).cumcount()  # an image's place in its draw's P or Q
    o, n = old.scores.assign(_i=pos(old.scores)), new.scores.assign(_i=pos(new.scores))
    k = key + ['set', '_i']  # the rerun's rows are kept, Q's too where the committed scores hold P's alone (saved before Q's were kept)
    scores = n[k + ['truth'] + methods].merge(o.drop(columns=kept), on=k, how='left', suffixes=('', '_old'))
    known = scores.truth_old.notna()
    if len(o) > known.sum() or not (scores.truth[known] == scores.truth_old[known].astype(bool)).all():
        sys.exit("the rerun drew other images than the committed table: rerun every method")
    scores = scores[[d in draw for d in zip(scores['query'], scores.seed)]]
    scores = scores.assign(_d=[draw[d] for d in zip(scores['query'], scores.seed)]).sort_values(['_d', 'set', '_i'], kind='stable')
    cols = [c for c in VARIANTS if c in set(old.scores.columns) | set(added)] + [c for c in old.scores.columns if c not in VARIANTS]
    return Evaluation(table[old.table.columns], scores[cols].reset_index(drop=True), old.preset, old.seconds, old.confound)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', default='0,1,2')
    ap.add_argument('--protocols', default='plain,confounded')
    ap.add_argument('--jobs', type=int, default=2, help='local worker processes of each pwscae bench run')
    ap.add_argument('--work', default='runs/table3', help='folder of the per-seed parts (kept, so a rerun resumes)')
    ap.add_argument('--merge-only', action='store_true', help='only merge the parts that exist')
    ap.add_argument('--methods', default=None, help='rerun only these methods and replace their rows in the committed tables')
    ap.add_argument('--base', default='', help='with --methods: keep the other rows of table3_full<BASE> (e.g. _bf16) instead of table3_full')
    ap.add_argument('--ablation', default=None, help='run this method outside the table (cnn_scratch) on its draws and write it beside it')
    a = ap.parse_args()
    methods = [m for m in (a.methods or '').split(',') if m]
    from pwscae.evaluation import EVAL_METHODS, ABLATIONS
    if bad := [m for m in methods if m not in EVAL_METHODS or m == 'paper']:
        sys.exit(f"--methods {bad}: choose among {', '.join(m for m in EVAL_METHODS if m != 'paper')}")
    if a.ablation is not None:
        if methods: sys.exit("give --methods or --ablation, not both")
        if a.ablation not in ABLATIONS: sys.exit(f"--ablation {a.ablation!r}: choose among {', '.join(ABLATIONS)}")
        methods = [a.ablation]
    if a.base and (a.ablation is not None or not methods): sys.exit("--base goes with --methods: the tables whose other rows are kept")
    tag = ('_' + '+'.join(methods)) if methods else ''
    base = lambda p: RESULTS / (NAMES[p] + a.base)  # the committed table whose rows are kept
    if methods and (missing := [base(p).name for p in a.protocols.split(',') if p in NAMES and not (base(p) / 'table.csv').is_file()]):
        sys.exit(f"--methods and --ablation need the committed tables, and {', '.join(missing)} has none: run without them first")
    seeds = [int(s) for s in a.seeds.split(',')]
    protocols = a.protocols.split(',')
    if bad := [p for p in protocols if p not in NAMES]: sys.exit(f"unknown protocols {bad}: use plain and/or confounded")
    work = Path(a.work); work.mkdir(parents=True, exist_ok=True)
    for s in seeds:
        for p in protocols:
            part = work / f'{PART[p]}_s{s}{tag}'
            if a.merge_only or (part / 'table.csv').is_file(): continue
            cmd = ['pwscae', 'bench', '--preset', 'full', '--seeds', str(s), '--jobs', str(a.jobs), '--out', str(part),
                   '--overwrite', '--quiet'] + (['--confound', 'all'] if p == 'confounded' else [])
            if methods: cmd += ['--methods', ','.join(['paper'] + methods)]
            print(f'{p} seed {s}: start, load {load()}', flush=True)
            t = time.perf_counter()
            subprocess.run(cmd, check=True)
            print(f'{p} seed {s}: {(time.perf_counter() - t) / 60:.1f} min, load {load()}', flush=True)
    from pwscae.evaluation import Evaluation
    for p in protocols:
        parts = [work / f'{PART[p]}_s{s}{tag}' for s in seeds if (work / f'{PART[p]}_s{s}{tag}' / 'table.csv').is_file()]
        if not parts: print(f'{p}: no finished part under {work}'); continue
        ev = Evaluation.merge(*(Evaluation.load(d) for d in parts))
        if a.ablation is not None:
            if not same_paper(Evaluation.load(RESULTS / NAMES[p]), ev):
                sys.exit(f"{p}: the ablation's paper selections differ from the committed table's, or it lacks some of its draws "
                         "(give every seed of the table): it did not run on the table's draws")
        elif methods: ev = replace_methods(Evaluation.load(base(p)), ev, methods)
        out = ev.save(RESULTS / (NAMES[p] + tag if a.ablation is not None else NAMES[p]), overwrite=True)
        lift = ev.mean_lift().round(3)
        print(f'{p}: {len(parts)} seed(s) merged into {out} ({ev.seconds / 60:.1f} min of runs); mean lift: '
              + ', '.join(f'{m} {v:+.3f}' for m, v in lift.items()))


if __name__ == '__main__':
    main()

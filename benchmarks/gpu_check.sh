#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: the test suite's device tests, the training benchmark on the GPU and a default
# `pwscae run` on it; prints pairs/s and the end-to-end time. About 5 minutes once pwscae is installed.
#
#     pip install -e ".[dev]" && bash benchmarks/gpu_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export MPLBACKEND=Agg
python -c "import torch; assert torch.cuda.is_available(), 'no CUDA device here: run this on a machine with a GPU'; print('GPU:', torch.cuda.get_device_name(0))"

echo "== device tests (get_device, the model and batches on the chosen device, every stage on CUDA)"
nbdev-test --file-re '^(00_core|06_train|10_stages)\.ipynb$'

echo "== training throughput on the GPU (fastai Learner vs a hand-written loop)"
python benchmarks/train_throughput.py --device cuda --batches 16 --rounds 3

echo "== default run on the GPU, end to end"
out=$(mktemp -d)/run
start=$(date +%s.%N)
pwscae run "happy dog" --out "$out" --device cuda --quiet
python -c "import sys, time; print(f'default run: {time.time() - float(sys.argv[1]):.1f} s end to end')" "$start"
grep -E '^(device|seconds)' <(python -c "import pwscae; print(pwscae.load_result('$out').summary().to_string())")

"""mkdocs hooks for the docs site.

`nbdev-proc-nbs` records per-cell execution timings as numbers in cell metadata, which nbformat's schema (used by
mkdocs-jupyter) rejects; drop that metadata from the processed notebooks before mkdocs reads them.
"""
import json
from pathlib import Path


def on_pre_build(config, **kwargs):
    for p in Path(config['docs_dir']).glob('*.ipynb'):
        nb = json.loads(p.read_text())
        for c in nb.get('cells', []): c.get('metadata', {}).pop('execution', None)
        p.write_text(json.dumps(nb, indent=1))

"""mkdocs hooks for the docs site (`mkdocs.yml`).

The pages are the notebooks as `tools/build_docs.py` leaves them in `_proc/pages/` (each records its notebook in
`metadata.pwscae_docs.source`). These hooks refuse to build from an incomplete or foreign `_proc/pages/` (a page
missing, no home page, or notebooks processed by `nbdev-proc-nbs` alone, which mkdocs would render with Quarto's
markup showing), and lay out the navigation in the order of the notebooks, each titled by its `# Title`.
"""
import json, os
from pathlib import Path

from mkdocs.exceptions import PluginError

SKIP_ENV = 'PWSCAE_DOCS_SKIP'  # notebooks left out on purpose by `tools/build_docs.py --skip`
FIX = 'build the docs with `python tools/build_docs.py`'


def _notebooks(root: Path) -> list:
    "The notebooks of the project, as nbdev lists them (index first, then by name)."
    from nbdev.config import get_config
    from nbdev.doclinks import nbglob
    cfg = get_config(root)
    nbs = [p.name for p in nbglob(cfg.nbs_path, as_path=True).sorted()]
    return sorted(nbs, key=lambda n: (n != cfg.readme_nb, n))


def on_config(config, **kwargs):
    docs = Path(config['docs_dir'])
    pages = {}
    for p in sorted(docs.glob('*.ipynb')):
        src = json.loads(p.read_text(encoding='utf-8')).get('metadata', {}).get('pwscae_docs', {}).get('source')
        if src is None: raise PluginError(f"{p} was not written by tools/build_docs.py (Quarto markup would show): {FIX}")
        pages[src] = p.name
    skip = set(os.environ.get(SKIP_ENV, '').split())
    nbs = [n for n in _notebooks(Path(config['config_file_path']).parent) if n not in skip]
    if missing := [n for n in nbs if n not in pages]:
        raise PluginError(f"{docs} has no page for {', '.join(missing)}: {FIX}")
    if 'index.ipynb' not in pages.values(): raise PluginError(f"{docs} has no home page (index.ipynb): {FIX}")
    config['nav'] = [pages[n] for n in nbs]  # titles come from each page's `# Title`
    return config

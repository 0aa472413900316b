#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto.

nbdev's `nbdev-readme` renders the index notebook through Quarto, which this project's machines cannot install. This
script runs nbdev's own notebook processors (those of `nbdev-proc-nbs` that matter for a README: hidden cells dropped,
export cells and directives stripped) and writes the result as GitHub markdown: markdown cells verbatim,
code cells as fenced Python, with their plain-text or markdown outputs.
Usage: python tools/make_readme.py [--check]   (--check: exit 1 if README.md would change)
"""
import sys
from pathlib import Path

from fastcore.nbio import read_nb
from nbdev.config import get_config
from nbdev.processors import hide_, hide_line, rm_export, strip_ansi, filter_stream_, clean_magics
from nbdev.process import NBProcessor


def _output_text(o) -> str:
    data = o.get('data', {})
    if o.get('output_type') == 'stream': return ''.join(o.get('text', ''))
    for mime in ('text/markdown', 'text/plain'):
        if mime in data:
            txt = data[mime]
            return ''.join(txt) if isinstance(txt, list) else txt
    return ''


def render(nb_path: Path) -> str:
    nb = read_nb(nb_path)
    NBProcessor(nb_path, [hide_, hide_line, rm_export, strip_ansi, filter_stream_, clean_magics], nb=nb).process()
    parts = []
    for c in nb.cells:
        src = c.source.strip()
        if c.cell_type == 'markdown':
            if src: parts.append(src)
            continue
        if src: parts.append(f"```python\n{src}\n```")
        for o in c.get('outputs', []):
            txt = _output_text(o).rstrip()
            if not txt: continue
            md = 'text/markdown' in o.get('data', {})
            parts.append(txt if md else f"```\n{txt}\n```")
    return '\n\n'.join(parts) + '\n'


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    cfg = get_config()
    out = cfg.config_path / 'README.md'
    txt = "<!-- Generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file -->\n\n"
    txt += render(cfg.nbs_path / cfg.readme_nb)
    if '--check' in argv:
        if not out.exists() or out.read_text() != txt:
            print('README.md is out of date: run python tools/make_readme.py', file=sys.stderr)
            return 1
        return 0
    out.write_text(txt)
    return 0


if __name__ == '__main__': sys.exit(main())

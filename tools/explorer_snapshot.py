#!/usr/bin/env python
"""A static picture of the explorer (`pwscae.explorer`) as a browser shows it, for the docs.

Trains a small result, opens `explore(res)`, clicks the first image's "why?" button (the attribution view), embeds the
widgets' state as static HTML (ipywidgets' `embed_minimal_html`) with a local copy of the widget renderer
(`@jupyter-widgets/html-manager`'s `embed.js`, fetched once with `npm pack` into the cache folder), loads that page in
headless Chromium and saves a screenshot. Nothing is fetched by the page itself: it works offline.

Usage: python tools/explorer_snapshot.py [--out nbs/images/explorer.png] [--html _docs/explorer.html] [--cache ~/.cache/pwscae]
Needs npm (the first time) and Chromium (Debian: apt-get install chromium).
"""
import argparse, shutil, subprocess, sys, tarfile, tempfile
from pathlib import Path

HTML_MANAGER = '@jupyter-widgets/html-manager@1.0.15'  # the renderer of ipywidgets 8's embedded state


def renderer(cache: Path) -> Path:
    "The path of html-manager's `embed.js`, unpacked from its npm package into `cache` the first time."
    js = cache/'html-manager'/'package'/'dist'/'embed.js'
    if js.is_file(): return js
    if not shutil.which('npm'): sys.exit("explorer_snapshot: npm is needed once to fetch the widget renderer (apt-get install npm)")
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(['npm', 'pack', HTML_MANAGER, '--silent'], cwd=d, check=True, stdout=subprocess.DEVNULL)
        tgz = next(Path(d).glob('*.tgz'))
        with tarfile.open(tgz) as t: t.extractall(cache/'html-manager', filter='data')
    return js


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='nbs/images/explorer.png', help='screenshot to write')
    ap.add_argument('--html', default='_docs/explorer/explorer.html', help='static page to write (the renderer is copied beside it)')
    ap.add_argument('--cache', default=str(Path.home()/'.cache'/'pwscae'), help='where the renderer is kept')
    ap.add_argument('--chromium', default='chromium')
    a = ap.parse_args()
    js = renderer(Path(a.cache).expanduser())

    from ipywidgets.embed import embed_minimal_html
    from pwscae.query import train_query
    from pwscae.explorer import explore
    from pwscae.relevance import RelevanceConfig
    from pwscae.report import open_in_chromium
    res = train_query('happy dog', m=60, level_epochs=(1, 1), finetune_epochs=0, relevance=RelevanceConfig(epochs=4), progress=False)
    ex = explore(res, per_page=12)
    ex.grid.children[0].children[2].click()  # "why?" under the first image: the attribution view

    page = Path(a.html); page.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(js, page.parent/'embed.js')
    embed_minimal_html(page, views=[ex.widget], title=f'pwscae explorer: {res.query}', requirejs=False, embed_url='embed.js', cors=False)
    dom = open_in_chromium(page, screenshot=a.out, size=(900, 1150), exe=a.chromium)  # the report's browser driver
    n_img, n_btn = dom.count('<img'), dom.count('why?')
    print(f"{page}: rendered {n_img} images and {n_btn} 'why?' buttons; screenshot {a.out}")
    if n_btn < 12 or n_img < 14: sys.exit("explorer_snapshot: the widgets did not render (expected 12 buttons and 14 images)")


if __name__ == '__main__': main()

#!/usr/bin/env python
"""Check the built docs site (`site/`) in a headless Chromium, as a reader would see it.

Loads the home page and the page that documents `train_query` (found through nbdev's doc links in
`pwscae/_modidx.py`) from file:// URLs, with `--dump-dom`, and checks that:
* Material's stylesheet is linked and its file is in `site/`, non-empty;
* the home page is the index notebook, and its navigation links every page;
* the `train_query` page has the anchor `#train_query` and the rendered signature, and at least one plot `<img>`
  (a data: URI or a file that exists);
* no Quarto markup shows in the text of either page: no `#|` directive (outside inline code in prose, which may quote one), no front matter (`output-file:`), no Pandoc
  link attributes (`{target=`);
* the search index finds `train_query`.
It saves screenshots of both pages (1280×2000) under `_docs/`, to look at.

Usage: python tools/check_site.py [--site site] [--shots _docs] [--chromium chromium]
Exits non-zero, saying what is wrong, on any failed check. Needs Chromium (Debian: apt-get install chromium).
"""
import argparse, json, re, shutil, subprocess, sys, tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--hide-scrollbars']
QUARTO_LEFTOVERS = {'#|': 'a Quarto/nbdev directive', 'output-file:': 'front matter', '{target=': 'Pandoc link attributes'}


class Page(HTMLParser):
    "The parts of a page's DOM that the checks read: visible text, links, stylesheets, images, ids."
    HIDDEN = {'script', 'style', 'noscript', 'template', 'head'}

    def __init__(self, html: str):
        super().__init__()
        self.text, self.links, self.css, self.imgs, self.ids, self._hidden = [], [], [], [], set(), 0
        self.bare, self._pre, self._code = [], 0, 0  # `bare`: the text outside inline code (prose may quote `#| slow`)
        self.feed(html)
        self.text = ' '.join(' '.join(self.text).split())
        self.bare = ' '.join(' '.join(self.bare).split())

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.HIDDEN: self._hidden += 1
        if tag == 'pre': self._pre += 1
        if tag == 'code': self._code += 1
        if 'id' in a: self.ids.add(a['id'])
        if tag == 'a' and a.get('href'): self.links.append(a['href'])
        if tag == 'link' and 'stylesheet' in (a.get('rel') or '').split(): self.css.append(a.get('href', ''))
        if tag == 'img': self.imgs.append(a.get('src', ''))

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden: self._hidden -= 1
        if tag == 'pre' and self._pre: self._pre -= 1
        if tag == 'code' and self._code: self._code -= 1

    def handle_data(self, data):
        if self._hidden: return
        self.text.append(data)
        if self._pre or not self._code: self.bare.append(data)  # code cells (<pre>) count; inline code in prose does not


def chromium(exe: str, args: list, timeout: int = 180) -> str:
    "Run headless Chromium with a fresh profile; its stdout."
    with tempfile.TemporaryDirectory(prefix='pwscae-chromium-') as prof:
        r = subprocess.run([exe, *FLAGS, f'--user-data-dir={prof}', *args], capture_output=True, text=True, timeout=timeout)
    if r.returncode: raise RuntimeError(f'{exe} failed ({r.returncode}): {r.stderr.strip()[-2000:]}')
    return r.stdout


def local_file(page: Path, url: str) -> Path | None:
    "The file in the site that `url`, relative to `page`, points at (None for other schemes and hosts)."
    u = urlsplit(url)
    if u.scheme == 'file': return Path(unquote(u.path))
    if u.scheme or u.netloc: return None
    return (page.parent / unquote(u.path)).resolve()


def check_page(exe, site: Path, name: str, shots: Path) -> tuple[Page, list]:
    "Load `site/name` in Chromium; the parsed DOM and the problems common to every page."
    path = (site / name).resolve()
    if not path.exists(): return None, [f'{path} does not exist: build the site with `python tools/build_docs.py`']
    page = Page(chromium(exe, ['--virtual-time-budget=5000', '--dump-dom', path.as_uri()]))
    shot = shots / f'{Path(name).stem}.png'
    chromium(exe, ['--virtual-time-budget=5000', '--window-size=1280,2000', f'--screenshot={shot.resolve()}', path.as_uri()])
    errs = []
    sheets = [local_file(path, h) for h in page.css if re.search(r'assets/stylesheets/main\.[^/]*css$', h)]
    if not sheets: errs.append(f"{name}: no <link rel=stylesheet> to Material's assets/stylesheets/main.*.css")
    for f in sheets:
        if f is None or not f.exists() or f.stat().st_size == 0:
            errs.append(f"{name}: Material's stylesheet {f} is missing or empty (was it excluded by `exclude_docs`?)")
    for s, what in QUARTO_LEFTOVERS.items():
        if s in page.bare:
            i = page.bare.index(s)
            errs.append(f'{name}: {what} shows as text: …{page.bare[max(0, i - 60):i + 60]}…')
    if not shot.exists() or shot.stat().st_size == 0: errs.append(f'{name}: no screenshot written to {shot}')
    return page, errs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--site', default='site', help='the built site (mkdocs site_dir)')
    ap.add_argument('--shots', default='_docs', help='where the screenshots go')
    ap.add_argument('--chromium', default=None, help='the Chromium executable (default: chromium or chromium-browser on PATH)')
    args = ap.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    site, shots = (root / args.site).resolve(), (root / args.shots).resolve()
    exe = args.chromium or shutil.which('chromium') or shutil.which('chromium-browser')
    if not exe: sys.exit('check_site: Chromium not found: install it (Debian: apt-get install chromium) or pass --chromium')
    shots.mkdir(parents=True, exist_ok=True)

    sys.path.insert(0, str(root))
    from pwscae._modidx import d as modidx
    url = modidx['syms']['pwscae.query']['pwscae.query.train_query'][0]  # nbdev's doc link, e.g. 'query.html#train_query'
    qpage, anchor = url.split('#')

    errs = []
    home, e = check_page(exe, site, 'index.html', shots); errs += e
    if home:
        if 'pwscae' not in home.text: errs.append('index.html: the home page does not show the index notebook (# pwscae)')
        pages = sorted(p.name for p in site.glob('*.html') if p.name not in ('index.html', '404.html'))
        if miss := [p for p in pages if p not in {Path(urlsplit(l).path).name for l in home.links}]:
            errs.append(f"index.html: the navigation does not link {', '.join(miss)}")
    q, e = check_page(exe, site, qpage, shots); errs += e
    if q:
        if anchor not in q.ids: errs.append(f'{qpage}: no element with id="{anchor}" (the #{anchor} anchor of show_doc)')
        if not re.search(r'def\s+train_query\s*\(', q.text):  # the highlighter's tokens are joined with spaces
            errs.append(f"{qpage}: train_query's signature (def train_query(...)) is not shown")
        plots = [s for s in q.imgs if s.startswith('data:image/') or ((f := local_file(site / qpage, s)) and f.exists())]
        if not plots: errs.append(f'{qpage}: no plot <img> (data: URI or existing file) on the page')

    idx = site / 'search' / 'search_index.json'
    docs = json.loads(idx.read_text())['docs'] if idx.exists() else []
    if not any(d['location'] == url for d in docs): errs.append(f'{idx}: the search index has no entry for {url}')

    if errs:
        print('check_site: the docs site is not right:\n  ' + '\n  '.join(errs), file=sys.stderr)
        return 1
    print(f'check_site: ok ({site}); screenshots in {shots}: index.png, {Path(qpage).stem}.png')
    return 0


if __name__ == '__main__': sys.exit(main())

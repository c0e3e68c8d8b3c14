"""Rebuild the bundled OEWS extract from BLS files: `python scripts/refresh_oews.py DIR [OUT]`.

A thin wrapper over ``medcoder data refresh --from DIR [--out OUT]`` for maintainers who keep the
BLS files (oe.data.0.Current, oe.area, oe.industry, oe.occupation) outside the package.
"""

from __future__ import annotations

import sys

from medcoder.cli import main

if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    argv = ["data", "refresh", "--from", sys.argv[1]]
    if len(sys.argv) == 3:
        argv += ["--out", sys.argv[2]]
    main(argv)

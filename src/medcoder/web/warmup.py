"""Load the heavy, read-only indexes in the background right after the server starts, so the
first person to search codes or start a quiz does not wait for them."""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger("medcoder.warmup")


def warm_caches() -> None:
    from medcoder.codes.glossary import list_concepts
    from medcoder.codes.search import search_codes
    from medcoder.study.blueprint import assemble_exam
    from medcoder.wages.claims import load_claims
    from medcoder.wages.oews import load_oews

    load_oews()
    load_claims()
    list_concepts()
    search_codes("diabetes", limit=1)
    assemble_exam(100, seed=0)  # builds every area's question pools


def start_warming() -> threading.Thread:
    def run() -> None:
        try:
            warm_caches()
        except Exception:  # a failed warm-up only costs the first request its speed
            logger.exception("warming the caches failed")

    thread = threading.Thread(target=run, name="medcoder-warmup", daemon=True)
    thread.start()
    return thread

"""Building the search index from the served code sets, and caching it between runs.

Tokenising ~130,000 texts takes seconds, so the built index is pickled under ``cache_dir``; the
file name carries the ICD-10-CM index key, the HCPCS file's hash, and hashes of the lexicon and of
the tokeniser, so any change to what goes in builds a fresh one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import threading
from pathlib import Path

from medcoder.codes.hcpcs import HCPCS_SOURCE_KEY, iter_hcpcs
from medcoder.codes.icd10 import default_index
from medcoder.codes.lexicon import lexicon_text, load_lexicon
from medcoder.codes.search_index import (
    DESCRIPTION,
    INCLUSION,
    REPORTING_ONLY_BETOS,
    REPORTING_ONLY_BIAS,
    SHORT,
    CodeEntry,
    IndexBuilder,
    SearchIndex,
)
from medcoder.codes.text import words
from medcoder.sources import load_sources

SEARCH_FORMAT = 5


def _icd_documents(builder: IndexBuilder) -> None:
    rows = default_index().search_rows()
    descriptions = {row[0]: row[1] for row in rows}
    pending_terms: dict[str, list[str]] = {}
    seen_extension: dict[str, int] = {}
    for code, description, billable, chapter, extension, extra in rows:
        entry = builder.add_entry(CodeEntry(code, description, billable, "icd10cm", chapter))
        if extension:
            base = code[:-1].rstrip("X").rstrip(".")
            base_description = descriptions.get(base, description)
            order = seen_extension.get(base, 0)
            seen_extension[base] = order + 1
            builder.add_doc(
                entry,
                DESCRIPTION,
                base_description,
                extra_text=description[len(base_description) :],
                order=order,
            )
            # The base code's inclusion and index terms lead to its first (initial) encounter.
            for term in pending_terms.pop(base, []) if order == 0 else []:
                builder.add_doc(entry, INCLUSION, term, order=order)
            continue
        builder.add_doc(entry, DESCRIPTION, description)
        for term in extra:
            builder.add_doc(entry, INCLUSION, term)
        if extra and not billable:
            pending_terms[code] = extra
        parent = _parent_of(code)
        if parent in pending_terms and billable and "unspecified" in description.lower():
            # "Senile cataract" is written on category H25; the code a coder reports for it
            # unqualified is the category's unspecified child, H25.9.
            for term in pending_terms.pop(parent):
                builder.add_doc(entry, INCLUSION, term)


def _parent_of(code: str) -> str:
    parent = code[:-1]
    return parent[:-1] if parent.endswith(".") else parent


def _hcpcs_documents(builder: IndexBuilder) -> None:
    for record in iter_hcpcs():
        billable = record.kind == "procedure" and record.termination_date is None
        reporting_only = record.betos == REPORTING_ONLY_BETOS
        entry = builder.add_entry(
            CodeEntry(record.code, record.long_description, billable, "hcpcs", None, reporting_only)
        )
        bias = REPORTING_ONLY_BIAS if reporting_only else 0.0
        builder.add_doc(entry, DESCRIPTION, record.long_description, bias=bias)
        builder.add_doc(entry, SHORT, record.short_description, bias=bias)


def build_search_index() -> SearchIndex:
    builder = IndexBuilder()
    _icd_documents(builder)
    _hcpcs_documents(builder)
    # Lexicon words must be reachable by spelling correction even when no code text uses them.
    index = builder.build()
    for entry in load_lexicon().entries:
        for term in entry.terms:
            for word in words(term):
                index.by_first_letter.setdefault(word[0], [])
                if word not in index.postings and word not in index.by_first_letter[word[0]]:
                    index.by_first_letter[word[0]].append(word)
    return index


def _cache_path() -> Path:
    """One pickle per (ICD index, HCPCS file, lexicon, format): any change builds a new one."""
    from medcoder.settings import get_settings

    icd = default_index()
    parts = [
        icd.path.stem,
        load_sources()[HCPCS_SOURCE_KEY].sha256[:8],
        hashlib.sha256(lexicon_text().encode()).hexdigest()[:8],
        hashlib.sha256(Path(__file__).with_name("text.py").read_bytes()).hexdigest()[:8],
        f"s{SEARCH_FORMAT}",
    ]
    return get_settings().cache_dir / ("search-" + "-".join(parts) + ".pickle")


def load_search_index() -> SearchIndex:
    """The search index from the cache, else built (about 3 s) and cached for next time."""
    path = _cache_path()
    if path.is_file():
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, SearchIndex):
            return loaded
    index = build_search_index()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle_number, temporary = tempfile.mkstemp(dir=path.parent, suffix=".building")
    with os.fdopen(handle_number, "wb") as handle:
        pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
    # Older pickles for the same ICD-10-CM index (another lexicon or format) are dead weight.
    for stale in path.parent.glob(f"search-{default_index().path.stem}-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return index


_lock = threading.Lock()
_index: SearchIndex | None = None


def search_index() -> SearchIndex:
    global _index
    with _lock:
        if _index is None:
            _index = load_search_index()
        return _index


def reset_search_index() -> None:
    global _index
    with _lock:
        _index = None

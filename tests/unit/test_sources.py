import hashlib
import tomllib
from pathlib import Path

import pytest

import medcoder
from medcoder.errors import DataIntegrityError
from medcoder.sources import data_root, load_sources, verify_sources

DATA = Path(medcoder.__file__).parent / "data"
REQUIRED_FIELDS = {"path", "publisher", "title", "release", "url", "retrieved", "sha256", "licence"}


def test_every_bundled_file_matches_its_recorded_sha256() -> None:
    raw = tomllib.loads((DATA / "SOURCES.toml").read_text(encoding="utf-8"))
    assert raw, "SOURCES.toml lists no files"
    for key, entry in raw.items():
        assert REQUIRED_FIELDS <= set(entry), f"{key} lacks {REQUIRED_FIELDS - set(entry)}"
        digest = hashlib.sha256((DATA / entry["path"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{entry['path']} does not match SOURCES.toml"


def test_every_file_under_data_is_registered_in_sources() -> None:
    registered = {entry.path for entry in load_sources().values()}
    on_disk = {
        str(path.relative_to(DATA))
        for path in DATA.rglob("*")
        if path.is_file()
        and path.name != "SOURCES.toml"
        and "__pycache__" not in path.parts
        and path.suffix != ".py"
    }
    assert on_disk - registered == set(), "unregistered data files"


def test_verify_sources_refuses_a_corrupted_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "data"
    import shutil

    shutil.copytree(DATA, copy)
    target = copy / load_sources()["ep_2024_34"].path
    target.write_bytes(target.read_bytes().replace(b"194.8", b"999.9"))
    monkeypatch.setattr("medcoder.sources.data_root", lambda: copy)
    with pytest.raises(DataIntegrityError, match="ep_2024-34"):
        verify_sources()


def test_data_root_is_the_packaged_folder() -> None:
    assert (data_root() / "SOURCES.toml").is_file()

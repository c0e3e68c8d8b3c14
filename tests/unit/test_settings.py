import os
import re
from pathlib import Path

import pytest

from medcoder.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_settings_are_documented() -> None:
    documented = set(re.findall(r"^## `MEDCODER_([A-Z_]+)`", DOCS.read_text(), flags=re.M))
    fields = {name.upper() for name in Settings.model_fields}
    assert documented == fields


def test_every_setting_has_a_help_string() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name


def test_settings_run_with_nothing_set_and_default_to_sqlite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for key in list(os.environ):
        if key.startswith("MEDCODER_"):
            monkeypatch.delenv(key)
    assert Settings().resolved_database_url().startswith("sqlite:///")


def test_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCODER_DATABASE_URL", "postgresql+psycopg://u@127.0.0.1/db")
    assert Settings().resolved_database_url() == "postgresql+psycopg://u@127.0.0.1/db"


def test_the_light_cache_dir_lookup_agrees_with_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from medcoder.paths import configured_cache_dir

    monkeypatch.delenv("MEDCODER_CACHE_DIR", raising=False)
    assert configured_cache_dir() == Settings().cache_dir
    monkeypatch.setenv("MEDCODER_CACHE_DIR", str(tmp_path / "cache"))
    assert configured_cache_dir() == Settings().cache_dir == tmp_path / "cache"

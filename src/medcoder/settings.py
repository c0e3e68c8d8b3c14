"""Runtime settings: one class, read from ``MEDCODER_*`` environment variables.

Every field runs with nothing set. ``docs/settings.md`` documents each one, and a test checks the
two agree.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from medcoder.paths import default_cache_dir, default_data_dir


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MEDCODER_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the SQLite database and caches (the code index).",
    )
    cache_dir: Path = Field(
        default_factory=default_cache_dir,
        description=(
            "Folder for rebuildable caches: the ICD-10-CM index built from the tabular XML "
            "and any code set loaded with `medcoder codes refresh`."
        ),
    )
    database_url: str = Field(
        default="",
        description=(
            "SQLAlchemy URL of the database. Empty means SQLite at <data_dir>/medcoder.db; "
            "use postgresql+psycopg://user:pass@host/db for PostgreSQL."
        ),
    )
    host: str = Field(default="127.0.0.1", description="Address `medcoder serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `medcoder serve` uses.")
    multi_user: bool = Field(
        default=False,
        description=(
            "Require accounts (sign-up and log-in). Off: a local single-user install where "
            "everything belongs to one implicit user."
        ),
    )
    secret_key: str = Field(
        default="",
        description=(
            "Key that signs session and CSRF tokens. Empty means a random key is generated "
            "and kept in <data_dir>/secret_key."
        ),
    )
    secure_cookies: bool = Field(
        default=False,
        description=(
            "Mark cookies Secure and send Strict-Transport-Security (set this when the app is "
            "served over HTTPS)."
        ),
    )
    llm_base_url: str = Field(
        default="",
        description=(
            "Base URL of an OpenAI-compatible chat endpoint (e.g. a local model server) used "
            "to phrase answers from retrieved passages. Empty disables it."
        ),
    )
    llm_model: str = Field(default="", description="Model name sent to the chat endpoint.")
    llm_api_key: str = Field(default="", description="Bearer token for the chat endpoint, if any.")
    llm_timeout_seconds: float = Field(
        default=30.0, gt=0, description="How long to wait for the chat endpoint."
    )
    max_upload_bytes: int = Field(
        default=50 * 1024 * 1024,
        gt=0,
        description="Largest roster file (or request body) the web app accepts, in bytes.",
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'medcoder.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

from fastapi.testclient import TestClient

from medcoder.settings import Settings
from medcoder.web.app import create_app


def test_app_starts_on_sqlite_and_reports_health(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body == {"status": "ok", "database": "sqlite"}


def test_app_starts_on_postgresql(postgres_url: str, settings: Settings) -> None:
    with TestClient(create_app(settings.model_copy(update={"database_url": postgres_url}))) as c:
        assert c.get("/api/v1/health").json()["database"] == "postgresql"


def test_openapi_is_served_under_api_v1(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/health" in schema["paths"]

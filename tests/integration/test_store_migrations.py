from sqlalchemy import inspect

from medcoder.store.engine import make_engine
from medcoder.store.migrate import current_revisions, head_revisions, upgrade_to_head


def test_migrations_bring_an_empty_database_to_head_and_are_idempotent(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert current_revisions(engine) == head_revisions(engine)
    assert "users" in inspect(engine).get_table_names()
    engine.dispose()

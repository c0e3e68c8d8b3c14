import pytest

from medcoder.accounts.passwords import hash_password, verify_password
from medcoder.accounts.rate_limit import RateLimiter
from medcoder.accounts.users import validate_new_account
from medcoder.errors import InvalidInput


def test_passwords_are_hashed_with_argon2id_and_verify() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in hashed
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "wrong horse battery")
    assert not verify_password("not a hash", "anything")


def test_rate_limiter_blocks_after_the_limit_until_the_window_passes() -> None:
    now = [1000.0]
    limiter = RateLimiter(3, 60, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.blocked_for("ana") == 0
        limiter.record("ana")
    assert limiter.blocked_for("ana") == pytest.approx(60)
    assert limiter.blocked_for("ben") == 0
    now[0] += 61
    assert limiter.blocked_for("ana") == 0


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [
        ("ab", "long enough password", "username"),
        ("bad name!", "long enough password", "username"),
        ("local", "long enough password", "username"),
        ("maria", "short", "password"),
        ("maria", "x" * 257, "password"),
        ("maria.lopez", "maria.lopez", "password"),
    ],
)
def test_new_accounts_are_validated_field_by_field(
    username: str, password: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_new_account(username, password)
    assert caught.value.field == field

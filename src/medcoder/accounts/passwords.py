"""Password hashing with Argon2id.

Parameters follow the OWASP password-storage cheat sheet's Argon2id baseline (19 MiB memory,
2 iterations, 1 lane); hashes made with older parameters are re-hashed on the next log-in.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16)

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return HASHER.check_needs_rehash(password_hash)


# A real hash to verify against when the username does not exist, so a log-in for an unknown user
# takes as long as one with a wrong password (no user enumeration by timing).
DUMMY_HASH = HASHER.hash("not-a-real-password-for-timing")

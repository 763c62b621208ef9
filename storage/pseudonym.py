"""Pseudonymous keys for people: HMAC-SHA256 of `channel:user_id` under a secret.

A plain hash of a Telegram id can be reversed by trying every id; an HMAC
cannot without the secret, which lives in its own file (mode 0600) and
never in the database.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_BYTES = 32


def create_private_file(path: Path, content: bytes = b"") -> None:
    """Create a file only its owner can read, even if the umask is loose."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, content)
    finally:
        os.close(fd)
    os.chmod(path, 0o600)


def load_or_create_secret(path: Path) -> bytes:
    """The secret key, created on first run."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = secrets.token_hex(KEY_BYTES)
        try:
            create_private_file(path, text.encode("ascii"))
        except FileExistsError:  # another process created it first: use theirs
            text = path.read_text(encoding="ascii").strip()
    key = bytes.fromhex(text)
    if len(key) < 16:
        raise ValueError(f"the secret in {path} is too short")
    return key


class Pseudonymiser:
    """Turns a channel's user id into the key every table uses."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def key(self, channel: str, user_id: str | int) -> str:
        message = f"{channel}:{user_id}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

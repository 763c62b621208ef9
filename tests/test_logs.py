"""Logs never carry message text, Telegram ids or the bot token."""

from __future__ import annotations

import logging

import pytest

from bot.engine import Engine
from tests.conftest import Person

SECRET_WORDS = ["Kellyanne", "07700900123", "i want to kill myself", "zzkq wibble", "rent is late"]


def test_a_conversation_at_debug_level_logs_no_words_or_ids(
    engine: Engine, new_person, caplog: pytest.LogCaptureFixture  # type: ignore[no-untyped-def]
) -> None:
    caplog.set_level(logging.DEBUG)
    person: Person = new_person("5550001234")
    person.send("/start")
    person.send("my sw is Kellyanne, call 07700900123")
    person.send("i want to kill myself")
    person.send("zzkq wibble")
    person.send("/view")
    person.send("money")
    person.send("ok")
    person.send("rent is late")
    person.send("/forgetme")
    person.send("yes")
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "safeguarding kind=suicide" in logged  # the log is useful...
    for secret in SECRET_WORDS + ["5550001234", person.key]:
        assert secret not in logged  # ...and says nothing about who or what

"""Build the engine from settings: the one place that wires the layers together."""

from __future__ import annotations

from bot.config import Settings
from bot.engine import Engine
from knowledge.base import CouncilKnowledge, load
from storage.pseudonym import Pseudonymiser, load_or_create_secret
from storage.store import Store


def build_engine(settings: Settings, store: Store | None = None) -> Engine:
    """An engine for one council, its database and its secret."""
    knowledge = CouncilKnowledge(load(), settings.council)
    store = store or Store(settings.db_path)
    pseudonymiser = Pseudonymiser(load_or_create_secret(settings.secret_file))
    return Engine(
        knowledge,
        store,
        pseudonymiser,
        officers=settings.officers,
        overdue_days=settings.wsyd_overdue_days,
        bot_username=settings.bot_username,
        alerting=bool(settings.safeguarding_chat),
    )

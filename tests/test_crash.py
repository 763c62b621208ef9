"""Kill the running bot (SIGKILL) mid-flow; restart; the person carries on."""

from __future__ import annotations

import codecs
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path


from storage.store import Store


class Chat:
    """`carebot chat` in a child process, fed one line at a time."""

    def __init__(self, tmp: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "CAREBOT_SECRET_FILE": str(tmp / "secret")}
        env.pop("TELEGRAM_BOT_TOKEN", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from bot.cli import main; main()", "chat", "--db", str(tmp / "crash.db")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            cwd=Path(__file__).resolve().parents[1],
        )
        self.seen = ""
        # Emoji can be split across reads: decode incrementally.
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise AssertionError(f"the chat ended before {text!r}:\n{self.seen[-2000:]}")
                self.seen += self.decoder.decode(chunk)
            elif time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}; got:\n{self.seen[-2000:]}")
        return self.seen

    def say(self, line: str, then_expect: str) -> None:
        assert self.proc.stdin is not None
        mark = len(self.seen)
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()
        self.wait_for(then_expect)
        assert then_expect in self.seen[mark:]

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


def test_killed_mid_view_and_mid_we_said_then_carries_on(tmp_path: Path) -> None:
    first = Chat(tmp_path)
    first.wait_for("Prefer not to say")
    first.say("/view", "What would you like to share a view about?")
    first.say("money", "How do you feel about it?")
    first.kill()

    second = Chat(tmp_path)
    second.wait_for("Welcome back")
    second.say("ok", "What's happening?")
    second.say("rent is late", "What would make it better?")
    second.kill()

    store = Store(tmp_path / "crash.db")
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.rows("SELECT * FROM views") == []  # not sent yet: nothing half-written
    [person] = store.rows("SELECT key FROM people")
    store.update_person(person["key"], role="council_member")
    store.close()

    third = Chat(tmp_path)
    third.wait_for("Welcome back")
    third.say("help with budgeting", "Who should see it?")
    third.say("anonymous", "Check it, then tap Send.")
    third.say("send", "Your view is saved")
    third.say("/wesaid", "What did young people say?")
    third.say("We want later curfews", "Which theme is it?")
    third.kill()

    fourth = Chat(tmp_path)
    fourth.wait_for("Welcome back")
    fourth.say("Life in care", "When was it raised?")
    fourth.say("today", "Check this, then tap Send.")
    fourth.say("send", "Saved as item")
    fourth.kill()

    store = Store(tmp_path / "crash.db")
    views = store.rows("SELECT topic, feeling, happening, better FROM views")
    assert views == [{"topic": "money", "feeling": 3, "happening": "rent is late", "better": "help with budgeting"}]
    items = store.rows("SELECT said, theme FROM wsyd_items")
    assert items == [{"said": "We want later curfews", "theme": "family:care"}]

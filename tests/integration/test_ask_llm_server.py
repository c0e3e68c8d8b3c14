"""The model path end to end: a fake OpenAI-compatible server on loopback, reached over HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from medcoder.codes.ask import answer_question
from medcoder.codes.llm import ChatClient
from medcoder.settings import Settings


class FakeChat:
    """A chat-completions server whose reply (or delay) each test sets."""

    def __init__(self) -> None:
        self.reply = "Use modifier 59 only when no more specific modifier fits [1]."
        self.delay = 0.0
        self.requests: list[dict[str, object]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                fake.requests.append({"path": self.path, **json.loads(self.rfile.read(length))})
                time.sleep(fake.delay)
                body = json.dumps(
                    {"choices": [{"message": {"role": "assistant", "content": fake.reply}}]}
                ).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped waiting: exactly what the timeout test wants

            def log_message(self, *_args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@pytest.fixture
def fake_chat() -> Iterator[FakeChat]:
    fake = FakeChat()
    thread = threading.Thread(target=fake.server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield fake
    finally:
        fake.server.shutdown()
        fake.server.server_close()
        thread.join(timeout=5)


def test_the_api_answers_through_the_configured_model_with_citations(
    fake_chat: FakeChat, settings: Settings
) -> None:
    from medcoder.web.app import create_app

    configured = settings.model_copy(
        update={"llm_base_url": fake_chat.base_url, "llm_model": "local-test"}
    )
    with TestClient(create_app(configured)) as client:
        body = client.post("/api/v1/ask", json={"question": "when do I use modifier 59?"}).json()
    assert body["used_llm"] is True
    assert body["text"] == fake_chat.reply
    sent = fake_chat.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["model"] == "local-test"
    messages = sent["messages"]
    assert isinstance(messages, list) and "[1] (concept) Modifier 59" in messages[1]["content"]


def test_a_slow_model_times_out_and_the_retrieval_answer_stands(fake_chat: FakeChat) -> None:
    fake_chat.delay = 1.0
    client = ChatClient(fake_chat.base_url, timeout_seconds=0.2)
    started = time.monotonic()
    answer = answer_question("when do I use modifier 59?", llm=client)
    assert time.monotonic() - started < 5
    assert not answer.used_llm
    assert "no reply within 0.2 s" in answer.llm_note
    assert answer.text.startswith("**Modifier 59")


def test_a_model_reply_without_citations_is_not_shown(fake_chat: FakeChat) -> None:
    fake_chat.reply = "Just append 59 whenever a claim is denied."
    answer = answer_question("when do I use modifier 59?", llm=ChatClient(fake_chat.base_url))
    assert not answer.used_llm
    assert "append 59 whenever" not in answer.text

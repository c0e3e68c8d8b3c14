"""A minimal client for an OpenAI-compatible chat-completions endpoint (off unless configured).

Only ``ask`` uses it, to phrase an answer from passages we retrieved ourselves. Nothing is ever
contacted unless ``MEDCODER_LLM_BASE_URL`` is set. The transport is injectable so tests can use
``httpx.MockTransport`` or a real server on loopback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medcoder.settings import Settings

if TYPE_CHECKING:
    import httpx


class LlmError(RuntimeError):
    """The chat endpoint could not give a usable reply (timeout, HTTP error, odd JSON)."""


class ChatClient:
    """POST {base_url}/chat/completions with a list of messages; return the first reply's text."""

    def __init__(
        self,
        base_url: str,
        *,
        model: str = "",
        api_key: str = "",
        timeout_seconds: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.endpoint = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout_seconds = timeout_seconds
        self.transport = transport

    def complete(self, messages: list[dict[str, str]]) -> str:
        import httpx  # only when a model is configured: keeps the CLI's start-up fast

        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        payload: dict[str, Any] = {"messages": messages, "temperature": 0}
        if self.model:
            payload["model"] = self.model
        try:
            with httpx.Client(transport=self.transport, timeout=self.timeout_seconds) as client:
                response = client.post(self.endpoint, json=payload, headers=headers)
        except httpx.TimeoutException as error:
            raise LlmError(f"no reply within {self.timeout_seconds:g} s") from error
        except httpx.HTTPError as error:
            raise LlmError(f"could not reach the chat endpoint ({type(error).__name__})") from error
        if response.status_code != 200:
            raise LlmError(f"the chat endpoint answered HTTP {response.status_code}")
        return _reply_text(response)


def _reply_text(response: httpx.Response) -> str:
    try:
        body = response.json()
        text = body["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise LlmError("the chat endpoint's reply is not a chat completion") from error
    if not isinstance(text, str) or not text.strip():
        raise LlmError("the chat endpoint sent an empty reply")
    return text.strip()


def chat_client_from_settings(
    settings: Settings, *, transport: httpx.BaseTransport | None = None
) -> ChatClient | None:
    """The configured client, or None when no endpoint is set (the default)."""
    if not settings.llm_base_url:
        return None
    return ChatClient(
        settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout_seconds=settings.llm_timeout_seconds,
        transport=transport,
    )

"""OpenAI-compatible chat: GET /v1/models, POST /v1/chat/completions (plain and server-sent events).

The service keeps no session: every request replays the user turns of `messages` through the assistant with
a fresh Conversation, so a calculation that asked for an input continues when the next message gives it.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from api.errors import openai_error
from api.service import get_service
from api.settings import MODEL_ID, get_api_settings
from api.work import offload
from assistant.conversation import Answer, Conversation

router = APIRouter(tags=["OpenAI-compatible chat"])
CREATED = 1719187200  # 2024-06-24, the gazette's year: a fixed "created" for the one model
PIECE_CHARS = 48  # characters of the answer per streamed chunk


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str = Field(description="system | user | assistant | tool | developer")
    content: str | list[dict] | None = Field(default=None, description="text, or OpenAI content parts")


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")
    include_usage: bool = False


class ChatRequest(BaseModel):
    """OpenAI's request body; sampling options (temperature, max_tokens …) are accepted and ignored."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {
                "model": MODEL_ID,
                "messages": [{"role": "user", "content": "光伏装机500千瓦能拿多少？"}],
            }
        },
    )
    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: int | None = Field(default=None, description="only 1 is supported")


def message_text(content: str | list[dict] | None) -> str:
    """The text of a message: a string, or the text parts of a content list joined."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(str(p.get("text", "")) for p in content if isinstance(p, dict) and p.get("type") == "text")


def model_card() -> dict:
    return {"id": MODEL_ID, "object": "model", "created": CREATED, "owned_by": "xicheng-gazette"}


@router.get("/v1/models", summary="The one model: xicheng-gazette")
def list_models() -> dict:
    return {"object": "list", "data": [model_card()]}


@router.get("/v1/models/{model_id}", summary="One model")
def get_model(model_id: str):
    if model_id != MODEL_ID:
        return openai_error(404, f"The model '{model_id}' does not exist", "model_not_found", "model")
    return model_card()


def converse(turns: list[str]) -> Answer:
    """Replay the user turns with a fresh Conversation; the last turn's answer (earlier turns never use the LLM)."""
    service = get_service()
    conv = Conversation()
    replay = service.assistant_on(llm=False)
    for question in turns[:-1]:
        replay.ask(question, conv)
    return service.assistant_on().ask(turns[-1], conv)


def gazette_extra(answer: Answer) -> dict:
    """What clients that know this service can use beside the markdown: status, citations, the calculation."""
    d = answer.to_dict()
    return {k: d[k] for k in ("status", "citations", "calculation", "elapsed_ms")}


def _usage(turns: list[str], content: str) -> dict:
    # Characters, not tokens: there is no tokenizer here (a Chinese character is about one token).
    prompt = sum(len(t) for t in turns)
    return {"prompt_tokens": prompt, "completion_tokens": len(content), "total_tokens": prompt + len(content)}


@router.post(
    "/v1/chat/completions",
    summary="OpenAI chat completions over the gazette",
    description="`content` is the answer as Markdown; `gazette` (an extra top-level field, on the last chunk "
    "when streaming) carries the status, the citations and the calculation object of the CLI contract.",
)
async def chat_completions(req: ChatRequest):
    limits = get_api_settings()
    if req.model != MODEL_ID:
        return openai_error(404, f"The model '{req.model}' does not exist; use '{MODEL_ID}'", "model_not_found", "model")  # fmt: skip
    if req.n not in (None, 1):
        return openai_error(400, "only n=1 is supported", "invalid_value", "n")
    if len(req.messages) > limits.max_messages:
        msg = f"too many messages ({len(req.messages)}); at most {limits.max_messages}"
        return openai_error(400, msg, "too_many_messages", "messages")
    turns = []
    for i, m in enumerate(req.messages):
        if m.role != "user":
            continue
        text = message_text(m.content)
        if len(text) > limits.max_question_chars:
            msg = f"messages[{i}].content has {len(text)} characters; at most {limits.max_question_chars}"
            return openai_error(400, msg, "question_too_long", f"messages[{i}].content")
        turns.append(text)
    if not turns:
        return openai_error(
            400, "messages must contain at least one user message", "no_user_message", "messages"
        )
    answer = await offload(converse, turns)
    content = answer.markdown
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    usage = _usage(turns, content)
    if req.stream:
        include_usage = bool(req.stream_options and req.stream_options.include_usage)
        events = _events(cid, created, content, gazette_extra(answer), usage if include_usage else None)
        return StreamingResponse(
            events,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    return JSONResponse(
        {
            "id": cid,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_ID,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": usage,
            "system_fingerprint": None,
            "gazette": gazette_extra(answer),
        }
    )


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """The answer cut at line ends and every `size` characters; joined they give the text back exactly."""
    out = []
    for line in re.split(r"(?<=\n)", text):
        out.extend(line[i : i + size] for i in range(0, len(line), size))
    return [p for p in out if p]


def _events(cid: str, created: int, content: str, extra: dict, usage: dict | None) -> Iterator[str]:
    def chunk(delta: dict, finish: str | None = None, **more) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
                "system_fingerprint": None,
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}], **more}  # fmt: skip
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    for piece in pieces(content):
        yield chunk({"content": piece})
    yield chunk({}, "stop", gazette=extra)
    if usage is not None:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
                "system_fingerprint": None, "choices": [], "usage": usage}  # fmt: skip
        yield f"data: {json.dumps(body, ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"

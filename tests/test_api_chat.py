"""The OpenAI-compatible chat endpoint, driven by the real clients (openai SDK, LangChain's ChatOpenAI) over
loopback: plain and streamed answers agree, a conversation is rebuilt from its messages, errors are OpenAI's."""

from __future__ import annotations

import httpx
import openai
import pytest
from serving import API_KEY

PV = "光伏装机500千瓦能拿多少？"
PV_DOC = "西发改文〔2024〕82号"


@pytest.fixture(scope="module")
def client(api_server):
    return openai.OpenAI(base_url=f"{api_server.url}/v1", api_key=API_KEY, max_retries=0, timeout=60)


def ask(client, *turns: str, **kwargs):
    messages = [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)]
    return client.chat.completions.create(model="xicheng-gazette", messages=messages, **kwargs)


def test_the_one_model_is_listed(client):
    assert [m.id for m in client.models.list()] == ["xicheng-gazette"]
    assert client.models.retrieve("xicheng-gazette").id == "xicheng-gazette"


def test_a_calculation_answers_600000_yuan_with_the_citation(client):
    reply = ask(client, PV)
    content = reply.choices[0].message.content
    assert "60万元" in content and PV_DOC in content
    assert reply.choices[0].finish_reason == "stop" and reply.model == "xicheng-gazette"
    extra = reply.model_extra["gazette"]
    assert extra["status"] == "calculated"
    assert extra["calculation"]["amount_yuan"] == 600000
    assert any(c["doc_no"] == PV_DOC for c in extra["citations"])


def test_streamed_chunks_join_to_the_same_answer(client):
    plain = ask(client, PV).choices[0].message.content
    chunks = list(ask(client, PV, stream=True))
    assert len(chunks) > 2
    assert chunks[0].choices[0].delta.role == "assistant"
    joined = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert joined == plain
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["gazette"]["calculation"]["amount_yuan"] == 600000


def test_the_stream_ends_with_done_and_can_carry_usage(api_server):
    body = {"model": "xicheng-gazette", "messages": [{"role": "user", "content": PV}], "stream": True,
            "stream_options": {"include_usage": True}}  # fmt: skip
    with httpx.stream("POST", f"{api_server.url}/v1/chat/completions", json=body, timeout=60,
                      headers={"Authorization": f"Bearer {API_KEY}"}) as r:  # fmt: skip
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in r.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    assert all(line.startswith("data: ") for line in lines)
    assert '"usage"' in lines[-2] and '"choices": []' in lines[-2]


def test_a_two_message_conversation_continues_a_calculation_that_asked_for_input(client):
    first = ask(client, "我们公司装了光伏，能拿多少奖励？")
    assert first.model_extra["gazette"]["status"] == "needs_input"
    second = ask(client, "我们公司装了光伏，能拿多少奖励？", first.choices[0].message.content, "500千瓦")
    extra = second.model_extra["gazette"]
    assert extra["status"] == "calculated" and extra["calculation"]["amount_yuan"] == 600000
    assert "60万元" in second.choices[0].message.content


def test_content_parts_and_system_messages_are_read_like_plain_text(client):
    reply = client.chat.completions.create(
        model="xicheng-gazette",
        messages=[
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": [{"type": "text", "text": PV}]},
        ],
    )
    assert reply.model_extra["gazette"]["calculation"]["amount_yuan"] == 600000


def test_langchain_chat_openai_talks_to_the_service(api_server):
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="xicheng-gazette", base_url=f"{api_server.url}/v1", api_key=API_KEY, max_retries=0,
                     timeout=60)  # fmt: skip
    assert "60万元" in llm.invoke(PV).content
    assert "60万元" in "".join(chunk.content for chunk in llm.stream(PV))


def test_errors_come_in_openai_shape(client, api_server):
    with pytest.raises(openai.NotFoundError) as e:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PV}])
    assert e.value.body["code"] == "model_not_found"
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(
            model="xicheng-gazette", messages=[{"role": "assistant", "content": "hi"}]
        )
    assert e.value.body["code"] == "no_user_message"
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(model="xicheng-gazette", messages=[])
    assert e.value.body["type"] == "invalid_request_error" and e.value.body["param"] == "messages"
    wrong = openai.OpenAI(base_url=f"{api_server.url}/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as e:
        wrong.models.list()
    assert e.value.body["code"] == "invalid_api_key"


def test_a_question_past_the_length_limit_is_refused(client):
    with pytest.raises(openai.BadRequestError) as e:
        ask(client, "光伏" * 1500)
    assert e.value.body["code"] == "question_too_long"


def test_nothing_the_user_typed_reaches_the_server_log(client, api_server):
    marker = "光伏装机987千瓦能拿多少？"
    ask(client, marker)
    assert "987" not in api_server.output()

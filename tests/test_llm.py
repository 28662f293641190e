"""The optional LLM path: real HTTP client against a local chat-completions server, fake models for tools."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.llm import check_grounded, make_chat_model, rewrite
from core.schema import CalcResult, Citation
from core.settings import Settings

TODAY = date(2026, 11, 28)  # the date the calculator tools apply the rules for
CITE = Citation(
    "西民发〔2024〕1号", "养老助餐细则", "第二十一条",
    "每人每天可享受 5 元的午餐或晚餐就餐补贴。", "西民发〔2024〕1号/第五章/第二十一条",
)  # fmt: skip


class _Server:
    """A minimal OpenAI chat-completions endpoint on loopback; replies with whatever `content` holds."""

    def __init__(self):
        self.content = ""
        self.delay = 0.0
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                time.sleep(outer.delay)
                payload = {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": body["model"],
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": outer.content}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }  # fmt: skip
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = _Server()
    yield s
    s.close()


def _model(settings: Settings, url: str, timeout: float = 5.0):
    from dataclasses import replace

    return make_chat_model(replace(settings, llm_base_url=url, llm_model="test-model", llm_timeout_s=timeout))


def test_no_llm_configured_means_no_model(settings):
    assert make_chat_model(settings) is None


def test_grounded_answer_is_accepted(server, settings):
    server.content = f"基本养老服务对象每人每天可享受5元就餐补贴 [{CITE.chunk_id}]。"
    reply = rewrite(_model(settings, server.url), "老人吃饭补贴多少", (CITE,), None)
    assert reply.text == server.content
    sent = server.requests[0]["messages"][-1]["content"]
    assert CITE.chunk_id in sent and "老人吃饭补贴多少" in sent


def test_invented_number_is_rejected(server, settings):
    server.content = f"每人每天可享受8元就餐补贴 [{CITE.chunk_id}]。"
    reply = rewrite(_model(settings, server.url), "老人吃饭补贴多少", (CITE,), None)
    assert reply.text is None and "8" in reply.fallback_reason


def test_unretrieved_citation_is_rejected(server, settings):
    server.content = "每人每天5元 [西民发〔2024〕1号/第五章/第二十二条]。"
    reply = rewrite(_model(settings, server.url), "老人吃饭补贴多少", (CITE,), None)
    assert reply.text is None and "未检索到" in reply.fallback_reason


def test_endpoint_down_falls_back(settings):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    reply = rewrite(_model(settings, f"http://127.0.0.1:{port}/v1"), "问题", (CITE,), None)
    assert reply.text is None and "不可用" in reply.fallback_reason


def test_timeout_falls_back(server, settings):
    server.delay = 2.0
    server.content = f"5元 [{CITE.chunk_id}]"
    reply = rewrite(_model(settings, server.url, timeout=0.5), "问题", (CITE,), None)
    assert reply.text is None and ("不可用" in reply.fallback_reason or "超时" in reply.fallback_reason)


def test_the_deadline_bounds_the_whole_exchange_not_each_read():
    import time

    from assistant.llm import with_deadline

    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        with_deadline(
            lambda: time.sleep(5), 0.3
        )  # a drip-feeding server: each read is quick, the whole never ends
    assert time.perf_counter() - started < 2
    assert with_deadline(lambda: 42, 1.0) == 42
    with pytest.raises(ValueError, match="boom"):
        with_deadline(lambda: (_ for _ in ()).throw(ValueError("boom")), 1.0)


def test_a_reply_without_the_calculated_amount_is_not_shown_instead_of_the_calculation():
    from assistant.llm import _amount_stated

    calc = CalcResult(
        "green_pv_reward", {"capacity_kw": 500}, 600000, True, ("500 千瓦 × 1200 元/千瓦 = 60万元",)
    )
    assert not _amount_stated("好的", calc)
    assert _amount_stated("可获得60万元奖励。", calc) and _amount_stated("共600000元", calc)


def test_calculation_amounts_count_as_grounded():
    calc = CalcResult(
        "green_pv_reward", {"capacity_kw": 500}, 600000, True, ("500 千瓦 × 1200 元/千瓦 = 60万元",)
    )
    assert check_grounded("可获得60万元奖励。", set(), "", calc) is None
    assert check_grounded("可获得600000元奖励。", set(), "", calc) is None
    assert check_grounded("可获得70万元奖励。", set(), "", calc) is not None


def test_numbers_on_separate_lines_of_the_context_are_not_glued_together():
    context = "金额（元）：600000\n500 千瓦 × 1200 元/千瓦 = 60万元"
    assert check_grounded("500千瓦可获得60万元。", set(), context, None) is None
    assert check_grounded("可获得600000500元。", set(), context, None) is not None


def fake_chat_model(*replies):
    """A fake chat model that answers with `replies` in turn (strings or AIMessages) and accepts tools."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    class ToolFake(GenericFakeChatModel):
        def bind_tools(self, tools, **kwargs):
            return self

    return ToolFake(messages=iter([AIMessage(r) if isinstance(r, str) else r for r in replies]))


def _pv_tool_caller_then(final_text: str):
    """A fake chat model that first calls the PV calculator tool, then answers with final_text."""
    from langchain_core.messages import AIMessage

    call = {"name": "green_pv_reward", "args": {"capacity_kw": 500}, "id": "c1"}
    return fake_chat_model(AIMessage("", tool_calls=[call]), final_text)


def test_tool_calling_loop_with_a_fake_model():
    from calculators.tools import all_tools

    model = _pv_tool_caller_then("按第五条第1项测算，可获得60万元一次性奖励。")
    reply = rewrite(model, "光伏500千瓦能拿多少", (), None, all_tools(TODAY))
    assert reply.text and "60万元" in reply.text


def test_tool_result_numbers_are_grounded_but_others_are_not():
    from calculators.tools import all_tools

    model = _pv_tool_caller_then("可获得75万元。")
    assert rewrite(model, "光伏500千瓦能拿多少", (), None, all_tools(TODAY)).text is None


# -- the chat page with an LLM: what is shown follows the answer's flags ------------------------------


@pytest.fixture
def llm_app(fake_index_settings, monkeypatch):
    """start(model): a fresh chat page whose Assistant uses `model` as its LLM (rebuilt around it)."""
    AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
    from core.settings import get_settings
    from ui.resources import _load_assistant

    def start(model):
        monkeypatch.setenv("GAZETTE_DATA_DIR", str(fake_index_settings.data_dir))
        monkeypatch.setenv("GAZETTE_EMBEDDER", "fake")
        get_settings.cache_clear()
        monkeypatch.setattr("assistant.service.make_chat_model", lambda _settings: model)
        _load_assistant.clear()  # the cached Assistant has no LLM (or another test's)
        at = AppTest.from_file("../app.py", default_timeout=60).run()
        assert not at.exception
        return at

    yield start
    _load_assistant.clear()  # later tests get an Assistant without this fake model


def _ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at.chat_message[-1]


def test_page_shows_the_llm_rewrite_of_a_clause_answer(llm_app):
    rewritten = f"基本养老服务对象在养老助餐点就餐，每人每天可享受5元就餐补贴 [{CITE.chunk_id}]。"
    at = llm_app(fake_chat_model(rewritten))
    reply = _ask(at, "西民发〔2024〕1号第二十一条")
    answer = at.session_state["messages"][-1]["answer"]
    assert answer.rewritten_by_llm and answer.fallback_reason is None
    shown = [m.value for m in reply.markdown]
    assert rewritten in shown
    assert not any("公报中的相关条文如下" in m for m in shown)  # the extractive text is replaced
    assert any("由大模型" in c.value for c in reply.caption)
    assert not reply.info  # no fallback notice
    assert any("第二十一条" in e.label for e in reply.expander)  # the citations stay


def test_page_shows_the_extractive_answer_and_a_notice_when_the_endpoint_is_down(llm_app, settings):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    at = llm_app(_model(settings, f"http://127.0.0.1:{port}/v1", timeout=2.0))
    reply = _ask(at, "西民发〔2024〕1号第二十一条")
    answer = at.session_state["messages"][-1]["answer"]
    assert not answer.rewritten_by_llm and "大模型暂不可用" in answer.fallback_reason
    assert any("公报中的相关条文如下" in m.value for m in reply.markdown)
    assert [i.value for i in reply.info] == [answer.fallback_notice]
    assert not any(answer.fallback_reason in m.value for m in reply.markdown)  # a notice, not answer text
    assert not any("由大模型" in c.value for c in reply.caption)


def test_every_sentence_with_a_number_cites_a_clause_or_is_the_calculation():
    context = f"[{CITE.chunk_id}] {CITE.quote}"
    ids = {CITE.chunk_id}
    assert check_grounded(f"每人每天可享受5元补贴。[{CITE.chunk_id}]", ids, context, None) is None
    # the same figure again, in a sentence of its own without a source: refused
    reason = check_grounded(f"每人每天5元。[{CITE.chunk_id}]老人每天还是5元。", ids, context, None)
    assert reason is not None and "没有注明来源" in reason


def test_an_invented_sentence_that_borrows_a_figure_of_the_calculation_is_refused():
    calc = CalcResult(
        "green_pv_reward", {"capacity_kw": 500}, 600000, True, ("500 千瓦 × 1200元/千瓦 = 60万元",)
    )
    calc_context = "金额（元）：600000\n500 千瓦 × 1200元/千瓦 = 60万元"
    assert check_grounded("装机500千瓦，可获得60万元。", set(), calc_context, calc, calc_context) is None
    injected = "可获得60万元。另外每户还可额外领取500元补贴。"
    assert check_grounded(injected, set(), calc_context, calc, calc_context) is not None


def test_a_calculation_is_shown_as_computed_under_the_model_reply(fake_index):
    from assistant.service import Assistant

    model = fake_chat_model("您的项目可获得60万元奖励。")
    a = Assistant(fake_index, today=TODAY, chat_model=model).ask("光伏装机500千瓦能拿多少？")
    assert a.rewritten_by_llm and a.answer.startswith("您的项目可获得60万元奖励。")
    assert "计算过程" in a.answer and "500 千瓦 × 1200元/千瓦 = 60万元" in a.answer and "依据" in a.answer


class _Misbehaving:
    """A raw HTTP endpoint on loopback that misbehaves as told: closes at once, answers 500, sends garbage,
    or drips a valid-looking response one byte every 0.3 s (each read is quick, the whole never ends)."""

    def __init__(self, mode: str):
        import socket

        self.mode, self.stop = mode, threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn):
        try:
            conn.recv(65536)
            if self.mode == "close":
                return
            if self.mode == "500":
                body = b'{"error": {"message": "boom"}}'
                conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(body), body))  # fmt: skip
            elif self.mode == "garbage":
                body = b"\x00\xffnot json at all"
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(body), body))  # fmt: skip
            elif self.mode == "drip":
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                )
                while not self.stop.is_set():
                    conn.sendall(b" ")
                    time.sleep(0.3)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.stop.set()
        self.sock.close()


@pytest.mark.parametrize("mode", ["close", "500", "garbage", "drip"])
def test_a_misbehaving_endpoint_falls_back_within_the_deadline(settings, mode):
    endpoint = _Misbehaving(mode)
    try:
        started = time.perf_counter()
        reply = rewrite(_model(settings, endpoint.url, timeout=2.0), "老人吃饭补贴多少", (CITE,), None)
        took = time.perf_counter() - started
    finally:
        endpoint.close()
    assert reply.text is None and reply.fallback_reason
    assert took < 2.0 + 3.0  # one total deadline (2 s here), not a per-read timeout the drip keeps renewing

"""URL lists against a local HTTP server on 127.0.0.1: allow-list, limits, retries."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline.work import process
from sources import IngestError, RawDocument
from sources.uri_dates import date_in_uri
from sources.urls import FetchPolicy, fetch, fetch_all, read_url_list

PAGE = '<html><head><meta charset="gbk"></head><body><p>包括异地就医备案、生育津贴支付等2个事项。</p></body></html>'


class _Handler(BaseHTTPRequestHandler):
    flaky_calls = 0

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def _send(self, code: int, body: bytes, content_type: str = "text/html; charset=gbk") -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/notice.html":
            self._send(200, PAGE.encode("gbk"))
        elif self.path == "/export?format=csv":
            self._send(200, "事项名称,实施主体\n婚姻登记,某潭市民政局\n".encode("gb18030"), "text/csv; charset=gbk")
        elif self.path == "/missing.html":
            self._send(404, b"not here")
        elif self.path == "/big.html":
            self._send(200, b"x" * 5000)
        elif self.path == "/flaky.html":
            type(self).flaky_calls += 1
            if type(self).flaky_calls < 3:
                self._send(503, b"busy")
            else:
                self._send(200, PAGE.encode("gbk"))
        elif self.path == "/away.html":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_address[1]}/notice.html")
            self.end_headers()
        else:
            self._send(404, b"")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _policy(**changes) -> FetchPolicy:
    settings = {"timeout": 5.0, "max_bytes": 1000, "retries": 2, "backoff": 0.01, "allowed_hosts": frozenset({"127.0.0.1"})}
    settings.update(changes)
    return FetchPolicy(**settings)


def test_a_gbk_page_is_fetched_and_extracted(server):
    doc = fetch(f"{server}/notice.html", _policy())
    assert isinstance(doc, RawDocument) and doc.kind == "html"
    result = process(doc)
    assert [i.name for i in result.extraction.items] == ["异地就医备案", "生育津贴支付"]


def test_a_download_the_server_calls_csv_is_read_as_rows(server):
    doc = fetch(f"{server}/export?format=csv", _policy())
    assert isinstance(doc, RawDocument) and doc.kind == "csv"
    assert process(doc).normalized.text.splitlines() == ["事项名称\t实施主体", "婚姻登记\t某潭市民政局"]


@pytest.mark.parametrize(
    "path, error_type",
    [("/missing.html", "http_404"), ("/big.html", "too_large"), ("/away.html", "host_not_allowed")],
)
def test_failures_are_typed_errors(server, path, error_type):
    result = fetch(f"{server}{path}", _policy())
    assert isinstance(result, IngestError) and result.error_type == error_type


def test_hosts_off_the_allow_list_are_not_fetched(server):
    result = fetch(f"{server}/notice.html", _policy(allowed_hosts=frozenset({"www.gov.cn"})))
    assert result.error_type == "host_not_allowed"


def test_transient_failures_are_retried_with_backoff(server):
    _Handler.flaky_calls = 0
    doc = fetch(f"{server}/flaky.html", _policy())
    assert isinstance(doc, RawDocument) and doc.metadata["attempts"] == "3"


def test_unreachable_host_ends_as_an_error(server):
    result = fetch("http://127.0.0.1:9/notice.html", _policy(retries=1))
    assert result.error_type == "unreachable"


def test_url_list_file_and_default_allow_list(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# notices\n{server}/notice.html\n\n{server}/missing.html\n", encoding="utf-8")
    results = list(fetch_all(read_url_list(listing), FetchPolicy(timeout=5, retries=0)))
    assert [type(r).__name__ for r in results] == ["RawDocument", "IngestError"]


def test_cli_run_fetches_a_url_list(server, tmp_path):
    import duckdb
    from click.testing import CliRunner

    from pipeline.cli import main

    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/notice.html\n{server}/missing.html\n", encoding="utf-8")
    empty = tmp_path / "folder"
    empty.mkdir()
    db = tmp_path / "t.duckdb"
    args = [
        "run",
        "--source",
        str(empty),
        "--urls",
        str(listing),
        "--db",
        str(db),
        "--publish",
        str(tmp_path / "p"),
        "--no-progress",
    ]
    result = CliRunner().invoke(main, args)
    assert "1 documents loaded, 1 errors recorded, 2 registry items" in result.output
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute("SELECT uri FROM documents").fetchone()[0] == f"{server}/notice.html"
        assert conn.execute("SELECT error_type FROM ingest_errors").fetchone()[0] == "http_404"


@pytest.mark.parametrize(
    ("uri", "day"),
    [
        ("http://fj.news.cn/yuanchuang/2021-12/06/c_1128134786.htm", "2021-12-06"),
        ("http://ybq.gov.cn/zwgk_263/gsgg/202109/t20210918_9734869_wap.html", "2021-09-18"),
        ("http://jiaxiang.gov.cn/art/2021/7/19/art_72008_2718080.html", "2021-07-19"),
        ("http://www.people.com.cn/n1/2021/0311/c1001-32048.html", "2021-03-11"),
        ("http://m.example.cn/content/post_3210989.html", None),  # an id, no day
        ("http://example.cn/2021-02-30/a.html", None),  # digits shaped like a day that is none
        ("http://example.cn/a.html?date=20210101", None),  # a query string is not read
        ("notices/guangdong_plan.txt", None),
    ],
)
def test_the_day_a_pages_address_gives_it(uri, day):
    assert date_in_uri(uri) == day


def test_a_page_with_no_date_of_its_own_reads_its_deadlines_by_its_addresss_day():
    text = "新华社福州电 福建省发改委消息，有望在今年10月底前实现川渝通办。".encode()
    dated = process(RawDocument.from_bytes("http://fj.news.cn/2021-12/06/c_1.htm", text, "txt"))
    assert [(d.text, d.date) for d in dated.extraction.deadlines] == [("今年10月底前", "2021-10-31")]
    undated = process(RawDocument.from_bytes("notices/report.txt", text, "txt"))
    assert [d.date for d in undated.extraction.deadlines] == [None]
    # the text's own date wins over the address's
    own = process(RawDocument.from_bytes("http://fj.news.cn/2021-12/06/c_1.htm", "发布时间：2022-03-01\n".encode() + text, "txt"))
    assert [d.date for d in own.extraction.deadlines] == ["2022-10-31"]

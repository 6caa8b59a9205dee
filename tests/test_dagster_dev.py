"""End to end through the GraphQL API of a real `dagster dev` on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

QUERY = """
{ assetNodes { assetKey { path } isPartitioned
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } } }
  checks: assetCheckExecutions(assetKey: {path: ["registry_items"]}, checkName: "item_id_unique", limit: 5) {
    status evaluation { success } } }
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


def _wait_until_up(port: int, server: subprocess.Popen, seconds: int = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "dagster dev exited early"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
            return
        except OSError:
            time.sleep(1)
    pytest.fail("dagster dev did not answer in time")


@pytest.mark.slow
def test_dagster_dev_serves_the_graph_and_check_results(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "TONGBAN_DATA": str(tmp_path / "data"),
        "TONGBAN_DB": str(tmp_path / "data" / "tongban.duckdb"),
        "TONGBAN_SOURCE": str(ROOT / "sources" / "samples"),
    }
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "tongban"), "materialize"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=600)
    port = _free_port()
    server = subprocess.Popen(
        [str(bin_dir / "dagster"), "dev", "-m", "pipeline.definitions", "-h", "127.0.0.1", "-p", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_until_up(port, server)
        data = _graphql(port, QUERY)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # dagster dev, its webserver, daemon and code server
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    nodes = {tuple(n["assetKey"]["path"]): n for n in data["assetNodes"]}
    assert {("raw_notices",), ("extractions",), ("documents",), ("registry_items",), ("registry_publish",)} <= set(nodes)
    assert nodes[("extractions",)]["isPartitioned"] and not nodes[("registry_items",)]["isPartitioned"]
    checks = {c["name"]: c["blocking"] for c in nodes[("registry_items",)]["assetChecksOrError"]["checks"]}
    assert checks == {
        "item_id_unique": True,
        "required_fields_present": True,
        "every_item_has_a_source": True,
        "item_ids_keep_their_meaning": True,
    }
    finished = [c for c in data["checks"] if c["status"] == "SUCCEEDED"]
    assert finished and all(c["evaluation"]["success"] for c in finished)

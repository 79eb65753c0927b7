"""The app's pages (app/pages.py): what a change reports is what happened to the file."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import threading

import pytest
import yaml
from starlette.testclient import TestClient

from selvhjelp_cli.core import files

from .conftest import BASE_URL

ROUNDS = 4
THREADS = 20


@pytest.fixture
def widened(monkeypatch):
    """Sleep a little, at random (seeded), inside the critical section: between the check that the
    file is what was read and its replacement, where a lost or doubled change would happen."""
    real = files._unchanged_since_read
    chance = random.Random(38)
    lock = threading.Lock()

    def pause() -> None:
        with lock:
            seconds = chance.uniform(0, 0.004)
        threading.Event().wait(seconds)

    def slow(*args, **kwargs):
        pause()
        real(*args, **kwargs)
        pause()  # between the comparison and the replacement: the window a missing lock would lose a change in

    monkeypatch.setattr(files, "_unchanged_since_read", slow)


def names_in(path) -> list[str]:
    """The participants' names, read as YAML: «Tråd 1» is never found inside «Tråd 12»."""
    return [p["name"] for p in (yaml.safe_load(path.read_text(encoding="utf-8")).get("participants") or [])]


def _page(client, stem):
    page = client.get(f"/g/{stem}").text
    return (re.search(r'name="shown" value="([0-9a-f]+)"', page).group(1),
            re.search(r'name="csrf" value="([^"]+)"', page).group(1))


def _post_add(app, name, results, index, barrier=None):
    client, guard = app
    own = TestClient(guard, base_url=BASE_URL, cookies=client.cookies)
    shown, csrf = _page(own, "torsdagsgruppa")
    if barrier is not None:
        barrier.wait()
    answer = own.post("/g/torsdagsgruppa/participant/add", follow_redirects=False,
                      data={"name": name, "adult": "on", "shown": shown, "csrf": csrf},
                      headers={"origin": BASE_URL, "sec-fetch-site": "same-origin"})
    results[index] = (name, answer.status_code)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_twenty_parallel_posts_each_saved_exactly_when_reported_saved(app, folder, widened, round_):
    path = folder / "torsdagsgruppa.yaml"
    results: dict[int, tuple[str, int]] = {}
    barrier = threading.Barrier(THREADS)
    threads = [threading.Thread(target=_post_add, args=(app, f"Tråd {round_}-{i}", results, i, barrier))
               for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    saved = names_in(path)
    assert len(results) == THREADS
    for name, status in results.values():
        assert status in (303, 409), (name, status)
        assert (status == 303) == (name in saved), (name, status, saved)
    assert sum(status == 303 for _name, status in results.values()) >= 1


def test_the_command_line_and_the_app_in_parallel_lose_nothing_and_report_truly(app, folder, widened):
    path = folder / "torsdagsgruppa.yaml"
    env = dict(os.environ, SELVHJELP_LANG="nb")
    processes = [subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "participant", "add", str(path), "--name",
                                   f"Prosess {i}", "--adult", "--no-input"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(5)]
    results: dict[int, tuple[str, int]] = {}
    threads = [threading.Thread(target=_post_add, args=(app, f"Nettleser {i}", results, i)) for i in range(10)]
    for thread in threads:
        thread.start()
    codes = [process.wait(timeout=120) for process in processes]
    for thread in threads:
        thread.join(timeout=120)
    saved = names_in(path)
    for i, code in enumerate(codes):
        assert (code == 0) == (f"Prosess {i}" in saved), (i, code, saved)
    for name, status in results.values():
        assert (status == 303) == (name in saved), (name, status, saved)
    assert all(code == 0 for code in codes)  # the command line has no page that can go stale: it makes its change

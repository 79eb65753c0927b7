"""cli/app_command.py: selvhjelp app from the command line – a folder and a port it can use, or exit 2."""

from __future__ import annotations

import socket

from .conftest import invoke


def test_app_refuses_a_folder_that_does_not_exist_with_exit_2(tmp_path):
    result = invoke("app", str(tmp_path / "finnes-ikke"), "--no-browser")
    assert result.exit_code == 2 and "Mappen finnes ikke" in result.stderr


def test_app_refuses_a_port_that_is_taken_with_exit_2(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        result = invoke("app", str(tmp_path), "--no-browser", "--port", str(taken.getsockname()[1]))
    finally:
        taken.close()
    assert result.exit_code == 2 and "opptatt" in result.stderr

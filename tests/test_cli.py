import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleannews.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example" / "harbour-ferry.html"


def test_extract_prints_one_json_object_a_line(capsys, tmp_path):
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    assert main(["extract", str(EXAMPLE), str(gz)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    a, b = (json.loads(x) for x in lines)
    assert a["body"] == b["body"] and a["body"].startswith("Passengers")


def test_formats(capsys):
    assert main(["extract", "--format", "markdown", str(EXAMPLE)]) == 0
    assert "## How the trial will work" in capsys.readouterr().out
    assert main(["extract", "--format", "text", str(EXAMPLE)]) == 0
    assert "Passengers will be able" in capsys.readouterr().out


def test_unreadable_input_gives_a_one_line_message_and_nonzero_exit(tmp_path, capsys):
    missing = tmp_path / "nope.html"
    assert main(["extract", str(missing)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.html" in err[0]
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    assert main(["extract", str(broken)]) != 0


@pytest.mark.process
def test_stdin_and_console_script():
    r = subprocess.run([sys.executable, "-m", "cleannews.cli", "extract", "-"], input=EXAMPLE.read_bytes(),
                       capture_output=True, check=True)
    assert json.loads(r.stdout)["body"].startswith("Passengers")

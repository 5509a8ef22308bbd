"""The command line as CONTRACT.md fixes it: formats, outputs, exit codes, one Error: line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEEDS


def test_version_and_help_import_neither_spacy_nor_weasyprint():
    code = ("import sys; from briefing.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules and 'weasyprint' not in sys.modules, 'heavy import at start-up'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "build" in done.stdout and "extract" in done.stdout


def test_version(cli):
    from briefing import __version__

    result = cli("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_missing_source_is_one_error_line_exit_1(cli, tmp_path):
    result = cli("build", tmp_path / "nope", "-o", tmp_path / "b.md")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: source not found: {tmp_path / 'nope'}"]
    assert not (tmp_path / "b.md").exists()


def test_empty_folder_is_an_error(cli, tmp_path):
    (tmp_path / "in").mkdir()
    result = cli("build", tmp_path / "in", "-o", tmp_path / "b.md")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no article files")


def test_unknown_format_is_usage_error_exit_2(cli, tmp_path):
    result = cli("build", SEEDS, "-f", "docx")
    assert result.exit_code == 2
    assert "Invalid value" in result.output


def test_pdf_to_stdout_is_usage_error(cli):
    result = cli("build", SEEDS, "-f", "pdf", "-o", "-")
    assert result.exit_code == 2


@pytest.mark.slow
def test_extract_prints_json(cli):
    result = cli("extract", SEEDS)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert [s["id"] for s in data["sources"]] == sorted(p.name for p in SEEDS.iterdir())


@pytest.mark.slow
def test_build_several_formats_into_a_folder(cli, tmp_path):
    result = cli("build", SEEDS, "-f", "md", "-f", "html", "-f", "json", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.html", "briefing.json", "briefing.md"]


@pytest.mark.slow
def test_failed_run_keeps_earlier_output(cli, tmp_path):
    out = tmp_path / "b.md"
    out.write_text("earlier good briefing")
    result = cli("build", tmp_path / "missing", "-o", out)
    assert result.exit_code == 1
    assert out.read_text() == "earlier good briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_every_command_and_option_has_help_text():
    from briefing.cli import main

    for name, command in main.commands.items():
        assert command.help, f"command {name} has no help"
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help"


def test_a_run_exits_without_a_last_garbage_collection():
    """The interpreter's last collection walks every object of the loaded pipeline (about 0.2 s per run) to
    free memory the system frees anyway: after briefing's main has run, a cycle left at exit stays
    uncollected, while the output is still flushed."""
    script = """
import gc, sys
class Cycle:
    def __del__(self):
        sys.stdout.write("collected\\n")
c = Cycle(); c.me = c; del c
gc.disable()  # keep it for the exit, whenever the collector would have run
from click.testing import CliRunner
from briefing.cli import main
if sys.argv[1] == "run":
    CliRunner().invoke(main, ["build", "--help"])
    CliRunner().invoke(main, ["build", "--help"])
print("end")
"""
    for mode, expected in (("run", "end\n"), ("none", "end\ncollected\n")):
        r = subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0 and r.stdout == expected, (mode, r.stdout, r.stderr)

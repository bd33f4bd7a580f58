"""Tests that the wheel carries its data, and that the documented commands agree.

The wheel is built once for the module from a copy of the source tree (so the
build leaves nothing behind in the checkout), without dependencies, and without
build isolation when setuptools and wheel are already installed.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"
)


def _pip_wheel(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("setuptools") and importlib.util.find_spec("wheel"):
        command.append("--no-build-isolation")  # no download, several seconds faster
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """A wheel built from the current source tree."""
    if importlib.util.find_spec("pip") is None:
        pytest.skip("pip is not installed, so `pip wheel` is unavailable")
    tmp = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, tmp / "src", ignore=_NOT_SOURCE)
    result = _pip_wheel(tmp / "src", tmp / "dist")
    assert 0 == result.returncode, result.stderr
    (path,) = (tmp / "dist").glob("quoteattr-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


@pytest.fixture(scope="module")
def wheel_names(wheel: zipfile.ZipFile) -> set[str]:
    """The names of the files in the wheel."""
    return set(wheel.namelist())


def test_wheel_declares_typing(wheel_names):
    """``py.typed`` ships, so type checkers read quoteattr's annotations."""
    assert "quoteattr/py.typed" in wheel_names


def test_wheel_carries_the_demo_article(wheel_names):
    """``quoteattr --demo`` works from an installed wheel."""
    assert "quoteattr/data/demo.txt" in wheel_names


def test_wheel_carries_the_json_schema_and_the_page_style(wheel, wheel_names):
    """``json_schema()`` and ``render_html()`` work from an installed wheel: their data ships."""
    assert {"quoteattr/page/page.css", "quoteattr/page/page.js"} <= wheel_names
    assert "quoteattr/schema/document.schema.json" in wheel_names
    schema = json.loads(wheel.read("quoteattr/schema/document.schema.json"))
    assert "quoteattr Document" == schema["title"]


def test_wheel_carries_every_lexicon(wheel_names):
    """Each ``quoteattr/lexicons/en/*.txt`` in the source tree is in the wheel."""
    lexicons = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "quoteattr" / "lexicons" / "en").glob("*.txt")
    }
    assert set() == lexicons - wheel_names


def test_wheel_installs_the_console_script(wheel, wheel_names):
    """Installing the wheel gives a ``quoteattr`` command that runs ``__main__.main``."""
    (entry_points,) = [name for name in wheel_names if name.endswith(".dist-info/entry_points.txt")]
    lines = wheel.read(entry_points).decode("utf-8").splitlines()
    assert "quoteattr = quoteattr.__main__:main" in lines


def test_wheel_registers_the_spacy_factory(wheel, tmp_path):
    """With the wheel on the path, ``add_pipe("quoteattr")`` works in a program that never
    imports quoteattr: spaCy finds the factory through the ``spacy_factories`` entry point."""
    pytest.importorskip("spacy", reason="the spaCy component needs spacy: pip install spacy")
    wheel.extractall(tmp_path / "site")
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('quoteattr')\n"
        "import quoteattr\n"
        "print(quoteattr.__file__)\n"
        "print(nlp('\"We won,\" she said.')._.quotes[0].content.text)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")}, timeout=120)
    assert 0 == result.returncode, result.stderr
    where, content = result.stdout.splitlines()
    assert Path(where).is_relative_to(tmp_path / "site")
    assert "We won" == content


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_quick_start_is_install_and_demo_then_install_and_test():
    """The README's Quick start is exactly two commands: try the demo, run the tests."""
    assert [
        "pip install . && python -m quoteattr --demo",
        "pip install '.[test]' && python -m pytest",
    ] == _quick_start_commands()


def test_ci_runs_the_readme_test_command():
    """``.ci/run`` runs the README's test command verbatim, so CI tests what users run."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _quick_start_commands()[1] in script

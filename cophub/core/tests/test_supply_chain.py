"""The lock file pins every dependency pyproject.toml asks for, at a version it allows, with hashes."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def read_lock(text: str) -> dict[str, tuple[str, int]]:
    """Each pinned name with its version and how many hashes it carries."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match[1])
            pins[name] = (match[2], 0)
        elif name and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
        elif line and not line.startswith((" ", "#")):
            name = None
    return pins


def asked_for(project: dict) -> list[Requirement]:
    requirements = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["build-system"]["requires"],
    ]
    return [Requirement(text) for text in requirements]


def lock_problems(project: dict, lock_text: str) -> list[str]:
    pins = read_lock(lock_text)
    problems = []
    for requirement in asked_for(project):
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement.name} is not in requirements.lock")
            continue
        version, hashes = pins[name]
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} does not satisfy {requirement}")
    problems += [f"{name} has no hash" for name, (_v, hashes) in pins.items() if not hashes]
    return problems


def test_the_lock_file_pins_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert lock_problems(project, (ROOT / "requirements.lock").read_text()) == []


@pytest.mark.parametrize(
    ("lock_text", "problem"),
    [
        ("", "Django is not in requirements.lock"),
        ("django==4.2.1 \\\n    --hash=sha256:aa\n", "Django==4.2.1 does not satisfy"),
        ("django==5.2.1\n", "django has no hash"),
    ],
)
def test_a_stale_lock_file_is_named(lock_text, problem):
    project = {
        "project": {"dependencies": ["Django>=5.2,<5.3"], "optional-dependencies": {"test": []}},
        "build-system": {"requires": []},
    }
    assert any(p.startswith(problem) for p in lock_problems(project, lock_text))


def install_lines(makefile: str) -> list[str]:
    """Every line of the Makefile that installs from a lock file."""
    return [
        line.strip()
        for line in makefile.splitlines()
        if "pip install" in line and re.search(r"-r\s+\S*\.lock", line)
    ]


def resolver_problems(makefile: str) -> list[str]:
    """An install from a lock that lets pip's resolver choose a version (no --no-deps)."""
    lines = install_lines(makefile)
    if not lines:
        return ["no line installs from a lock file"]
    return [
        f"installs through the resolver: {line}"
        for line in lines
        if "--no-deps" not in line.split() or "--require-hashes" not in line.split()
    ]


def test_the_makefile_installs_the_lock_without_the_resolver():
    assert resolver_problems((ROOT / "Makefile").read_text()) == []


@pytest.mark.parametrize(
    "makefile",
    [
        "x:\n\t$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock\n",
        "x:\n\t$(BIN)/python -m pip install --no-deps -r requirements.lock\n",
        "x:\n\t$(BIN)/python -m pip install -e .\n",
    ],
)
def test_an_install_through_the_resolver_is_named(makefile):
    assert resolver_problems(makefile) != []

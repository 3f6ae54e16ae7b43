"""The lock files pin every dependency pyproject.toml asks for, at a version it allows, with hashes,
and the Makefile installs them as pinned, without a resolver."""

import re
import runpy
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


def runtime_requirements(project: dict) -> list[Requirement]:
    return [
        Requirement(text)
        for text in [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    ]


def requirements_for_tests(project: dict) -> list[Requirement]:
    return [Requirement(text) for text in project["project"]["optional-dependencies"]["test"]]


def lock_problems(project: dict, runtime_lock: str, test_lock: str) -> list[str]:
    """What the two locks get wrong: the site's needs in requirements.lock, the test extra's in
    either, every pin hashed, and nothing only the tests need in the site's lock."""
    runtime, tests = read_lock(runtime_lock), read_lock(test_lock)
    problems = []
    for requirement, pins, where in [
        *((r, runtime, "requirements.lock") for r in runtime_requirements(project)),
        *((r, runtime | tests, "requirements-test.lock") for r in requirements_for_tests(project)),
    ]:
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement.name} is not in {where}")
            continue
        version, _hashes = pins[name]
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} does not satisfy {requirement}")
    site_needs = {canonicalize_name(r.name) for r in runtime_requirements(project)}
    problems += [
        f"{r.name} is only for the tests but is in requirements.lock"
        for r in requirements_for_tests(project)
        if canonicalize_name(r.name) in runtime and canonicalize_name(r.name) not in site_needs
    ]
    problems += [f"{name} is in both lock files" for name in runtime.keys() & tests.keys()]
    problems += [
        f"{name} has no hash" for name, (_v, hashes) in (runtime | tests).items() if not hashes
    ]
    return problems


def test_the_lock_files_pin_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    runtime = (ROOT / "requirements.lock").read_text()
    tests = (ROOT / "requirements-test.lock").read_text()
    assert lock_problems(project, runtime, tests) == []


def test_the_installer_is_pinned_alone_with_its_hashes():
    pins = read_lock((ROOT / "requirements-bootstrap.lock").read_text())
    assert list(pins) == ["uv"]
    assert pins["uv"][1] > 0


@pytest.mark.parametrize(
    ("runtime_lock", "test_lock", "problem"),
    [
        ("", "", "Django is not in requirements.lock"),
        ("", "django==5.2.1 \\\n    --hash=sha256:aa\n", "Django is not in requirements.lock"),
        ("django==4.2.1 \\\n    --hash=sha256:aa\n", "", "Django==4.2.1 does not satisfy"),
        ("django==5.2.1\n", "", "django has no hash"),
        ("django==5.2.1 \\\n    --hash=sha256:aa\n", "", "pytest is not in requirements-test.lock"),
        ("pytest==8.1.1 \\\n    --hash=sha256:aa\n", "", "pytest is only for the tests"),
        ("", "pytest==8.1.1\n", "pytest has no hash"),
    ],
)
def test_a_stale_lock_file_is_named(runtime_lock, test_lock, problem):
    project = {
        "project": {
            "dependencies": ["Django>=5.2,<5.3"],
            "optional-dependencies": {"test": ["pytest>=8"]},
        },
        "build-system": {"requires": []},
    }
    assert any(p.startswith(problem) for p in lock_problems(project, runtime_lock, test_lock))


def install_lines(makefile: str) -> list[str]:
    """Every line of the Makefile that installs from a lock file."""
    return [
        line.strip()
        for line in makefile.splitlines()
        if "pip install" in line and re.search(r"-r\s+\S*\.lock", line)
    ]


def resolver_problems(makefile: str) -> list[str]:
    """An install from a lock that lets a resolver choose a version (no --no-deps), or skips the
    hashes; a Makefile variable holding the install command is read as its value."""
    variables = dict(re.findall(r"^([A-Z_]+) = (.+)$", makefile, re.M))
    expanded = re.sub(r"\$\(([A-Z_]+)\)", lambda m: variables.get(m[1], m[0]), makefile)
    lines = install_lines(expanded)
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
        "UV = uv pip install --require-hashes\nx:\n\t$(UV) -r requirements.lock\n",
    ],
)
def test_an_install_through_the_resolver_is_named(makefile):
    assert resolver_problems(makefile) != []


def supply_chain_script():
    return runpy.run_path(str(ROOT / ".ci" / "supply-chain"), run_name="supply_chain")


@pytest.mark.parametrize(
    ("pinned", "releases", "note"),
    [
        ("2024.5.15", ["2013-02-16", "2024.5.15", "2024.5.10"], "the newest of 2024.5.x"),
        ("1.2.0", ["2013-02-16", "1.2.0", "1.2.3", "1.3.0"], "behind 1.2.3 of 1.2.x"),
        ("2013-02-16", ["2013-02-16"], "no record"),
    ],
)
def test_the_audit_reads_release_names_that_are_not_versions(pinned, releases, note):
    series_note = supply_chain_script()["_series_note"]
    record = {"info": {"version": releases[-1]}, "releases": dict.fromkeys(releases, [])}
    assert note in series_note({"name": "regex", "version": pinned}, record)

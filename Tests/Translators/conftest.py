"""Fixtures for the translator tests: the real site (Content/ and Templates/) in
a scratch folder, and the built binary run on it.

- `spinesite` (session): absolute path of .build/debug/spinesite; the tests fail,
  not skip, when it is missing (`make translators` builds it first).
- `run` (session): `run(*args, root=None, check=True)` runs spinesite with `args`
  (plus `--root ROOT` when `root` is given) and returns the CompletedProcess, with
  text stdout and stderr. With `check`, a non-zero exit fails the test and shows
  both streams.
- `site` (function): a fresh copy of the real site in tmp_path; returns its root.
  Tests may change anything in it.
- `files_under(folder)`: every file below a folder with its bytes, to show that nothing was written.
- `shared_site` (session): one copy for the whole run, for commands that only read
  it (exports). Never write into it.

The repository's own Content/ is never touched.
"""
import os
import shutil
import subprocess

import pytest

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPINESITE = os.path.join(REPOSITORY, ".build", "debug", "spinesite")


def copy_real_site(destination):
    """Copies the real Content/ and Templates/ into `destination` (created) and returns it."""
    os.makedirs(destination, exist_ok=True)
    for folder in ("Content", "Templates"):
        shutil.copytree(os.path.join(REPOSITORY, folder), os.path.join(destination, folder))
    return str(destination)


def files_under(folder):
    """Every file under `folder` with its bytes: what a refused import must leave as it was."""
    files = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            with open(path, "rb") as file:
                files[os.path.relpath(path, folder)] = file.read()
    return files


@pytest.fixture(scope="session")
def spinesite():
    if not os.access(SPINESITE, os.X_OK):
        pytest.fail(f"{SPINESITE} is missing: run `swift build --product spinesite` first")
    return SPINESITE


def run_spinesite(*args, root=None, check=True):
    """spinesite with `args` (plus `--root ROOT`); with `check`, a failure shows both streams."""
    if not os.access(SPINESITE, os.X_OK):
        pytest.fail(f"{SPINESITE} is missing: run `swift build --product spinesite` first")
    command = [SPINESITE, *map(str, args)]
    if root is not None:
        command += ["--root", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, (
            f"{' '.join(command)} exited {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result


@pytest.fixture(scope="session")
def run(spinesite):
    return run_spinesite


@pytest.fixture
def site(tmp_path):
    return copy_real_site(tmp_path / "site")


@pytest.fixture(scope="session")
def shared_site(tmp_path_factory):
    return copy_real_site(tmp_path_factory.mktemp("shared") / "site")

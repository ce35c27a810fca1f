"""`spinesite translations import` is all or nothing on disk: a real import process killed with
SIGKILL at each step of writing (made deterministic by the test-only SPINESITE_FAULT_IMPORT hook),
or meeting a write failure, leaves Content/ as it was or, once the next command has recovered,
complete; never a mix, never a stray temporary file in Content/, and every message says which."""
import os
import shutil
import signal
import subprocess
import tempfile

import pytest

from conftest import SPINESITE, copy_real_site, files_under, run_spinesite as _run


def _tree(root):
    """Content/'s files with their bytes, and its folders: what "as before" and "complete" compare."""
    content = os.path.join(root, "Content")
    folders = sorted(os.path.relpath(parent, content) for parent, _, _ in os.walk(content))
    return files_under(content), folders


def _import(root, xlf, fault=None):
    environment = dict(os.environ)
    environment.pop("SPINESITE_FAULT_IMPORT", None)
    if fault:
        environment["SPINESITE_FAULT_IMPORT"] = fault
    return subprocess.run([SPINESITE, "translations", "import", str(xlf), "--root", str(root)],
                          capture_output=True, text=True, timeout=300, env=environment)


def _stray_names(root, before):
    """Names in Content/ that start with a dot or hold Foundation's `.dat.nosync` and were not there before."""
    stray = []
    for parent, folders, files in os.walk(os.path.join(root, "Content")):
        for name in folders + files:
            if name.startswith(".") or "nosync" in name:
                stray.append(os.path.relpath(os.path.join(parent, name), root))
    return sorted(set(stray) - before)


def _staging_left(root):
    leftovers = []
    for base in (os.path.join(root, ".spinesite-cache", "import"), os.path.join(root, "Content", ".spinesite-import")):
        leftovers += [base + suffix for suffix in ("", ".complete", ".undone") if os.path.exists(base + suffix)]
    return leftovers


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A copy of the real site with a new locale fr; the pseudo-translated export of every page,
    string and term; Content/ before the import and after an import that ran to the end."""
    base = tmp_path_factory.mktemp("interrupted")
    root = base / "site"
    copy_real_site(root)
    _run("new", "locale", "fr", root=root)
    xlf = base / "fr.xlf"
    _run("translations", "export", "--locale", "fr", "--all", "--pseudo", "--output", xlf, root=root)
    before = _tree(root)
    finished = base / "finished"
    shutil.copytree(root, finished)
    result = _import(finished, xlf)
    assert result.returncode == 0, result.stderr
    complete = _tree(finished)
    changed = [path for path in complete[0] if before[0].get(path) != complete[0][path]]
    assert len(changed) >= 8, f"the import writes pages, locale.yml and glossary.yml: {changed}"
    hidden = set(_stray_names(root, set()))
    return {"root": root, "xlf": xlf, "before": before, "complete": complete, "files": len(changed),
            "hidden": hidden}


def _fresh(prepared, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(prepared["root"], root)
    return root


def _assert_state(root, prepared, expected):
    assert _tree(root) == prepared[expected], f"Content/ is not {expected.replace('before', 'as before')}"
    assert _stray_names(root, prepared["hidden"]) == [], "no temporary file is left in Content/"


def _next_command(root, *command):
    """The next command a user runs: it recovers first, and says so in one line on stderr."""
    result = _run(*(command or ("translations",)), root=root)
    notes = [line for line in result.stderr.splitlines() if "translations import" in line]
    assert len(notes) == 1, result.stderr
    assert _staging_left(root) == [], "recovery leaves no staging folder"
    return notes[0]


@pytest.mark.parametrize("staged", [1, "last"])
def test_a_kill_before_the_journal_leaves_content_as_before(prepared, tmp_path, staged):
    root = _fresh(prepared, tmp_path)
    count = prepared["files"] if staged == "last" else staged
    result = _import(root, prepared["xlf"], f"staged:{count}")
    assert result.returncode == -signal.SIGKILL, f"{result.returncode}\n{result.stderr}"
    _assert_state(root, prepared, "before")
    note = _next_command(root)
    assert "stopped before it changed anything" in note and "as it was before" in note, note
    _assert_state(root, prepared, "before")


def test_a_kill_just_after_the_journal_is_finished_by_the_next_command(prepared, tmp_path):
    root = _fresh(prepared, tmp_path)
    result = _import(root, prepared["xlf"], "journal:1")
    assert result.returncode == -signal.SIGKILL, result.stderr
    _assert_state(root, prepared, "before")
    note = _next_command(root)
    total = prepared["files"]
    assert f"moved its last {total} of {total} files" in note and "Content/ is complete" in note, note
    _assert_state(root, prepared, "complete")


@pytest.mark.parametrize("moved, command", [
    (1, ["check"]), (3, ["translations"]), ("last-1", ["build", "--drafts", "--quiet", "--output", "out"]),
    ("last", ["translations", "export", "--locale", "fr", "--output", "fr.xlf"])])
def test_a_kill_while_moving_files_is_finished_by_the_next_command(prepared, tmp_path, moved, command):
    root = _fresh(prepared, tmp_path)
    total = prepared["files"]
    count = total - 1 if moved == "last-1" else total if moved == "last" else moved
    result = _import(root, prepared["xlf"], f"moved:{count}")
    assert result.returncode == -signal.SIGKILL, result.stderr
    files, _ = _tree(root)
    assert files != prepared["complete"][0] or count == total, "the kill came part way"
    assert _stray_names(root, prepared["hidden"]) == []
    note = _next_command(root, *[str(tmp_path / part) if part.startswith(("out", "fr.")) else part
                                 for part in command])
    assert f"moved its last {total - count} of {total} files" in note and "Content/ is complete" in note, note
    _assert_state(root, prepared, "complete")
    again = _run("translations", root=root)
    assert "translations import" not in again.stderr, "recovered once, not at every command"


def test_a_failed_move_is_undone_and_says_content_is_unchanged(prepared, tmp_path):
    root = _fresh(prepared, tmp_path)
    result = _import(root, prepared["xlf"], "fail-move:3")
    assert result.returncode == 1, result.stderr
    assert "Wrote " not in result.stdout
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "cannot write (I/O error)" in errors[0], result.stderr
    assert "Content/ is unchanged" in errors[0], errors[0]
    _assert_state(root, prepared, "before")
    assert _staging_left(root) == []


def test_a_kill_while_undoing_is_undone_by_the_next_command(prepared, tmp_path):
    root = _fresh(prepared, tmp_path)
    result = _import(root, prepared["xlf"], "fail-move:4,undone:2")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert _stray_names(root, prepared["hidden"]) == []
    note = _next_command(root)
    assert "Finished undoing" in note and "as it was before" in note, note
    _assert_state(root, prepared, "before")


def test_a_failed_staging_write_leaves_content_unchanged(prepared, tmp_path):
    """A full disk fails the staging writes: nothing in Content/ has changed yet, and the message says so."""
    root = _fresh(prepared, tmp_path)
    result = _import(root, prepared["xlf"], "fail-stage:2")
    assert result.returncode == 1, result.stderr
    assert "stopped before changing anything: Content/ is unchanged" in result.stderr, result.stderr
    _assert_state(root, prepared, "before")
    assert _staging_left(root) == []


def test_a_read_only_folder_leaves_content_unchanged():
    """A real write failure part way: the import meets a folder it cannot write in after moving
    other files, puts those back, and says Content/ is unchanged. Run as `nobody` when the tests
    run as root, who may write anywhere."""
    scratch = tempfile.mkdtemp(prefix="spinesite-readonly-")
    try:
        os.chmod(scratch, 0o755)
        root = os.path.join(scratch, "site")
        copy_real_site(root)
        _run("new", "locale", "fr", root=root)
        xlf = os.path.join(scratch, "fr.xlf")
        _run("translations", "export", "--locale", "fr", "--all", "--pseudo", "--output", xlf, root=root)
        # therapies/ sorts after the pages at the top of fr/: some files are moved before the failure.
        os.makedirs(os.path.join(root, "Content", "fr", "therapies"))
        command = [SPINESITE, "translations", "import", xlf, "--root", root]
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "nobody", scratch], check=True)
            command = ["runuser", "-u", "nobody", "--"] + command
        os.chmod(os.path.join(root, "Content", "fr", "therapies"), 0o555)
        before = _tree(root)
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert result.returncode == 1, result.stdout + result.stderr
        errors = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert len(errors) == 1, result.stderr
        assert "/Content/fr/therapies/" in errors[0] and "Permission denied" in errors[0], errors[0]
        assert "the files moved before it were put back: Content/ is unchanged" in errors[0], errors[0]
        assert _tree(root) == before
        assert _stray_names(root, set()) == [] and _staging_left(root) == []
    finally:
        subprocess.run(["chmod", "-R", "u+w", scratch], check=False)
        shutil.rmtree(scratch, ignore_errors=True)


def test_without_a_cache_folder_the_import_stages_in_a_hidden_content_folder(prepared, tmp_path):
    """When .spinesite-cache/ cannot hold the staging folder (here a file is in its place), the
    import stages in Content/.spinesite-import/, which the loader skips, and recovery removes it."""
    root = _fresh(prepared, tmp_path)
    (root / ".spinesite-cache").write_text("not a folder")
    result = _import(root, prepared["xlf"], "moved:2")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert (root / "Content" / ".spinesite-import" / "journal.json").exists()
    note = _next_command(root)
    assert "Content/ is complete" in note, note
    _assert_state(root, prepared, "complete")

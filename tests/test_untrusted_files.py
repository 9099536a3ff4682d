"""The files around a draft (issue 22): what the tool writes goes through one
writer (checker/read/safe_files.py), what it reads besides the draft is untrusted.
Each reproducer of the issue, through the real command: refused with one
``reportlint:`` line and exit 2, or handled — never a traceback, never a hang
(a FIFO that blocked would time the subprocess out), never a device replaced."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from checker.settings import configfile
from checker.read.safe_files import AtomicWriter, ReadError, WriteError, read_limited, write_atomically

DRAFT = "关于某某工作的报告\n一、总体情况\n今年完成了XX项工作。\n二、下步打算\n继续努力。\n"
OTHER_UID = 4321

needs_root = pytest.mark.skipif(os.getuid() != 0, reason="creating device nodes and other users' files needs root")


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def one_line_error(completed, *needles: str) -> str:
    err = completed.stderr.decode()
    assert completed.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("reportlint:")]
    assert len(lines) == 1 and len(err.splitlines()) == 1, err
    for needle in needles:
        assert needle in lines[0], err
    return lines[0]


# ------------------------------------------------------------ writing

@needs_root
def test_write_baseline_refuses_a_device_and_leaves_it(run_cli, draft):
    device = draft.parent / "n"
    os.mknod(device, stat.S_IFCHR | 0o644, os.makedev(1, 3))
    one_line_error(run_cli("--write-baseline", str(device), str(draft)), "character device", "not written")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_write_baseline_refuses_a_fifo_without_blocking(run_cli, draft):
    fifo = draft.parent / "f"
    os.mkfifo(fifo)
    one_line_error(run_cli("--write-baseline", str(fifo), str(draft)), "FIFO")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("target", [".", "missing-folder/b.json"])
def test_write_baseline_onto_a_folder_or_into_a_missing_one(run_cli, draft, target):
    one_line_error(run_cli("--write-baseline", target, str(draft), cwd=draft.parent), target)


def test_write_baseline_writes_through_a_symlink_and_keeps_permissions(run_cli, draft):
    real = draft.parent / "real.json"
    real.write_text("{}", encoding="utf-8")
    real.chmod(0o644)
    link = draft.parent / "link.json"
    link.symlink_to("real.json")
    completed = run_cli("--write-baseline", str(link), str(draft))
    assert completed.returncode == 0, completed.stderr
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["files"]  # the real target holds the baseline
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


def test_a_new_baseline_gets_the_umask_permissions(run_cli, draft):
    target = draft.parent / "new.json"
    assert run_cli("--write-baseline", str(target), str(draft)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_fix_refuses_a_read_only_file(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("关于某某工作的报告\n今年完成了工作,成效明显。\n", encoding="utf-8")
    path.chmod(0o444)
    before = path.read_bytes()
    completed = run_cli("--fix", str(path))
    assert completed.returncode == 2
    assert "read-only" in completed.stderr.decode() and "Traceback" not in completed.stderr.decode()
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fix_refuses_a_hard_linked_file_with_a_clear_message(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("关于某某工作的报告\n今年完成了工作,成效明显。\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    os.link(path, other)
    completed = run_cli("--fix", str(path))
    assert "hard links" in completed.stderr.decode()
    assert completed.returncode == 2
    assert path.read_bytes() == other.read_bytes() and os.stat(path).st_ino == os.stat(other).st_ino


@needs_root
def test_fix_keeps_the_owner_of_someone_elses_file(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("关于某某工作的报告\n今年完成了工作,成效明显。\n", encoding="utf-8")
    os.chown(path, OTHER_UID, OTHER_UID)
    path.chmod(0o640)
    completed = run_cli("--fix", str(path))
    assert "Traceback" not in completed.stderr.decode()
    status = path.stat()
    assert "," not in path.read_text(encoding="utf-8")  # fixed
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (OTHER_UID, OTHER_UID, 0o640)


def test_the_writer_is_atomic_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")

    def refuse(target: str) -> None:
        raise WriteError("changed")

    with pytest.raises(WriteError):
        write_atomically(str(path), b"new", check=refuse)
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    write_atomically(str(path), b"new")
    assert path.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_the_piecewise_writer_puts_the_file_in_place_at_the_end_or_not_at_all(tmp_path):
    """AtomicWriter (what --output-file streams into): the old file stays until
    the block ends; a block left by an exception leaves it and no temporary."""
    path = tmp_path / "report.json"
    path.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        with AtomicWriter(str(path)) as stream:
            stream.write(b"half of ")
            raise KeyboardInterrupt
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    with AtomicWriter(str(path)) as stream:
        stream.write(b"new ")
        assert path.read_bytes() == b"old"
        stream.write(b"report")
    assert path.read_bytes() == b"new report" and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.parametrize("output_format", ["json", "full", "sarif", "html"])
def test_a_streamed_output_file_holds_what_standard_output_shows(run_cli, draft, output_format):
    lines = "".join(f"第{k}项工作完成了XX个,成效明显。\n" for k in range(3000))  # a report over many chunks
    draft.write_text(DRAFT + lines, encoding="utf-8")
    target = draft.parent / "out"
    shown = run_cli("--format", output_format, "--color", "never", str(draft), cwd=draft.parent)
    written = run_cli("--format", output_format, "-o", str(target), str(draft), cwd=draft.parent)
    assert shown.returncode == written.returncode == 1 and written.stdout == b""
    assert len(shown.stdout) > 4 * 64 * 1024 and target.read_bytes() == shown.stdout
    assert sorted(p.name for p in draft.parent.iterdir()) == [".git", "d.txt", "out"]


# ------------------------------------------------------------ reading

@pytest.mark.parametrize("option", ["--rules", "--config", "--baseline"])
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_settings_files_that_are_devices_or_fifos_are_refused(run_cli, draft, option, special):
    if special == "fifo":
        special = str(draft.parent / "fifo")
        os.mkfifo(special)
    line = one_line_error(run_cli(option, special, str(draft)), special)
    assert "not a regular file" in line


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
@pytest.mark.parametrize("key", ["rule_packs", "genre_packs"])
def test_packs_named_by_a_configuration_that_are_devices_are_refused(run_cli, draft, key, special):
    if special == "fifo":
        special = str(draft.parent / "fifo.yaml")
        os.mkfifo(special)
    (draft.parent / ".reportlint.yaml").write_text(f"{key}: [{special}]\n", encoding="utf-8")
    one_line_error(run_cli(str(draft)), special, "not a regular file")  # a FIFO blocked, /dev/zero grew to 5 GB


def test_baseline_prune_writes_through_a_symlink_and_keeps_permissions(run_cli, draft):
    """--baseline-prune replaced a symlinked baseline by a 0600 file, leaving the
    real one stale (issue 22); it goes through the one writer now."""
    real = draft.parent / "real.json"
    assert run_cli("--write-baseline", str(real), str(draft)).returncode == 0
    real.chmod(0o644)
    link = draft.parent / "link.json"
    link.symlink_to("real.json")
    draft.write_text(DRAFT.replace("XX", "三"), encoding="utf-8")  # the baselined finding is gone
    completed = run_cli("--baseline", str(link), "--baseline-prune", str(draft))
    assert completed.returncode == 0, completed.stderr
    assert "removed" in completed.stderr.decode()
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["files"] == {}
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


def test_baseline_prune_refuses_a_read_only_baseline(run_cli, draft):
    baseline = draft.parent / "b.json"
    assert run_cli("--write-baseline", str(baseline), str(draft)).returncode == 0
    baseline.chmod(0o444)
    draft.write_text(DRAFT.replace("XX", "三"), encoding="utf-8")
    before = baseline.read_bytes()
    one_line_error(run_cli("--baseline", str(baseline), "--baseline-prune", str(draft)), "read-only")
    assert baseline.read_bytes() == before


def test_a_settings_file_is_read_no_further_than_its_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(ReadError, match="over the 1,000-byte limit"):
        read_limited(str(path), 1000)
    assert read_limited(str(path), 2000) == b"a" * 2000


@pytest.mark.parametrize("content, needle", [
    ('{"version": 2, "files": {"d.txt": [{"rule": "x", "text": "y", "count": "a"}]}}', "count a whole number"),
    ('{"version": 2, "files": {"d.txt": [{"rule": "x", "text": "y", "count": 0}]}}', "count a whole number"),
    ("[" * 100000, "nested too deeply"),
    ('{"version": 2, "files": {"d.txt": [{"rule": "x", "text": "y", "count": 1' + "0" * 5000 + "}]}}",
     "invalid JSON"),
])
def test_a_malformed_baseline_is_one_line(run_cli, draft, content, needle):
    baseline = draft.parent / "b.json"
    baseline.write_text(content, encoding="utf-8")
    one_line_error(run_cli("--baseline", str(baseline), str(draft)), "invalid baseline", needle)


def test_an_absurd_size_limit_is_one_line(run_cli, draft):
    one_line_error(run_cli("--max-file-size", "99999999999999999999999G", str(draft)), "--max-file-size")


@needs_root
def test_a_configuration_in_a_folder_owned_by_another_user_is_skipped_with_a_warning(run_cli, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / ".reportlint.yaml").write_text("rule_packs: [evil.yaml]\nrules:\n  placeholder: off\n",
                                             encoding="utf-8")
    os.chown(shared, OTHER_UID, OTHER_UID)
    os.chown(shared / ".reportlint.yaml", OTHER_UID, OTHER_UID)
    mine = shared / "mine"
    mine.mkdir()
    (mine / "d.txt").write_text(DRAFT, encoding="utf-8")
    completed = run_cli("--format", "json", str(mine / "d.txt"))
    err = completed.stderr.decode()
    assert "warning" in err and "owned by another user" in err and ".reportlint.yaml" in err
    findings = json.loads(completed.stdout)["files"][0]["diagnostics"]
    assert any(d["rule"] == "placeholder" for d in findings)  # the stranger's "placeholder: off" is not applied


def test_an_unrelated_pyproject_is_read_once_for_every_folder_below_it(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n" + "# reportlint\n" * 10, encoding="utf-8")
    calls = []
    parse = configfile._parse_pyproject
    monkeypatch.setattr(configfile, "_parse_pyproject", lambda *a: calls.append(a) or parse(*a))
    resolver = configfile.ConfigResolver()
    for k in range(20):
        folder = tmp_path / f"f{k}"
        folder.mkdir()
        (folder / "d.txt").write_text(DRAFT, encoding="utf-8")
        assert resolver.config_file_for(str(folder / "d.txt")) is None
    assert len(calls) == 1

"""Writing files: no silent overwrite, no partial file, no name from credential data escaping its folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.export import entry_filename, path_inside, safe_filename, write_text_safely
from credwallet.export.files import MAX_FILENAME_BYTES, WINDOWS_RESERVED


def test_writes_new_file(tmp_path: Path) -> None:
    target = tmp_path / "resume.md"
    assert write_text_safely(target, "héllo\n") == target
    assert target.read_text(encoding="utf-8") == "héllo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["resume.md"]  # no temporary file left behind


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "resume.md"
    target.write_text("old")
    with pytest.raises(InputError, match=str(target)):
        write_text_safely(target, "new")
    assert target.read_text() == "old"
    os.chmod(target, 0o640)
    write_text_safely(target, "new", force=True)
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["resume.md"]


def test_symlink_counts_as_existing_and_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    link = tmp_path / "resume.md"
    link.symlink_to(outside)
    with pytest.raises(InputError):
        write_text_safely(link, "new")
    write_text_safely(link, "new", force=True)
    assert outside.read_text() == "keep" and not link.is_symlink() and link.read_text() == "new"


def test_dangling_symlink_is_not_written_through(tmp_path: Path) -> None:
    link = tmp_path / "resume.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(InputError):
        write_text_safely(link, "x")
    assert not (tmp_path / "elsewhere.md").exists()


def test_clear_errors_for_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        write_text_safely(tmp_path, "x")
    with pytest.raises(InputError, match="does not exist"):
        write_text_safely(tmp_path / "missing" / "r.md", "x")


def test_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    target = tmp_path / "resume.md"
    target.write_text("old")
    with pytest.raises(InputError, match="No space left"):
        write_text_safely(target, "new", force=True)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["resume.md"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../x", "x"),
        ("/etc/passwd", "etc-passwd"),
        ("con", "con-file"),
        ("NUL", "nul-file"),
        ("com1", "com1-file"),
        ("Lpt9", "lpt9-file"),
        ("a\x00b", "ab"),
        ("invoice\u202etxt.exe", "invoicetxt-exe"),
        ("..", "credential"),
        ("", "credential"),
        ("   ", "credential"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("Data Analysis with SQL", "data-analysis-with-sql"),
        (".hidden", "hidden"),
        ("Ｆｕｌｌ／ｗｉｄｔｈ", "full-width"),
        ("Données & Analyse", "données-analyse"),
    ],
)
def test_safe_filename_cases(text: str, expected: str) -> None:
    assert safe_filename(text) == expected


def test_safe_filename_length_is_capped_in_bytes() -> None:
    for text in ("x" * 300, "数" * 300, "é" * 300):
        name = safe_filename(text)
        assert len(name.encode("utf-8")) <= MAX_FILENAME_BYTES
        assert name and "\ufffd" not in name


@pytest.mark.parametrize(
    "text", ["../../x", "/etc/passwd", "con", "a\x00b", "\u202e", "x" * 300, "..", "a/b\\c"]
)
def test_slugged_names_stay_inside(tmp_path: Path, text: str) -> None:
    name = safe_filename(text)
    assert name not in WINDOWS_RESERVED and not name.startswith(".")
    assert path_inside(tmp_path, name).parent == tmp_path.resolve()


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/b", "a\\b", "..", ".", "", "a\x00b"])
def test_path_inside_refuses_escapes(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError):
        path_inside(tmp_path, name)


def test_path_inside_refuses_symlinked_escape(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "link").symlink_to(tmp_path / "out")
    with pytest.raises(InputError, match="outside"):
        path_inside(folder, "link")


def test_entry_filename_keeps_same_names_apart() -> None:
    first = entry_filename("../Python Foundations", "a1b2", ".md")
    second = entry_filename("../Python Foundations", "c3d4", ".md")
    assert first == "python-foundations-a1b2.md" and first != second

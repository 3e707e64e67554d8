"""The shipped files are found from a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workdiary.resources import MissingResource, font_path, resources_dir

SHIPPED_FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"]


@pytest.mark.parametrize("name", SHIPPED_FONTS)
def test_each_font_is_shipped_as_a_truetype_file(name: str) -> None:
    path = font_path(name)
    assert path.name == name
    # A TrueType file starts with the version 1.0 tag.
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"


def test_the_font_licence_travels_with_the_fonts() -> None:
    licence = (font_path(SHIPPED_FONTS[0]).parent / "LICENSE-DejaVu.txt").read_text("utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence and "Arev Fonts Copyright" in licence


def test_in_a_pyinstaller_bundle_the_files_are_looked_for_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    fonts = tmp_path / "workdiary" / "resources" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "DejaVuSans.ttf").write_bytes(b"font")
    assert resources_dir() == tmp_path / "workdiary" / "resources"
    assert font_path("DejaVuSans.ttf") == fonts / "DejaVuSans.ttf"


def test_a_missing_file_says_the_installation_is_incomplete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(MissingResource, match="reinstall"):
        font_path("DejaVuSans.ttf")

"""Hints beside the boxes: softer than the text they explain, never too faint to read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workdiary.ui.fields import HINT_CONTRAST, contrast, hint_label


def test_contrast_is_wcags_ratio() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


@pytest.fixture(params=[("#000000", "#efefef"), ("#f0f0f0", "#2b2b2b")], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """A light or a dark theme whose own placeholder grey is too faint to read comfortably."""
    ink, paper = request.param
    before = qapp.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ink))
    palette.setColor(QPalette.ColorRole.Window, QColor(paper))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7f7f7f"))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def test_a_hint_is_softer_than_the_text_yet_easy_to_read(qtbot: QtBot, theme: QPalette) -> None:
    hint = hint_label("Current % Capacity as the WMT shows it")
    qtbot.addWidget(hint)
    ink = hint.palette().color(QPalette.ColorRole.WindowText)
    paper = theme.color(QPalette.ColorRole.Window)
    assert contrast(ink, paper) >= HINT_CONTRAST
    assert contrast(ink, paper) < contrast(theme.color(QPalette.ColorRole.WindowText), paper)

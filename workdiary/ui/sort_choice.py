"""Sorting a table from the keyboard: a drop-down of the orders a table's header gives by a click,
each said in words ("Capacity, highest first"), kept in step with the header. A header can only
be clicked with a mouse, and its little arrow leaves people unsure which way it sorts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QWidget

DESCENDING = Qt.SortOrder.DescendingOrder
ASCENDING = Qt.SortOrder.AscendingOrder


@dataclass(frozen=True)
class SortWords:
    """How the two orders of a column are said, the one most wanted first."""

    descending: str
    ascending: str
    ascending_first: bool = False


NEWEST_FIRST = SortWords("newest first", "oldest first")
LATEST_FIRST = SortWords("latest first", "earliest first")
HIGHEST_FIRST = SortWords("highest first", "lowest first")
MOST_FIRST = SortWords("most first", "fewest first")
LONGEST_FIRST = SortWords("longest first", "shortest first")
A_TO_Z = SortWords("Z to A", "A to Z", ascending_first=True)


class SortChoice(QComboBox):
    """The orders of `table`'s columns named in `words` (by column), each column's two in turn.
    Choosing one sorts the table; clicking a heading shows the order it chose here."""

    def __init__(
        self, table: QTableView, words: Mapping[int, SortWords], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._orders: list[tuple[int, Qt.SortOrder]] = []
        model = table.model()
        for column, said in words.items():
            heading = model.headerData(column, Qt.Orientation.Horizontal)
            both = [(DESCENDING, said.descending), (ASCENDING, said.ascending)]
            for order, how in reversed(both) if said.ascending_first else both:
                self.addItem(f"{heading}, {how}")
                self._orders.append((column, order))
        self.setAccessibleName("Order of the rows")
        self.setToolTip("The order of the rows; clicking a column's heading changes it too")
        # Up and down through the list sorts at each step, as a click on a heading would.
        self.currentIndexChanged.connect(self._sort)
        header = table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._follow)
        self._follow(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def label(self) -> QLabel:
        """Its label, with Alt+B to come to it."""
        label = QLabel("Sort &by:")
        label.setBuddy(self)
        return label

    def _sort(self, index: int) -> None:
        if 0 <= index < len(self._orders):
            self._table.sortByColumn(*self._orders[index])

    def _follow(self, column: int, order: Qt.SortOrder) -> None:
        if (column, order) in self._orders:
            with QSignalBlocker(self):
                self.setCurrentIndex(self._orders.index((column, order)))

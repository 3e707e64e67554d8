"""What the read-only tables of records share: Qt's item roles as plain ints (compared on every
cell painted), and a table model whose header and flags come from the columns it declares."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOL_TIP = int(Qt.ItemDataRole.ToolTipRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
FONT = int(Qt.ItemDataRole.FontRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)

# Every cell's flags, asked for as each is painted: combined once.
READ_ONLY_CELL = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class ReadOnlyTableModel(QAbstractTableModel):
    """Rows that are read, never edited here: records change in their editor, where every
    change is recorded. Subclasses name their columns."""

    headers: Sequence[str] = ()
    header_tips: Sequence[str] = ()
    number_columns: Collection[int] = ()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        role = int(role)
        if role == DISPLAY:
            return self.headers[section]
        if role == TOOL_TIP:
            return self.header_tips[section]
        if role == ALIGNMENT:
            # Centred over figures, not right-aligned: the sort arrow sits at the right.
            return CENTRE if section in self.number_columns else LEFT
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY_CELL

"""Small pieces the sections share: an HTML item delegate, drawn icons, time formatting."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from fieldvisit.gui.formatting import day_time
from fieldvisit.gui.safe_text import SafeTextDocument

_Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's DisplayRole as rich text (escaped HTML made by the model).

    With `wrap=False` lines are clipped instead of wrapped, so every row has the same
    height and a view can use uniform item sizes (thousands of rows, no layout pass).
    """

    def __init__(self, parent: QObject | None = None, *, wrap: bool = True) -> None:
        super().__init__(parent)
        self.wrap = wrap

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = SafeTextDocument()  # item text is from packs: it may name no resource
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if not self.wrap:
            return doc
        width = option.rect.width()
        view = option.widget
        if isinstance(view, QAbstractItemView) and view.viewport() is not None:
            # sizeHint gets no useful rect: lay the text out for the visible width
            width = view.viewport().width() if width <= 0 else width
        icon = option.decorationSize.width() + 8 if not option.icon.isNull() else 8
        doc.setTextWidth(max(width - icon, 80))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(text_rect.translated(-text_rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


def lock_icon(color: QColor | None = None, size: int = 32) -> QIcon:
    """A padlock drawn in code (no icon theme is guaranteed offline or on Windows)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    col = color or QColor("#8a5a00")
    pen = QPen(col, size / 10)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(size * 0.3, size * 0.5))
    shackle.lineTo(QPointF(size * 0.3, size * 0.3))
    shackle.arcTo(QRectF(size * 0.3, size * 0.1, size * 0.4, size * 0.4), 180, -180)
    shackle.lineTo(QPointF(size * 0.7, size * 0.5))
    painter.drawPath(shackle)
    painter.setBrush(col)
    painter.drawRoundedRect(QRectF(size * 0.18, size * 0.45, size * 0.64, size * 0.45), 3, 3)
    painter.end()
    return QIcon(pix)


def dot_icon(color: QColor, size: int = 16) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    painter.end()
    return QIcon(pix)


def hm(moment: dt.datetime | None, zone: ZoneInfo) -> str:
    """ "14:05" in the given zone, or "" for no time."""
    return moment.astimezone(zone).strftime("%H:%M") if moment else ""


def day_hm(moment: dt.datetime | None, zone: ZoneInfo) -> str:
    """ "Wed 15 Feb 14:05" / "wo 15 feb 14:05" in the given zone (strftime would stay English)."""
    return day_time(moment.astimezone(zone)) if moment else ""


def weekday_hm(moment: dt.datetime, zone: dt.tzinfo) -> str:
    """ "Wed 14:05" / "wo 14:05" in the given zone."""
    local = moment.astimezone(zone)
    day = QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day} {local:%H:%M}"

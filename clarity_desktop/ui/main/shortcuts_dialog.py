"""Help ▸ Keyboard shortcuts: every key the main window answers to, read from the window
itself (its actions, its QShortcuts and the Alt letters of its menus, tabs and buttons),
never from a list kept by hand, so it cannot fall behind the program."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    group: str
    keys: str  # as the system writes them ("Ctrl+Shift+S")
    what: str


def plain(text: str) -> str:
    """A menu or button text without its mnemonic marker and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def mnemonic(text: str) -> str:
    """The Alt letter of a text ("&Case" -> "C"), or ""."""
    key = QKeySequence.mnemonic(text)
    return key.toString(QKeySequence.SequenceFormat.PortableText).split("+")[-1] if key else ""


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _menu_of(action: QAction, menus: dict[int, str]) -> str:
    for widget in action.associatedObjects():
        if isinstance(widget, QMenu) and id(widget) in menus:
            return menus[id(widget)]
    return ""


def collect(window: QMainWindow) -> list[Shortcut]:
    """Every shortcut of *window*: actions (grouped by their menu), the window's own
    QShortcuts (described by their whatsThis), then the Alt letters."""
    menus: dict[int, str] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            menus[id(menu)] = plain(top.text())
            for sub in menu.findChildren(QMenu):
                menus[id(sub)] = plain(top.text())
    found: list[Shortcut] = []
    seen: set[tuple[str, str]] = set()

    def add(group: str, keys: str, what: str) -> None:
        if keys and (keys, what) not in seen:
            seen.add((keys, what))
            found.append(Shortcut(group, keys, what))

    def here(obj: object) -> bool:  # in the window itself, not in a dialog it owns
        return isinstance(obj, QWidget) and obj.window() is window

    for action in window.findChildren(QAction):
        if not here(action.parent()):
            continue
        for sequence in action.shortcuts():
            group = _menu_of(action, menus) or QCoreApplication.translate("MainWindow", "Anywhere")
            what = plain(action.text())
            holder = next((w for w in action.associatedObjects() if isinstance(w, QMenu)), None)
            if holder is not None and isinstance(holder.parentWidget(), QMenu):
                what = f"{plain(holder.title())}: {what}"  # a submenu: "Text size: Larger"
            add(group, _keys(sequence), what)
    listed = {s.keys for s in found}
    tabs = [t for t in window.findChildren(QTabWidget) if here(t)]
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if not here(owner) or not isinstance(owner, QWidget):
            continue
        group = QCoreApplication.translate("MainWindow", "Anywhere")
        for tab_widget in tabs:
            for i in range(tab_widget.count()):
                page = tab_widget.widget(i)
                if page is not None and (page is owner or page.isAncestorOf(owner)):
                    group = plain(tab_widget.tabText(i))
        for sequence in shortcut.keys():  # noqa: SIM118 (QShortcut.keys, not a dict)
            keys = _keys(sequence)
            if keys not in listed:  # a menu item already says what this key does
                add(group, keys, shortcut.whatsThis() or plain(shortcut.objectName()))
    alt = QCoreApplication.translate("MainWindow", "Alt letters")
    for top in window.menuBar().actions():
        letter = mnemonic(top.text())
        if letter:
            add(
                alt,
                f"Alt+{letter}",
                QCoreApplication.translate("MainWindow", "%s menu") % plain(top.text()),
            )
    for bar in window.findChildren(QTabBar):
        if not here(bar):
            continue
        for i in range(bar.count()):
            letter = mnemonic(bar.tabText(i))
            if letter:
                add(alt, f"Alt+{letter}", plain(bar.tabText(i)))
    for widget in window.findChildren(QWidget):
        if not here(widget):
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        letter = mnemonic(text)
        if letter:
            add(alt, f"Alt+{letter}", plain(text))
    return found


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.shortcuts = collect(window)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for s in self.shortcuts:
            parent_item = groups.get(s.group)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self.tree, [s.group])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFirstColumnSpanned(True)
                groups[s.group] = parent_item
            QTreeWidgetItem(parent_item, [s.keys, s.what])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(70 * width, 40 * self.fontMetrics().lineSpacing())

    def texts(self) -> list[str]:
        """Every line as shown ("Ctrl+F  Search notes"), for reading and for tests."""
        return [f"{s.keys}  {s.what}" for s in self.shortcuts]

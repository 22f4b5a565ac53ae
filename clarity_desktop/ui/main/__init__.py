"""The main window and what frames it: start-up, menus, shortcuts, idle lock, search."""

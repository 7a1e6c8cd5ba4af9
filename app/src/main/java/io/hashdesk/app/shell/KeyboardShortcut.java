package io.hashdesk.app.shell;

/** One line of the keyboard help (F1): the keys, e.g. "Ctrl+2 (or Alt+2)", and what they do. */
public record KeyboardShortcut(String keys, String action) {
}

package io.hashdesk.app.common;

/** Where a view-model puts text for the operator to paste; the app passes the system clipboard, tests a fake. */
@FunctionalInterface
public interface TextClipboard {

    /** Replaces the clipboard's content with {@code text}; called on the FX thread. */
    void put(String text);
}

package io.hashdesk.app.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * A section's screen and whether it has anything to show yet; until it has, the shell shows the section's
 * empty state instead, and it switches as soon as data arrives.
 */
public record SectionScreen(Node node, ObservableBooleanValue hasData) {
}

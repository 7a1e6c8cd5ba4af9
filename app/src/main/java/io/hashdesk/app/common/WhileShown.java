package io.hashdesk.app.common;

import javafx.scene.Node;

/**
 * Runs a screen's work only while it is shown: the shell swaps screens in and out of the scene, so a screen
 * starts its reads and live refresh when its root enters a scene and stops them when it leaves.
 */
public final class WhileShown {

    private WhileShown() {
    }

    /**
     * Calls {@code shown} each time {@code root} enters a scene (at once, if it is in one now) and {@code hidden}
     * each time it leaves.
     */
    public static void bind(Node root, Runnable shown, Runnable hidden) {
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                shown.run();
            } else {
                hidden.run();
            }
        });
    }
}

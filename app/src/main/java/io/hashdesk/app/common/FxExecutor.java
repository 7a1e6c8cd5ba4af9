package io.hashdesk.app.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way results get onto the JavaFX thread. Services and background jobs take an {@link Executor}; the app
 * passes {@link #fx()}, tests pass a direct executor, so nothing but this class calls {@code Platform.runLater}.
 */
public final class FxExecutor {

    private FxExecutor() {
    }

    public static Executor fx() {
        return Platform::runLater;
    }
}

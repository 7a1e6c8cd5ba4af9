package io.hashdesk.app.market;

import javafx.css.PseudoClass;
import javafx.scene.Parent;

/** The screen's stylesheet (beside this class) and the pseudo-classes its views switch. */
final class MarketStyles {

    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    static final PseudoClass NOW = PseudoClass.getPseudoClass("now");
    static final PseudoClass CHEAP_WINDOW = PseudoClass.getPseudoClass("cheap-window");
    private static final String STYLESHEET = "market.css";

    private MarketStyles() {
    }

    static void apply(Parent root) {
        var url = MarketStyles.class.getResource(STYLESHEET);
        if (url == null) {
            throw new IllegalStateException(STYLESHEET + " is missing beside " + MarketStyles.class.getName()
                    + "; the build is broken");
        }
        root.getStylesheets().add(url.toExternalForm());
    }
}

package io.hashdesk.app.reco;

import java.util.Optional;

/** Asks why a recommendation is dismissed; the view shows {@link FxDismissDialog}, tests answer directly. */
@FunctionalInterface
interface DismissDialog {

    /** The operator's reason, or empty when they cancelled; called on the FX thread. */
    Optional<Dismissal> ask(RecommendationCard card);
}

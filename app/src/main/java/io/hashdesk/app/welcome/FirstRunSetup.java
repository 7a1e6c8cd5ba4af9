package io.hashdesk.app.welcome;

import java.io.IOException;

/** What the welcome screen needs from the rest of the app: a price to suggest, and a way to act on the choice. */
public interface FirstRunSetup {

    /** The electricity price to suggest: the active flat tariff's, else the price profit assumes without one. */
    ElectricityPrice suggestedPrice();

    /**
     * Stores the price as the active flat tariff (when edited, or when no tariff is active), remembers the choice so
     * the welcome shows only once, and starts the demo farm or real polling. Slow: runs off the FX thread.
     */
    void complete(WelcomeChoice choice) throws IOException;
}

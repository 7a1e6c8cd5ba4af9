package io.hashdesk.app.welcome;

import java.util.Objects;

/**
 * What the operator decided on the welcome screen.
 *
 * @param demoFarm    start with the simulated demo farm; false means "find my miners" (real miners only)
 * @param price       the electricity price confirmed on the form
 * @param priceEdited whether the operator changed the suggested price, which then replaces an active tariff
 */
public record WelcomeChoice(boolean demoFarm, ElectricityPrice price, boolean priceEdited) {

    public WelcomeChoice {
        Objects.requireNonNull(price, "price");
    }
}

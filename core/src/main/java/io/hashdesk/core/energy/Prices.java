package io.hashdesk.core.energy;

/** The checks every price in a tariff passes, with the sentence an operator reads when one fails. */
final class Prices {

    private Prices() {
    }

    /**
     * A utility's price: finite and not negative. Negative prices do happen, but on day-ahead markets, which
     * {@link PriceSeries} accepts; a negative fixed tariff is far more likely a typo.
     */
    static void requireTariffPrice(double price, String what) {
        if (!Double.isFinite(price) || price < 0) {
            throw new IllegalArgumentException(what + " must be a price of zero or more, got " + price);
        }
    }

    static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a number, got " + value);
        }
    }
}

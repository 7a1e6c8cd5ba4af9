package io.hashdesk.app.welcome;

import java.util.Currency;
import java.util.Locale;

/**
 * A flat electricity price as the operator types it on first run.
 *
 * @param pricePerKwh what one kWh costs, 0 or more
 * @param currency    its ISO 4217 code, e.g. USD
 */
public record ElectricityPrice(double pricePerKwh, String currency) {

    public ElectricityPrice {
        if (!(pricePerKwh >= 0) || Double.isInfinite(pricePerKwh)) {
            throw new IllegalArgumentException("Electricity price must be a number of 0 or more, got " + pricePerKwh);
        }
        currency = requireCurrency(currency);
    }

    /**
     * Reads the two fields of the welcome form.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public static ElectricityPrice parse(String priceText, String currencyText) {
        String price = priceText == null ? "" : priceText.strip();
        double value;
        try {
            // a comma is the decimal separator for much of the world: 0,12 means 0.12
            value = Double.parseDouble(price.indexOf('.') < 0 ? price.replace(',', '.') : price);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Electricity price must be a number such as 0.07, got '" + price + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Electricity price must be 0 or more, got '" + price + "'");
        }
        return new ElectricityPrice(value, currencyText == null ? "" : currencyText.strip().toUpperCase(Locale.ROOT));
    }

    private static String requireCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Currency must be a 3-letter ISO code such as USD or EUR, got '"
                    + (code == null ? "" : code) + "'");
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Currency '" + code + "' is not an ISO 4217 currency code", e);
        }
    }
}

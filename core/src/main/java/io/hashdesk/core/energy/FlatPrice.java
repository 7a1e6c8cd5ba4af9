package io.hashdesk.core.energy;

/** The same price for every kWh, whatever the hour. */
public record FlatPrice(double pricePerKwh) implements EnergyCharge {

    public FlatPrice {
        Prices.requireTariffPrice(pricePerKwh, "flat pricePerKwh");
    }
}

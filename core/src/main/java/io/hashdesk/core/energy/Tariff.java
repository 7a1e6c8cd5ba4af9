package io.hashdesk.core.energy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a site pays for electricity: a price per kWh that may follow the clock or a market, plus any demand charges.
 * Amounts are in {@code currency}; hour bands and seasons are read on the site's local clock in {@code zone}, so a
 * 07:00 band starts at 07:00 local time on DST days too.
 *
 * @param name          unique among the farm's tariffs, shown to the operator
 * @param currency      ISO 4217 code of every amount in the tariff, e.g. {@code "EUR"}
 * @param zone          the site's time zone
 * @param energy        how each kWh is priced
 * @param demandCharges charges on the month's peak demand, added to the energy charge; empty when there are none
 */
public record Tariff(String name, String currency, ZoneId zone, EnergyCharge energy,
                     List<DemandCharge> demandCharges) {

    public Tariff {
        if (name == null || name.isBlank() || !name.strip().equals(name)) {
            throw new IllegalArgumentException("A tariff name must be non-blank without leading or trailing spaces, got '"
                    + name + "'");
        }
        currency = requireCurrency(currency, "tariff '" + name + "'");
        Objects.requireNonNull(zone, "zone of tariff '" + name + "'");
        Objects.requireNonNull(energy, "energy charge of tariff '" + name + "'");
        demandCharges = List.copyOf(Objects.requireNonNull(demandCharges,
                "demandCharges of tariff '" + name + "' (use [] for none)"));
        Set<String> names = new HashSet<>();
        for (DemandCharge charge : demandCharges) {
            if (!names.add(charge.name())) {
                throw new IllegalArgumentException("Tariff '" + name + "' has two demand charges named '"
                        + charge.name() + "'");
            }
        }
    }

    /** A flat price per kWh with no demand charge. */
    public static Tariff flat(String name, String currency, ZoneId zone, double pricePerKwh) {
        return new Tariff(name, currency, zone, new FlatPrice(pricePerKwh), List.of());
    }

    /** This tariff with one more demand charge. */
    public Tariff withDemandCharge(DemandCharge charge) {
        List<DemandCharge> more = new ArrayList<>(demandCharges);
        more.add(charge);
        return new Tariff(name, currency, zone, energy, more);
    }

    static String requireCurrency(String code, String owner) {
        if (code == null) {
            throw new IllegalArgumentException("The currency of " + owner + " is missing (an ISO 4217 code such as EUR)");
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The currency of " + owner + " is '" + code
                    + "', not an ISO 4217 code such as USD or EUR", e);
        }
    }
}

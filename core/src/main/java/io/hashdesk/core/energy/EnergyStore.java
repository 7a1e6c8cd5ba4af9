package io.hashdesk.core.energy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The farm's tariffs and market price series, kept with the rest of its data. At most one tariff is active: the
 * one the app prices electricity with.
 */
public interface EnergyStore {

    /** Adds a tariff or replaces the one with the same name, keeping whether it is active. */
    void saveTariff(Tariff tariff);

    /** Every tariff, by name. */
    List<Tariff> tariffs();

    Optional<Tariff> tariff(String name);

    /**
     * Makes the named tariff the active one (and no other).
     *
     * @throws IllegalArgumentException when no tariff has that name
     */
    void activateTariff(String name);

    Optional<Tariff> activeTariff();

    /** Deletes a tariff; deleting the active one leaves none active. Returns whether it existed. */
    boolean deleteTariff(String name);

    /**
     * Stores a series' points. Stored points from the first new point's start to the last one's end are replaced,
     * so re-importing a corrected day replaces that day; points outside that span are kept.
     *
     * @throws IllegalArgumentException when a series of that name is stored with another currency or interval
     */
    void savePriceSeries(PriceSeries series);

    /** The named series' points that overlap {@code [from, to)}; empty when no series has that name. */
    Optional<PriceSeries> priceSeries(String name, Instant from, Instant to);

    /** The names of the stored series. */
    List<String> priceSeriesNames();
}

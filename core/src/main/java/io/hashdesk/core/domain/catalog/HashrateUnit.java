package io.hashdesk.core.domain.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * A hashrate unit and its size in TH/s. Hashdesk stores every hashrate in TH/s; firmware and spec sheets speak in
 * whatever unit suits the algorithm (Vnish reports GH/s for SHA-256 and MH/s for Scrypt in {@code hr_measure}).
 */
public enum HashrateUnit {
    MH_S("MH/s", 1e-6),
    GH_S("GH/s", 1e-3),
    TH_S("TH/s", 1.0),
    PH_S("PH/s", 1e3);

    private final String label;
    private final double ths;

    HashrateUnit(String label, double ths) {
        this.label = label;
        this.ths = ths;
    }

    /** How the unit is written, e.g. {@code GH/s}. */
    public String label() {
        return label;
    }

    /** A value in this unit converted to TH/s. */
    public double toThs(double value) {
        return value * ths;
    }

    /** A value in TH/s converted to this unit. */
    public double fromThs(double valueThs) {
        return valueThs / ths;
    }

    /** The unit a thousand times this one (GH/s for MH/s); PH/s is the largest. */
    public HashrateUnit thousandfold() {
        return this == PH_S ? PH_S : values()[ordinal() + 1];
    }

    /** The unit written as firmware writes it ({@code "GH/s"}, {@code "mh/s"}, {@code "TH"}); empty if unknown. */
    public static Optional<HashrateUnit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace("/S", "");
        for (HashrateUnit unit : values()) {
            if (unit.label.toUpperCase(Locale.ROOT).replace("/S", "").equals(wanted)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}

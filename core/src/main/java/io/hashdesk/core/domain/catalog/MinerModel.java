package io.hashdesk.core.domain.catalog;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One miner model as the manufacturer rates it, plus the limits Hashdesk keeps it inside.
 *
 * <p>Hashrate is stored in TH/s for every algorithm so that efficiency and profit arithmetic never has to ask which
 * unit it is in: an Antminer L7 rated 9500 MH/s is stored as {@code 0.0095}. Use {@link #ratedHashrateInDisplayUnit()}
 * to show it the way its spec sheet does.
 *
 * @param id                        stable catalog key, lower-case kebab case, e.g. {@code antminer-s19j-pro}
 * @param vendor                    manufacturer, e.g. {@code Bitmain}
 * @param name                      marketing name, e.g. {@code Antminer S19j Pro}
 * @param asicChip                  hashing chip, e.g. {@code BM1362}
 * @param ratedHashrateThs          nameplate hashrate in TH/s (see above for Scrypt)
 * @param ratedPowerWatts           nameplate power at the wall, watts
 * @param publishedEfficiencyJPerTh efficiency as printed on the spec sheet, in J/TH (an L7's 0.36 J/MH is 360000);
 *                                  the catalog checks it agrees with rated power ÷ rated hashrate
 * @param firmwareNames             model names firmware reports ({@code miner_type}, {@code /info.miner}), without
 *                                  firmware suffixes, e.g. {@code Antminer S19j Pro} and {@code S19j Pro}
 * @param source                    where the rated figures come from, with the year
 * @param limitsBasis               how each safe limit was chosen and which are derived rather than published
 * @param releaseYear               year the model first shipped or was launched
 */
public record MinerModel(String id, String vendor, String name, Algorithm algorithm, String asicChip,
                         double ratedHashrateThs, double ratedPowerWatts, double publishedEfficiencyJPerTh,
                         int hashboards, int chipsPerBoard, int fans, SafeLimits safeLimits,
                         List<String> firmwareNames, String source, String limitsBasis, int releaseYear) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    /** No ASIC miner can predate Bitcoin itself; an earlier year is a typo. */
    private static final int BITCOIN_GENESIS_YEAR = 2009;

    public MinerModel {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1–64 lower-case letters, digits, '.' or '-' (starting with"
                    + " a letter or digit), got '" + id + "'");
        }
        String where = "model '" + id + "': ";
        vendor = requireText(where, "vendor", vendor);
        name = requireText(where, "name", name);
        Objects.requireNonNull(algorithm, where + "algorithm is missing");
        asicChip = requireText(where, "asicChip", asicChip);
        requirePositive(where, "ratedHashrateThs", ratedHashrateThs);
        requirePositive(where, "ratedPowerWatts", ratedPowerWatts);
        requirePositive(where, "publishedEfficiencyJPerTh", publishedEfficiencyJPerTh);
        requireAtLeast(where, "hashboards", hashboards, 1);
        requireAtLeast(where, "chipsPerBoard", chipsPerBoard, 1);
        requireAtLeast(where, "fans", fans, 0);
        Objects.requireNonNull(safeLimits, where + "safeLimits is missing");
        if (ratedPowerWatts > safeLimits.powerMaxWatts()) {
            throw new IllegalArgumentException(where + "ratedPowerWatts (" + SafeLimits.plain(ratedPowerWatts)
                    + " W) is above safeLimits.powerMaxWatts (" + SafeLimits.plain(safeLimits.powerMaxWatts())
                    + " W): the model could not even run at its rating");
        }
        if (firmwareNames == null || firmwareNames.isEmpty()) {
            throw new IllegalArgumentException(where + "firmwareNames must list at least one name");
        }
        for (String firmwareName : firmwareNames) {
            requireText(where, "every entry of firmwareNames", firmwareName);
        }
        firmwareNames = firmwareNames.stream().map(String::strip).toList();
        source = requireText(where, "source", source);
        limitsBasis = requireText(where, "limitsBasis", limitsBasis);
        requireAtLeast(where, "releaseYear", releaseYear, BITCOIN_GENESIS_YEAR);
    }

    /** Nameplate efficiency in J/TH (watts per TH/s), computed from rated power and hashrate. */
    public double ratedEfficiencyJPerTh() {
        return ratedPowerWatts / ratedHashrateThs;
    }

    /** Nameplate hashrate in the algorithm's usual unit, e.g. 9500 for an L7 (MH/s) or 104 for an S19j Pro (TH/s). */
    public double ratedHashrateInDisplayUnit() {
        return algorithm.displayUnit().fromThs(ratedHashrateThs);
    }

    /** Chips on all hash boards together. */
    public int totalChips() {
        return hashboards * chipsPerBoard;
    }

    private static String requireText(String where, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + field + " must not be blank");
        }
        return value.strip();
    }

    private static void requirePositive(String where, String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(where + field + " must be a positive number, got " + value);
        }
    }

    private static void requireAtLeast(String where, String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(where + field + " must be at least " + min + ", got " + value);
        }
    }
}

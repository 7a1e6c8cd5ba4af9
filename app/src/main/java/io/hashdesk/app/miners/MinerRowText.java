package io.hashdesk.app.miners;

import io.hashdesk.app.common.DurationText;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import java.time.Duration;
import java.util.Locale;

/**
 * How the fleet table writes a row's values for a person: grouped digits, a dash for "not reported", ages and uptimes
 * in the largest sensible unit. Column headers carry the SHA-256 units; a Scrypt miner's hashrate and efficiency carry
 * their own unit in the cell, since "0.0095 TH/s" means nothing to an L7 owner.
 */
final class MinerRowText {

    static final String MISSING = "–";

    private MinerRowText() {
    }

    static String hashrate(MinerRow row) {
        if (row.hashrateThs() == null) {
            return MISSING;
        }
        HashrateUnit unit = unit(row.algorithm());
        String number = String.format(Locale.ROOT, "%,.1f", unit.fromThs(row.hashrateThs()));
        return unit == HashrateUnit.TH_S ? number : number + " " + unit.label();
    }

    static String efficiency(MinerRow row) {
        if (row.efficiencyJPerTh() == null) {
            return MISSING;
        }
        HashrateUnit unit = unit(row.algorithm());
        // J per TH/s divided by how many of the miner's units make a TH/s gives J per its unit
        double perUnit = row.efficiencyJPerTh() / unit.fromThs(1);
        return unit == HashrateUnit.TH_S ? number(perUnit, 1)
                : String.format(Locale.ROOT, "%,.3f J/%s", perUnit, unit.label().replace("/s", ""));
    }

    static String number(Double value, int decimals) {
        return value == null ? MISSING : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String text(String value) {
        return value == null || value.isBlank() ? MISSING : value;
    }

    static String poolAndCoin(MinerRow row) {
        if (row.poolName() == null) {
            return MISSING;
        }
        return row.coin() == null ? row.poolName() : row.poolName() + " · " + row.coin();
    }

    /** An uptime such as {@code 3d 4h}, {@code 5h 12m} or {@code 42m}. */
    static String uptime(Duration uptime) {
        return uptime == null ? MISSING : DurationText.span(uptime);
    }

    /** How long ago, e.g. {@code 8 s ago}, {@code 12 min ago}; "never" if never. */
    static String age(Duration age) {
        return DurationText.ago(age);
    }

    private static HashrateUnit unit(Algorithm algorithm) {
        return algorithm == null ? HashrateUnit.TH_S : algorithm.displayUnit();
    }
}

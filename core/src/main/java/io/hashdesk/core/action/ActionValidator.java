package io.hashdesk.core.action;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.domain.catalog.SafeLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether settings may be written to a miner of a given model: inside the catalog's {@link SafeLimits} as
 * narrowed by the operator's {@link OperatorLimits}, with a model the catalog knows. The planner asks it for every
 * step and the executor asks it again right before every single write, rollbacks included.
 */
public final class ActionValidator {

    static final int THROTTLE_MIN_PERCENT = 20;
    static final int THROTTLE_MAX_PERCENT = 100;
    static final int POOLS_MAX = 3;
    /** Vnish's preset that hands the clocks to manual frequency and voltage. */
    static final String MANUAL_PRESET = "disabled";
    private static final Pattern NUMERIC_PRESET = Pattern.compile("\\d{1,5}");
    /** An optional stratum+tcp:// prefix, a host name or IPv4 address of DNS labels, a port. */
    private static final Pattern POOL_URL = Pattern.compile(
            "(?:stratum\\+tcp://)?([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\\.[A-Za-z0-9][A-Za-z0-9-]{0,62})*):(\\d{1,5})");
    private static final int PORT_MAX = 65_535;

    private final MinerModelCatalog catalog;
    private final ActionSettings settings;

    public ActionValidator(MinerModelCatalog catalog, ActionSettings settings) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Why {@code change}'s new settings may not be written; empty when they may. */
    public List<String> refusalsOf(SettingChange change) {
        return refusalsOf(change.modelId(), change.to());
    }

    /**
     * Why {@code values} may not be written to a miner of {@code modelId}, one sentence per broken limit naming it;
     * empty when they may. Parts left {@code null} are not being written and are not checked.
     */
    public List<String> refusalsOf(String modelId, SettingValues values) {
        Optional<SafeLimits> found;
        try {
            found = limitsOf(modelId);
        } catch (IllegalArgumentException e) {
            return List.of("the operator limits for model '" + modelId + "' leave nothing allowed: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return List.of("model '" + modelId + "' is not in the miner model catalog, so its safe limits are unknown");
        }
        SafeLimits limits = found.get();
        List<String> refusals = new ArrayList<>(limits.violationsOf(
                values.frequencyMhz() == null ? null : values.frequencyMhz().doubleValue(), values.voltageVolts(),
                values.powerTargetWatts() == null ? null : values.powerTargetWatts().doubleValue(),
                values.fanMinDutyPercent()));
        checkPreset(refusals, limits, values.preset());
        checkTargetTemperature(refusals, limits, values.targetTempC());
        checkThrottle(refusals, values.throttlePercent());
        checkPools(refusals, values.pools());
        return List.copyOf(refusals);
    }

    /**
     * The limits a miner of {@code modelId} is kept inside: the catalog's, narrowed by the operator's; empty for a
     * model the catalog does not know.
     *
     * @throws IllegalArgumentException when the operator's limits leave no allowed range for the model
     */
    public Optional<SafeLimits> limitsOf(String modelId) {
        return catalog.byId(modelId).map(model -> settings.operatorLimitsOf(modelId).narrow(model.safeLimits()));
    }

    private static void checkPreset(List<String> refusals, SafeLimits limits, String preset) {
        if (preset == null || preset.equalsIgnoreCase(MANUAL_PRESET)) {
            return;
        }
        if (!NUMERIC_PRESET.matcher(preset).matches()) {
            refusals.add("preset '" + preset + "' is not a preset Hashdesk knows (watts as digits, or '"
                    + MANUAL_PRESET + "')");
            return;
        }
        refusals.addAll(limits.violationsOf(null, null, Double.valueOf(preset), null).stream()
                .map(problem -> "preset " + problem).toList());
    }

    private static void checkTargetTemperature(List<String> refusals, SafeLimits limits, Integer targetTempC) {
        if (targetTempC == null) {
            return;
        }
        if (targetTempC <= 0) {
            refusals.add("target temperature " + targetTempC + " °C is not a positive temperature");
        } else if (targetTempC >= limits.chipTempMaxC()) {
            refusals.add("target temperature " + targetTempC + " °C is not below the model's chip limit of "
                    + plain(limits.chipTempMaxC()) + " °C (chipTempMaxC)");
        }
    }

    private static void checkThrottle(List<String> refusals, Integer throttlePercent) {
        if (throttlePercent != null
                && (throttlePercent < THROTTLE_MIN_PERCENT || throttlePercent > THROTTLE_MAX_PERCENT)) {
            refusals.add("throttle " + throttlePercent + " % is outside the firmware's " + THROTTLE_MIN_PERCENT + "–"
                    + THROTTLE_MAX_PERCENT + " % range");
        }
    }

    private static void checkPools(List<String> refusals, List<PoolTarget> pools) {
        if (pools == null) {
            return;
        }
        if (pools.isEmpty() || pools.size() > POOLS_MAX) {
            refusals.add("the pool list has " + pools.size() + " entries; a miner takes 1–" + POOLS_MAX);
            return;
        }
        for (int i = 0; i < pools.size(); i++) {
            PoolTarget pool = pools.get(i);
            var match = POOL_URL.matcher(pool.url().strip());
            if (!match.matches() || Integer.parseInt(match.group(2)) < 1
                    || Integer.parseInt(match.group(2)) > PORT_MAX) {
                refusals.add("pool " + (i + 1) + " URL '" + pool.url()
                        + "' is not host:port (optionally with stratum+tcp://)");
            }
            if (pool.user().isBlank()) {
                refusals.add("pool " + (i + 1) + " has no worker name");
            }
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

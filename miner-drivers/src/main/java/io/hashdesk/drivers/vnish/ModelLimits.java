package io.hashdesk.drivers.vnish;

import io.hashdesk.drivers.api.ClockLimits;
import io.hashdesk.drivers.api.CoolingLimits;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.SettingsChange;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link MinerCapabilities} from the firmware's own limits: {@code GET /model} (vnish-api.md §4.2), or the
 * same {@code overclock}/{@code cooling} blocks under {@code settings.ui.consts} on builds without {@code /model}.
 * Voltages there are in 10 mV steps.
 */
final class ModelLimits {

    private static final double TEN_MILLIVOLTS_PER_VOLT = 100.0;

    private ModelLimits() {
    }

    static MinerCapabilities fromModel(ReplyNode model, RouteSet routes) throws MalformedReplyException {
        model.requireObject();
        Optional<ReplyNode> chain = model.optionalObject("chain");
        ReplyNode overclock = model.object("overclock");
        return new MinerCapabilities(operations(routes), clocks(overclock), cooling(model.object("cooling")),
                chain.isPresent() ? chain.get().optionalInt("num_chains") : null,
                chain.isPresent() ? chain.get().optionalInt("chips_per_chain") : null,
                SettingsChange.MAX_POOLS, overclock.optionalInt("max_power_limit"));
    }

    /** From {@code GET /settings} → {@code ui.consts}; the board count then comes from the per-chain settings. */
    static MinerCapabilities fromSettings(ReplyNode settings, RouteSet routes) throws MalformedReplyException {
        ReplyNode consts = settings.requireObject().object("ui").object("consts");
        Optional<ReplyNode> overclockSettings = settings.object("miner").optionalObject("overclock");
        Integer boards = overclockSettings.isPresent() && overclockSettings.get().has("chains")
                ? overclockSettings.get().array("chains").size() : null;
        return new MinerCapabilities(operations(routes), clocks(consts.object("overclock")),
                cooling(consts.object("cooling")), boards, null, SettingsChange.MAX_POOLS, null);
    }

    private static Set<MinerOperation> operations(RouteSet routes) {
        Set<MinerOperation> operations = EnumSet.allOf(MinerOperation.class);
        if (!routes.hasThrottle()) {
            operations.remove(MinerOperation.THROTTLE);
        }
        return operations;
    }

    private static ClockLimits clocks(ReplyNode overclock) throws MalformedReplyException {
        int minFreq = overclock.requiredInt("min_freq");
        int maxFreq = overclock.requiredInt("max_freq");
        int minVolt = overclock.requiredInt("min_voltage");
        int maxVolt = overclock.requiredInt("max_voltage");
        if (minFreq > maxFreq) {
            throw overclock.field("min_freq").problem(minFreq + " MHz is above max_freq " + maxFreq + " MHz");
        }
        if (minVolt > maxVolt) {
            throw overclock.field("min_voltage").problem(minVolt + " is above max_voltage " + maxVolt);
        }
        return new ClockLimits(minFreq, maxFreq, overclock.optionalInt("default_freq"),
                overclock.optionalInt("warn_freq"), volts(minVolt), volts(maxVolt),
                volts(overclock.optionalInt("default_voltage")),
                volts(overclock.optionalInt("max_voltage_stock_psu")));
    }

    private static CoolingLimits cooling(ReplyNode cooling) throws MalformedReplyException {
        Optional<ReplyNode> fanCount = cooling.optionalObject("fan_min_count");
        return new CoolingLimits(cooling.requiredInt("min_fan_pwm"), cooling.requiredInt("min_target_temp"),
                cooling.requiredInt("max_target_temp"),
                fanCount.isPresent() ? fanCount.get().optionalInt("min") : null,
                fanCount.isPresent() ? fanCount.get().optionalInt("max") : null,
                fanCount.isPresent() ? fanCount.get().optionalInt("default") : null);
    }

    private static Double volts(Integer tenMillivolts) {
        return tenMillivolts == null ? null : tenMillivolts / TEN_MILLIVOLTS_PER_VOLT;
    }
}

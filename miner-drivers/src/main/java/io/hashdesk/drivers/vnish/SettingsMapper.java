package io.hashdesk.drivers.vnish;

import io.hashdesk.drivers.api.CurrentSettings;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerStateNames;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.ReplyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code GET /settings} (vnish-api.md §5.1), the running preset and {@code /status} into
 * {@link CurrentSettings}. Voltages there are in 10 mV steps; empty pool slots ({@code url: ""}) are no pool.
 */
final class SettingsMapper {

    private SettingsMapper() {
    }

    /**
     * @param settings      the {@code GET /settings} reply
     * @param runningPreset {@code current_preset.name} from {@code /perf-summary}, or {@code null}
     * @param status        the {@code GET /status} reply
     */
    static CurrentSettings toSettings(ReplyNode settings, String runningPreset, ReplyNode status)
            throws MalformedReplyException {
        ReplyNode miner = settings.requireObject().object("miner");
        Optional<ReplyNode> overclock = miner.optionalObject("overclock");
        Optional<ReplyNode> globals = overclock.isPresent() ? overclock.get().optionalObject("globals")
                : Optional.empty();
        Integer volt = globals.isPresent() ? globals.get().optionalInt("volt") : null;
        Optional<ReplyNode> cooling = miner.optionalObject("cooling");
        Optional<ReplyNode> misc = miner.optionalObject("misc");
        status.requireObject();
        return new CurrentSettings(overclock.isPresent() ? overclock.get().optionalText("preset") : null,
                runningPreset, globals.isPresent() ? globals.get().optionalInt("freq") : null,
                volt == null ? null : volt / SettingsRequest.STEPS_PER_VOLT,
                cooling.isPresent() ? fanMode(cooling.get()) : null,
                cooling.isPresent() ? cooling.get().optionalInt("fan_min_duty") : null,
                cooling.isPresent() ? cooling.get().optionalInt("fan_min_count") : null,
                misc.isPresent() ? misc.get().optionalInt("restart_temp") : null, pools(miner),
                status.optionalInt("throttled"), MinerStateNames.toStatus(status.requiredText("miner_state")));
    }

    private static FanMode fanMode(ReplyNode cooling) throws MalformedReplyException {
        Optional<ReplyNode> mode = cooling.optionalObject("mode");
        String name = mode.isPresent() ? mode.get().optionalText("name") : null;
        if (name == null) {
            return null;
        }
        Integer param = mode.get().optionalInt("param");
        try {
            if (name.toLowerCase(Locale.ROOT).startsWith(SettingsRequest.IMMERSION)) {
                return new FanMode.Immersion();
            }
            return switch (name) {
                case "auto" -> param == null ? null : new FanMode.Auto(param);
                case "manual" -> param == null ? null : new FanMode.Manual(param);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            throw mode.get().field("param").problem(e.getMessage());
        }
    }

    private static List<PoolSetting> pools(ReplyNode miner) throws MalformedReplyException {
        List<PoolSetting> pools = new ArrayList<>();
        List<ReplyNode> slots = miner.optionalArray("pools");
        for (int i = 0; i < slots.size(); i++) {
            ReplyNode pool = slots.get(i).requireObject();
            String url = pool.optionalText("url");
            if (url == null || url.isBlank()) {
                continue;
            }
            try {
                pools.add(new PoolSetting(url, Objects.requireNonNullElse(pool.optionalText("user"), ""), pool.optionalText("pass")));
            } catch (IllegalArgumentException e) {
                throw pool.problem("pool " + (i + 1) + ": " + e.getMessage());
            }
        }
        return pools;
    }
}

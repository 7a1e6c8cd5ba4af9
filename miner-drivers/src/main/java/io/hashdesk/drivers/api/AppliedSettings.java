package io.hashdesk.drivers.api;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link MinerDriver#apply}: per part, whether the read-back shows the miner running it. The firmware
 * answers a settings write the same whether or not it took, so this, not the write's reply, is the truth.
 *
 * @param restartRequired the firmware said mining must restart for the change to take effect
 * @param miningRestarted the driver restarted mining because of that
 * @param rebootRequired  the firmware said the whole miner must reboot (the driver never reboots on its own)
 */
public record AppliedSettings(List<PartOutcome> parts, boolean restartRequired, boolean miningRestarted,
                              boolean rebootRequired) {

    public AppliedSettings {
        parts = List.copyOf(parts);
    }

    public boolean allApplied() {
        return parts.stream().allMatch(PartOutcome::applied);
    }

    public Optional<PartOutcome> part(SettingsPart which) {
        return parts.stream().filter(p -> p.part() == which).findFirst();
    }

    /**
     * Nothing, when every part runs.
     *
     * @throws SettingNotAppliedException listing the parts the miner does not run
     */
    public void requireAllApplied() throws SettingNotAppliedException {
        List<PartOutcome> missing = parts.stream().filter(p -> !p.applied()).toList();
        if (!missing.isEmpty()) {
            throw new SettingNotAppliedException(missing);
        }
    }
}

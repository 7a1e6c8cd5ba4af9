package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;
import java.util.Objects;

/**
 * A setting was refused before anything was sent to the miner: the value lies outside what the firmware accepts
 * (its own bounds from {@link MinerCapabilities}, or a fixed range such as 20–100 % throttle), or names a preset the
 * firmware does not have. Counts as {@link Failure#REJECTED}: sending it again does not help.
 */
public class SettingOutOfRangeException extends MinerAccessException {

    private final String setting;

    /**
     * @param setting the setting refused, as the operator knows it ({@code frequencyMhz}, {@code pools[2].url})
     * @param message what was asked and what is allowed
     */
    public SettingOutOfRangeException(String setting, String message) {
        super(Failure.REJECTED, setting + ": " + message);
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /** The name of the setting refused. */
    public String setting() {
        return setting;
    }
}

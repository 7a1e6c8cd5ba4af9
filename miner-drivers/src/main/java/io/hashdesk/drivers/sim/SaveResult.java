package io.hashdesk.drivers.sim;

/** The firmware's answer to a settings write: whether a mining restart or a reboot is still needed to apply it. */
public record SaveResult(boolean restartRequired, boolean rebootRequired) {
}

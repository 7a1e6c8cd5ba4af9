package io.hashdesk.app.detail;

import java.util.List;

/**
 * The detail header and settings card as words, ready for labels; a dash stands for "not reported".
 *
 * @param statusStyle CSS class of the status pill, e.g. {@code status-offline}
 * @param stale       the miner has not been heard from for longer than the staleness limit
 * @param settings    label and value pairs for the current-settings card, in display order
 */
public record HeaderText(String minerId, String model, String location, String address, String status,
                         String statusStyle, String hashrate, String percentOfRated, String power, String efficiency,
                         String chipTemp, String fan, String pool, String uptime, String lastSeen, boolean stale,
                         List<Setting> settings) {

    /** One line of the current-settings card. */
    public record Setting(String label, String value) {
    }

    public HeaderText {
        settings = List.copyOf(settings);
    }
}

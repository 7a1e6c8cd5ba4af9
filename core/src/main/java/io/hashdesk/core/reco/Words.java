package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the miner-level advisors put figures and settings into words, so every card reads the same way. */
final class Words {

    private Words() {
    }

    /** {@code −250 W (−310 to −190)}. */
    static String estimate(Estimate e, String unit, int decimals) {
        return signed(e.mean(), decimals) + " " + unit + " (" + signed(e.low(), decimals) + " to "
                + signed(e.high(), decimals) + ")";
    }

    static String signed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(value));
        return value < 0 ? "−" + text : value > 0 ? "+" + text : text;
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    /** {@code 0.0512 USD per TH/s a day and 0.080 USD/kWh}. */
    static String pricing(OutcomePricing pricing) {
        return number(pricing.revenueUsdPerThPerDay(), 4) + " USD per TH/s a day and "
                + number(pricing.energyUsdPerKwh(), 3) + " USD/kWh";
    }

    /** The impact's figures that are predicted, one short line each. */
    static List<String> impactLines(ExpectedImpact impact) {
        List<String> lines = new ArrayList<>();
        if (impact.efficiencyJPerTh() != null) {
            lines.add("J/TH " + estimate(impact.efficiencyJPerTh(), "J/TH", 2));
        }
        if (impact.powerWatts() != null) {
            lines.add("power " + estimate(impact.powerWatts(), "W", 0));
        }
        if (impact.hashrateThs() != null) {
            lines.add("hashrate " + estimate(impact.hashrateThs(), "TH/s", 1));
        }
        if (impact.profitUsdPerDay() != null) {
            lines.add("profit " + estimate(impact.profitUsdPerDay(), "USD/day", 2));
        }
        return lines;
    }

    /** What a change sets, e.g. {@code the 3000 W preset}, {@code 525 MHz at 13.8 V}, {@code fan minimum 60 %}. */
    static String settings(SettingValues v) {
        List<String> parts = new ArrayList<>();
        if (v.preset() != null) {
            parts.add(v.preset().equals("disabled") ? "manual clocks" : "the " + v.preset() + " W preset");
        }
        if (v.powerTargetWatts() != null) {
            parts.add("a " + number(v.powerTargetWatts(), 0) + " W power target");
        }
        if (v.frequencyMhz() != null || v.voltageVolts() != null) {
            parts.add((v.frequencyMhz() == null ? "its clock" : v.frequencyMhz() + " MHz")
                    + (v.voltageVolts() == null ? "" : " at " + number(v.voltageVolts(), 2) + " V"));
        }
        if (v.targetTempC() != null) {
            parts.add("target chip temperature " + v.targetTempC() + " °C");
        }
        if (v.fanMinDutyPercent() != null) {
            parts.add("fan minimum " + v.fanMinDutyPercent() + " %");
        }
        if (v.throttlePercent() != null) {
            parts.add(v.throttlePercent() + " % throttle");
        }
        if (v.miningPaused() != null) {
            parts.add(v.miningPaused() ? "mining paused" : "mining resumed");
        }
        if (v.pools() != null) {
            parts.add(v.pools().isEmpty() ? "no pools" : "pool " + v.pools().getFirst().url());
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }
}

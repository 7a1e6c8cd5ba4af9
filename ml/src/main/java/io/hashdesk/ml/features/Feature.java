package io.hashdesk.ml.features;

/**
 * One column of a {@link FeatureTable}: what it measures, in which unit, over which window, and what a missing value
 * means. A value that cannot be computed is {@code NaN}, never zero, for the reason {@link #whenMissing()} gives; every
 * ratio's denominator is checked before dividing, so no feature is ever infinite. Models decide how to fill NaN
 * (the anomaly detector uses the median of the miner's peers and flags it), documented where they do.
 *
 * <p>Windows end at the table's as-of instant (aligned down to 5 minutes): "1 h" and "24 h" are read from 5-minute
 * rollups, "7 d" from 1-hour rollups ending at the last whole hour, "baseline" is days 2–7 before as-of.
 */
public enum Feature {
    HASHRATE_PCT_OF_RATED_1H(Group.OPERATIONAL, "%", "1 h", "no poll in the window, or the model is not in the catalog"),
    HASHRATE_PCT_OF_RATED_24H(Group.OPERATIONAL, "%", "24 h", "no poll in the window, or the model is not in the catalog"),
    HASHRATE_PCT_OF_RATED_7D(Group.OPERATIONAL, "%", "7 d", "no poll in the window, or the model is not in the catalog"),
    HASHRATE_CV_1H(Group.OPERATIONAL, "ratio (sd / mean)", "1 h", "fewer than 2 polled buckets, or mean hashrate 0"),
    HASHRATE_CV_24H(Group.OPERATIONAL, "ratio (sd / mean)", "24 h", "fewer than 2 polled buckets, or mean hashrate 0"),
    HASHRATE_CV_7D(Group.OPERATIONAL, "ratio (sd / mean)", "7 d", "fewer than 2 polled buckets, or mean hashrate 0"),
    HASHRATE_VS_PEERS(Group.OPERATIONAL, "percentage points", "24 h",
            "fewer peers (same model, same room) with a value than the settings require"),
    EFFICIENCY_J_PER_TH(Group.OPERATIONAL, "J/TH", "24 h", "the miner did not hash, or reported no power"),
    CHIP_TEMP_MEAN_24H(Group.OPERATIONAL, "°C", "24 h", "no chip temperature while hashing"),
    CHIP_TEMP_MAX_24H(Group.OPERATIONAL, "°C", "24 h", "no chip temperature while hashing"),
    CHIP_TEMP_VAR_24H(Group.OPERATIONAL, "°C²", "24 h", "fewer than 2 buckets with a chip temperature while hashing"),
    CHIP_TEMP_VS_OWN_BASELINE(Group.OPERATIONAL, "°C", "24 h vs baseline",
            "no chip temperature in the last 24 h or in the baseline (a miner younger than 2 days)"),
    CHIP_TEMP_VS_PEERS(Group.OPERATIONAL, "°C", "24 h",
            "fewer peers (same model, same room) with a value than the settings require"),
    THERMAL_RISE_C_PER_KW(Group.OPERATIONAL, "°C per kW", "24 h",
            "no ambient temperature for the room, or no power while hashing"),
    FAN_RPM_PER_DUTY(Group.OPERATIONAL, "rpm per % duty", "24 h", "no fans reported (immersion) or duty 0"),
    FAN_RPM_PER_DUTY_VS_PEERS(Group.OPERATIONAL, "ratio − 1", "24 h",
            "fewer peers with a value than the settings require, or their median is 0"),
    FAN_DUTY_24H(Group.OPERATIONAL, "% duty", "24 h", "no fan duty reported while hashing"),
    FAN_DUTY_VS_PEERS(Group.OPERATIONAL, "percentage points", "24 h",
            "fewer peers (same model, same room) with a value than the settings require"),
    FAN_SLOWEST_SHARE_1H(Group.OPERATIONAL, "ratio", "1 h", "no fans reported, or all fans at 0 rpm"),
    FAN_RPM_CV_24H(Group.OPERATIONAL, "ratio (sd / mean)", "24 h", "fewer than 2 buckets with fans, or mean rpm 0"),
    FAN_TEMP_RESPONSE(Group.OPERATIONAL, "% duty per °C", "24 h",
            "fewer than 3 buckets with fan duty and chip temperature, or the chip temperature never changed"),
    REJECT_RATE_24H(Group.OPERATIONAL, "fraction", "24 h", "no share submitted"),
    REJECT_RATE_TREND(Group.OPERATIONAL, "fraction", "24 h − baseline", "no share submitted in one of the two"),
    HW_ERRORS_PER_TH_HOUR_24H(Group.OPERATIONAL, "errors per TH/s·h", "24 h", "the miner did not hash"),
    HW_ERRORS_TREND(Group.OPERATIONAL, "errors per TH/s·h", "24 h − baseline", "no hashing in one of the two"),
    BOARD_IMBALANCE_24H(Group.OPERATIONAL, "ratio ((max − min) / mean)", "24 h",
            "fewer than 2 boards reported, or their mean hashrate is 0"),
    UPTIME_24H(Group.OPERATIONAL, "fraction of polls hashing", "24 h", "no poll in the window"),
    RESTARTS_24H(Group.OPERATIONAL, "count", "24 h", "no poll in the window"),
    COVERAGE_24H(Group.OPERATIONAL, "fraction of 5-min buckets polled", "24 h", "never missing"),
    AMBIENT_C(Group.OPERATIONAL, "°C", "24 h", "no room sensor for the miner's room"),
    /**
     * Power the meter on the miner's circuit measured ÷ the power the miners on that circuit reported: its rack's
     * meter if the rack has one (the rack's miners), else the room's whole-room meter (the room's miners). Firmware
     * power is an estimate; a ratio that moves means a miner misreports or something else draws on the circuit.
     */
    METERED_TO_REPORTED_POWER(Group.OPERATIONAL, "ratio", "24 h",
            "no meter on the miner's rack or room, or no power reported by the miners on it"),
    HASHPRICE_USD_PER_TH_DAY(Group.MARKET, "USD per TH/s per day", "latest",
            "no market snapshot with price, difficulty and block reward for the miner's coin"),
    DIFFICULTY_CHANGE_7D(Group.MARKET, "fraction", "7 d", "fewer than 2 difficulty figures in the window"),
    PRICE_VOLATILITY_7D(Group.MARKET, "sd of daily log return", "7 d", "fewer than 3 prices in the window"),
    ELECTRICITY_PRICE_NOW(Group.ENERGY, "tariff currency per kWh", "now", "no active tariff"),
    ELECTRICITY_PRICE_NEXT_24H(Group.ENERGY, "tariff currency per kWh", "next 24 h", "no active tariff");

    /** Where a feature comes from: the miner's telemetry, or conditions shared by the miners of one coin. */
    public enum Group {
        OPERATIONAL, MARKET, ENERGY
    }

    private final Group group;
    private final String unit;
    private final String window;
    private final String whenMissing;

    Feature(Group group, String unit, String window, String whenMissing) {
        this.group = group;
        this.unit = unit;
        this.window = window;
        this.whenMissing = whenMissing;
    }

    public Group group() {
        return group;
    }

    public String unit() {
        return unit;
    }

    public String window() {
        return window;
    }

    /** When the value is NaN; never filled with zero. */
    public String whenMissing() {
        return whenMissing;
    }
}

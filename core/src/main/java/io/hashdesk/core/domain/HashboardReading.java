package io.hashdesk.core.domain;

/**
 * One hashboard (chain) in a telemetry snapshot. Every measured value is nullable: {@code null} means the
 * firmware did not report it (older builds, failed sensors), which is different from zero.
 *
 * @param index          0-based slot (Vnish numbers chains from 1; drivers convert)
 * @param hashrateThs    real-time hashrate of this board
 * @param chipTempMaxC   hottest chip on the board
 * @param boardTempMaxC  hottest PCB sensor on the board
 * @param frequencyMhz   average chip frequency
 * @param voltageVolts   measured chain voltage
 * @param powerWatts     the board's share of power as reported (often a firmware estimate)
 * @param hardwareErrors cumulative hardware errors since the miner started
 */
public record HashboardReading(int index, Double hashrateThs, Double chipTempMaxC, Double boardTempMaxC,
                               Double frequencyMhz, Double voltageVolts, Double powerWatts, Long hardwareErrors) {

    /** Boards per miner the store accepts; real Antminers have 3 or 4, hydro and custom builds a few more. */
    public static final int MAX_BOARDS = 8;

    public HashboardReading {
        if (index < 0 || index >= MAX_BOARDS) {
            throw new IllegalArgumentException("Hashboard index must be 0–" + (MAX_BOARDS - 1) + ", got " + index);
        }
    }

    void collectProblems(ValueChecks checks) {
        String where = "hashboard " + index + " ";
        checks.nonNegative(where + "hashrate (TH/s)", hashrateThs);
        checks.temperature(where + "chip temperature (°C)", chipTempMaxC);
        checks.temperature(where + "board temperature (°C)", boardTempMaxC);
        checks.nonNegative(where + "frequency (MHz)", frequencyMhz);
        checks.nonNegative(where + "voltage (V)", voltageVolts);
        checks.nonNegative(where + "power (W)", powerWatts);
        checks.nonNegative(where + "hardware errors", hardwareErrors);
    }
}

package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.drivers.sim.OperatingPoint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One simulated unit on its own clock, probed the way an operator would: write manual clocks, let the unit restart
 * and settle, then read what the firmware reports. The hidden truth (its optimum, the settled state at any setting)
 * is only for judging the optimiser, never shown to it.
 */
final class SimulatedUnit {

    /** Restart (~40 s) plus about six chip thermal lags (90 s each): temperatures and power have settled. */
    static final Duration SETTLE = Duration.ofMinutes(10);
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final double PERCENT = 100.0;
    private static final double VOLTS_PER_10MV = 0.01;

    private final SimulationClock clock;
    private final SimulatedMiner miner;

    private SimulatedUnit(MinerBlueprint blueprint, double ambientC) {
        this.clock = SimulationClock.manual(START);
        this.miner = SimulatedFleet.create(clock, List.of(blueprint), ambientC).miners().getFirst();
    }

    static SimulatedUnit of(String modelId, long seed, double ambientC) {
        return new SimulatedUnit(MinerBlueprint.of(modelId + "-" + seed, modelId, "1.2.7", seed), ambientC);
    }

    String id() {
        return miner.id();
    }

    String modelId() {
        return miner.model().id();
    }

    SafeLimits limits() {
        return miner.model().catalog().safeLimits();
    }

    FirmwareEnvelope firmware() {
        ModelParameters m = miner.model().parameters();
        return FirmwareEnvelope.vnish(m.minFreqMhz(), m.maxFreqMhz(), m.minVoltage10mV(), m.maxVoltageStockPsu10mV());
    }

    /** The factory clocks the unit starts on. */
    Setting factorySetting() {
        ModelParameters m = miner.model().parameters();
        return new Setting(m.defaultFreqMhz(), m.defaultVoltage10mV() * VOLTS_PER_10MV);
    }

    /** Lets the unit settle on whatever it runs and reads it: the probe of its current setting. */
    Probe probeCurrent() {
        MinerSettings.Overclock running = miner.settings().overclock();
        clock.advance(SETTLE);
        return read(new Setting(running.globalFreqMhz(), running.globalVoltage10mV() * VOLTS_PER_10MV));
    }

    Probe probe(Setting setting) {
        MinerSettings current = miner.settings();
        MinerSettings.Overclock o = current.overclock();
        miner.applySettings(current.withOverclock(new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET,
                (int) Math.round(setting.freqMhz()), tenMillivolts(setting), o.chains(), o.moddedPsu(),
                o.presetSwitcher())));
        clock.advance(SETTLE);
        return read(setting);
    }

    /**
     * Hashrate is the firmware's average since mining restarted on the new clocks (about nine minutes, which
     * averages out the 1.5 % jitter of single readings); power, chip temperature and error rate are as settled.
     */
    private Probe read(Setting setting) {
        MinerReading r = miner.reading();
        double hashrateThs = miner.model().hashrateUnit().toThs(r.hrAverage());
        // The simulator's error percent is a weighted mean that can land a rounding error above 100 %.
        double errorFraction = Math.min(1, r.hwErrorPercent() / PERCENT);
        return new Probe(setting, hashrateThs, (double) r.powerWatts(), (double) r.chipTempMaxC(), errorFraction);
    }

    double siliconOffsetVolts() {
        return miner.groundTruth().siliconOffsetVolts();
    }

    /** The unit's true optimum under the simulator's own limits (chips 5 °C under restart, errors ≤ tuner limit). */
    OperatingPoint trueBest() {
        return miner.groundTruth().bestPoint();
    }

    /** The unit's true settled state at a setting. */
    OperatingPoint truthAt(Setting setting) {
        return miner.steadyStateAt((int) Math.round(setting.freqMhz()), tenMillivolts(setting));
    }

    /** The limits the ground truth's optimum respects, read from the unit's own settings. */
    double truthMaxChipTempC(double marginC) {
        return miner.settings().misc().restartTempC() - marginC;
    }

    private static int tenMillivolts(Setting setting) {
        return (int) Math.round(setting.volts() * PERCENT);
    }
}

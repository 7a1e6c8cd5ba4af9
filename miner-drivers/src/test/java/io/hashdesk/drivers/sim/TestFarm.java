package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A manual-clock fleet for tests, at a constant room temperature. */
record TestFarm(SimulationClock clock, SimulatedFleet fleet) {

    static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    static TestFarm of(double ambientC, MinerBlueprint... blueprints) {
        return of(ambientC, SimulatedFleet.DEFAULT_MAX_STEP, blueprints);
    }

    /** A fleet stepped in {@code maxStep}s; coarser steps let tests run weeks of simulated time quickly. */
    static TestFarm of(double ambientC, Duration maxStep, MinerBlueprint... blueprints) {
        SimulationClock clock = SimulationClock.manual(START);
        SimulatedFleet fleet = SimulatedFleet.create(clock, ModelLibrary.bundled(), List.of(blueprints), Map.of(),
                AmbientCurve.constant(ambientC), maxStep);
        return new TestFarm(clock, fleet);
    }

    SimulatedMiner miner(String id) {
        return fleet.miner(id).orElseThrow();
    }

    SimulatedMiner only() {
        return fleet.miners().getFirst();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Switches a unit to manual clocks at this frequency and voltage (10 mV steps). */
    static SaveResult manualClocks(SimulatedMiner miner, int freqMhz, int voltage10mV) {
        MinerSettings.Overclock current = miner.settings().overclock();
        return miner.applySettings(miner.settings().withOverclock(new MinerSettings.Overclock(
                MinerSettings.MANUAL_PRESET, freqMhz, voltage10mV, current.chains(), current.moddedPsu(),
                current.presetSwitcher())));
    }

    static void coolingMode(SimulatedMiner miner, MinerSettings.FanMode mode, int param) {
        MinerSettings.Cooling c = miner.settings().cooling();
        miner.applySettings(miner.settings().withCooling(new MinerSettings.Cooling(mode, param, c.fanMinCount(),
                c.fanMinDutyPercent(), c.fanMaxDutyPercent(), c.minStartupWaterTempC())));
    }
}

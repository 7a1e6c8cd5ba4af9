package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the hidden truth of a unit: its optimum under current conditions, its silicon and its failure times. */
final class GroundTruthProbe {

    private GroundTruthProbe() {
    }

    static GroundTruth of(MinerIdentity identity, ModelKit kit, UnitPhysics unit, MinerSettings settings,
                          Instant now) {
        Conditions conditions = Conditions.of(kit, unit, settings, now);
        OperatingPoint best = kit.search().search(conditions.offsets(), conditions.chips(), unit.ambientC(),
                conditions.cooling(), unit.dustGain(), conditions.airflowPerDuty(),
                settings.misc().restartTempC()).orElse(null);
        List<Double> offsets = new ArrayList<>();
        List<Instant> boardFailures = new ArrayList<>();
        for (int b = 0; b < unit.boardCount(); b++) {
            offsets.add(unit.silicon().boardOffsetVolts(b));
            boardFailures.add(unit.board(b).failsAt());
        }
        List<Instant> fanFailures = new ArrayList<>();
        for (int i = 0; i < unit.fans().count(); i++) {
            fanFailures.add(unit.fans().failsAt(i));
        }
        return new GroundTruth(now, best, unit.silicon().unitOffsetVolts(), offsets, fanFailures, boardFailures,
                unit.dustGain(), unit.ambientC());
    }

    static OperatingPoint steadyState(ModelKit kit, UnitPhysics unit, MinerSettings settings, Instant now,
                                      int freqMhz, int voltage10mV) {
        Conditions conditions = Conditions.of(kit, unit, settings, now);
        return kit.search().steadyState().evaluate(freqMhz, voltage10mV / 100.0, conditions.offsets(),
                conditions.chips(), unit.ambientC(), conditions.cooling(), unit.dustGain(),
                conditions.airflowPerDuty());
    }

    /** The unit's present condition as the steady-state model needs it. */
    private record Conditions(double[] offsets, int[] chips, CoolingPolicy cooling, double airflowPerDuty) {
        static Conditions of(ModelKit kit, UnitPhysics unit, MinerSettings settings, Instant now) {
            SimulationParameters common = kit.physics().common();
            int[] chips = new int[unit.boardCount()];
            List<MinerSettings.ChainOverclock> chains = settings.overclock().chains();
            for (int b = 0; b < chips.length; b++) {
                boolean disabled = b < chains.size() && chains.get(b).disabled();
                chips[b] = disabled ? 0 : unit.board(b).workingChips(now, common.boardPrecursorDays());
            }
            return new Conditions(unit.silicon().boardOffsetsVolts(), chips,
                    CoolingPolicy.of(settings.cooling(), common.minFanPwmPercent()),
                    unit.fans().airflowPerDuty(now));
        }
    }
}

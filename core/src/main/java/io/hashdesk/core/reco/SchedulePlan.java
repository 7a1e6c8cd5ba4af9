package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A time-of-use plan for the next 24 hours: what each miner does in each interval, and the staggered steps that take
 * each room from one interval's load to the next.
 *
 * @param intervals the plan's price intervals, from the one holding {@code now}
 * @param groups    the miner groups (room × model) with their thresholds and modes per interval
 * @param modes     each planned miner's mode per interval (same order as {@code intervals})
 * @param ramps     every ramp step, in time order; the steps at {@code now} are what to do now
 * @param notes     what was assumed or could not be honoured, one sentence each
 */
public record SchedulePlan(List<PriceInterval> intervals, List<Group> groups, Map<MinerId, List<Mode>> modes,
                           List<RampStep> ramps, List<String> notes) {

    public SchedulePlan {
        intervals = List.copyOf(intervals);
        groups = List.copyOf(groups);
        modes = Map.copyOf(modes);
        ramps = List.copyOf(ramps);
        notes = List.copyOf(notes);
    }

    /** What a miner does in an interval. */
    public enum Mode {
        RUN,
        /** A lower power target the power optimiser's efficiency curve found. */
        DERATE,
        PAUSE
    }

    /**
     * Miners of one model in one room, which share a break-even price and so pause and resume together.
     *
     * @param breakEvenPricePerKwh the price per kWh at which the group earns exactly its electricity
     * @param strikePricePerKwh    the price above which it pauses (the break-even or the operator's strike)
     * @param deratePricePerKwh    the price above which derating earns more than running, or {@code null} when no
     *                             miner of the group has a lower-power proposal
     */
    public record Group(String roomId, String modelId, List<MinerId> miners, double breakEvenPricePerKwh,
                        double strikePricePerKwh, Double deratePricePerKwh) {

        public Group {
            Objects.requireNonNull(roomId, "room id");
            Objects.requireNonNull(modelId, "model id");
            miners = List.copyOf(miners);
        }
    }

    /** One miner's change within a ramp step. */
    public record MinerStep(MinerId miner, Mode from, Mode to, double deltaKw) {
    }

    /**
     * Changes to one room's load at one time, at most the ramp limit in total (unless one miner alone exceeds it,
     * which the plan's notes say).
     */
    public record RampStep(Instant at, String roomId, List<MinerStep> changes) {

        public RampStep {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(roomId, "room id");
            changes = List.copyOf(changes);
        }

        /** The room's load change, kW (negative = down). */
        public double deltaKw() {
            return changes.stream().mapToDouble(MinerStep::deltaKw).sum();
        }

        /** The sum of the miners' changes regardless of direction: what the ramp limit bounds. */
        public double grossKw() {
            return changes.stream().mapToDouble(c -> Math.abs(c.deltaKw())).sum();
        }
    }

    /** The ramp steps due at {@code at}. */
    public List<RampStep> stepsAt(Instant at) {
        return ramps.stream().filter(r -> r.at().equals(at)).toList();
    }

    /** True when some miner's mode differs from {@code baseline} in some interval. */
    public boolean changesAnything(Map<MinerId, Mode> baseline) {
        return modes.entrySet().stream().anyMatch(e -> e.getValue().stream()
                .anyMatch(m -> m != baseline.get(e.getKey())));
    }
}

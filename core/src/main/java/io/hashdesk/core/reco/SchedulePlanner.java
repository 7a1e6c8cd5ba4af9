package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.SchedulePlan.Group;
import io.hashdesk.core.reco.SchedulePlan.MinerStep;
import io.hashdesk.core.reco.SchedulePlan.Mode;
import io.hashdesk.core.reco.SchedulePlan.RampStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Works out the 24-hour plan: per group, strike-price curtailment with hysteresis over the price series (replayed
 * from the look-back so the state now follows from the prices alone) and derating where the efficiency curve makes
 * it pay; then the site power cap filled with the most efficient miners first; then each room's changes cut into
 * ramp steps of at most the ramp limit.
 */
final class SchedulePlanner {

    private final EconomicAdviceSettings.Schedule settings;

    SchedulePlanner(EconomicAdviceSettings.Schedule settings) {
        this.settings = settings;
    }

    /** A miner in the plan, with what derating would change per hour (zero without a proposal). */
    record Unit(PricedMiner miner, double derateDeltaKw, double derateDeltaThs, SettingProposal derate) {

        double kwIn(Mode mode) {
            return switch (mode) {
                case RUN -> miner.kw();
                case DERATE -> miner.kw() + derateDeltaKw;
                case PAUSE -> 0;
            };
        }

        double thsIn(Mode mode) {
            return switch (mode) {
                case RUN -> miner.hashrateThs();
                case DERATE -> miner.hashrateThs() + derateDeltaThs;
                case PAUSE -> 0;
            };
        }

        double revenuePerHourIn(Mode mode) {
            return miner.revenuePerHour() * thsIn(mode) / miner.hashrateThs();
        }

        Mode current() {
            return miner.pausedNow() ? Mode.PAUSE : Mode.RUN;
        }
    }

    SchedulePlan plan(List<Unit> units, List<PriceInterval> prices, Instant now) {
        int first = firstIndexAt(prices, now);
        List<String> notes = new ArrayList<>();
        if (first < 0 || units.isEmpty()) {
            return new SchedulePlan(List.of(), List.of(), Map.of(), List.of(), List.of());
        }
        List<PriceInterval> ahead = prices.subList(first, prices.size());
        Map<MinerId, Mode[]> modes = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        groupsOf(units).forEach((key, members) -> groups.add(planGroup(members, prices, first, modes)));
        if (settings.sitePowerCapKw() != null) {
            applyCap(units, ahead.size(), modes, settings.sitePowerCapKw());
        }
        List<RampStep> ramps = ramps(units, ahead, now, modes, notes);
        Map<MinerId, List<Mode>> modeLists = new HashMap<>();
        modes.forEach((id, m) -> modeLists.put(id, List.of(m)));
        return new SchedulePlan(ahead, groups, modeLists, ramps, notes);
    }

    private static int firstIndexAt(List<PriceInterval> prices, Instant now) {
        for (int i = 0; i < prices.size(); i++) {
            if (prices.get(i).end().isAfter(now)) {
                return prices.get(i).start().isAfter(now) ? -1 : i;
            }
        }
        return -1;
    }

    private static Map<String, List<Unit>> groupsOf(List<Unit> units) {
        Map<String, List<Unit>> groups = new TreeMap<>();
        for (Unit u : units) {
            groups.computeIfAbsent(u.miner().roomId() + "\u0000" + u.miner().model().id(), k -> new ArrayList<>())
                    .add(u);
        }
        return groups;
    }

    /** Decides one group's mode in each interval from {@code first} on, replaying the hysteresis from the start. */
    private Group planGroup(List<Unit> members, List<PriceInterval> prices, int first, Map<MinerId, Mode[]> modes) {
        double revenuePerHour = members.stream().mapToDouble(u -> u.miner().revenuePerHour()).sum();
        double kw = members.stream().mapToDouble(u -> u.miner().kw()).sum();
        double breakEven = revenuePerHour / kw;
        OptionalDouble fixed = settings.strikePricePerKwh();
        double strike = fixed.isPresent() ? fixed.getAsDouble() : breakEven;
        Double derateAbove = derateThreshold(members);
        Hysteresis switching = new Hysteresis(settings.pauseAfterIntervalsAbove(), settings.resumeAfterIntervalsBelow());
        boolean[] paused = switching.run(above(prices, strike), false);
        boolean[] derated = derateAbove == null ? new boolean[prices.size()]
                : switching.run(above(prices, derateAbove), false);
        for (Unit u : members) {
            Mode[] m = new Mode[prices.size() - first];
            for (int i = first; i < prices.size(); i++) {
                m[i - first] = paused[i] ? Mode.PAUSE : derated[i] && u.derate() != null ? Mode.DERATE : Mode.RUN;
            }
            modes.put(u.miner().id(), m);
        }
        Unit any = members.getFirst();
        return new Group(any.miner().roomId(), any.miner().model().id(),
                members.stream().map(u -> u.miner().id()).toList(), breakEven, strike, derateAbove);
    }

    /**
     * Derating trades revenue for power: it pays above the price where the revenue it loses per hour equals the
     * electricity it saves. For the group, the ratio of the sums over its miners with a lower-power proposal.
     */
    private static Double derateThreshold(List<Unit> members) {
        double lostRevenue = 0;
        double savedKw = 0;
        for (Unit u : members) {
            if (u.derate() != null) {
                lostRevenue += u.revenuePerHourIn(Mode.RUN) - u.revenuePerHourIn(Mode.DERATE);
                savedKw -= u.derateDeltaKw();
            }
        }
        return savedKw > 0 ? Math.max(0, lostRevenue) / savedKw : null;
    }

    private static boolean[] above(List<PriceInterval> prices, double threshold) {
        boolean[] above = new boolean[prices.size()];
        for (int i = 0; i < above.length; i++) {
            above[i] = prices.get(i).pricePerKwh() > threshold;
        }
        return above;
    }

    /**
     * In each interval, keeps the most efficient running miners whose load fits under the cap and pauses the rest.
     * Each miner's J/TH per mode and its rank by id are worked out once, so the per-interval sort compares numbers.
     */
    private static void applyCap(List<Unit> units, int intervals, Map<MinerId, Mode[]> modes, double capKw) {
        int n = units.size();
        Mode[][] byUnit = new Mode[n][];
        double[][] kw = new double[n][Mode.values().length];
        double[][] jPerTh = new double[n][Mode.values().length];
        for (int u = 0; u < n; u++) {
            Unit unit = units.get(u);
            byUnit[u] = modes.get(unit.miner().id());
            for (Mode mode : Mode.values()) {
                kw[u][mode.ordinal()] = unit.kwIn(mode);
                jPerTh[u][mode.ordinal()] = mode == Mode.PAUSE ? Double.POSITIVE_INFINITY
                        : unit.kwIn(mode) * 1000 / unit.thsIn(mode);
            }
        }
        Integer[] order = new Integer[n];
        Mode[] before = new Mode[n];
        Mode[] previousBefore = null;
        for (int i = 0; i < intervals; i++) {
            final int at = i;
            for (int u = 0; u < n; u++) {
                before[u] = byUnit[u][at];
            }
            // most intervals run the same miners as the one before: the same input gives the same fill
            if (previousBefore != null && Arrays.equals(before, previousBefore)) {
                for (int u = 0; u < n; u++) {
                    byUnit[u][at] = byUnit[u][at - 1];
                }
                continue;
            }
            previousBefore = before.clone();
            for (int u = 0; u < n; u++) {
                order[u] = u;
            }
            // units arrive in id order, so a stable sort breaks J/TH ties by id
            Arrays.sort(order, (a, b) -> Double.compare(jPerTh[a][before[a].ordinal()],
                    jPerTh[b][before[b].ordinal()]));
            double load = 0;
            for (Integer u : order) {
                Mode mode = before[u];
                if (mode == Mode.PAUSE) {
                    continue;
                }
                if (load + kw[u][mode.ordinal()] <= capKw) {
                    load += kw[u][mode.ordinal()];
                } else {
                    byUnit[u][at] = Mode.PAUSE;
                }
            }
        }
    }

    /** Each room's changes between consecutive intervals (and from what runs now), cut into ramp steps. */
    private List<RampStep> ramps(List<Unit> units, List<PriceInterval> ahead, Instant now,
                                 Map<MinerId, Mode[]> modes, List<String> notes) {
        List<RampStep> steps = new ArrayList<>();
        for (int i = 0; i < ahead.size(); i++) {
            Instant start = i == 0 ? now : ahead.get(i).start();
            Map<String, List<MinerStep>> byRoom = new TreeMap<>();
            for (Unit u : units) {
                Mode[] m = modes.get(u.miner().id());
                Mode from = i == 0 ? u.current() : m[i - 1];
                if (from != m[i]) {
                    byRoom.computeIfAbsent(u.miner().roomId(), r -> new ArrayList<>())
                            .add(new MinerStep(u.miner().id(), from, m[i], u.kwIn(m[i]) - u.kwIn(from)));
                }
            }
            byRoom.forEach((room, changes) -> steps.addAll(stagger(room, changes, start, notes)));
        }
        steps.sort(Comparator.comparing(RampStep::at).thenComparing(RampStep::roomId));
        return steps;
    }

    /** Load decreases first (so a cap is never overshot on the way), then increases, packed up to the ramp limit. */
    private List<RampStep> stagger(String room, List<MinerStep> changes, Instant start, List<String> notes) {
        List<MinerStep> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingDouble(MinerStep::deltaKw).thenComparing(MinerStep::miner));
        double limit = settings.rampMaxKwPerRoomStep();
        List<RampStep> steps = new ArrayList<>();
        List<MinerStep> current = new ArrayList<>();
        double gross = 0;
        for (MinerStep change : ordered) {
            double size = Math.abs(change.deltaKw());
            if (size > limit) {
                notes.add(String.format(Locale.ROOT, "%s alone changes %.1f kW, more than the ramp limit of %.1f kW"
                        + " per step; it is given a step of its own", change.miner(), size, limit));
            }
            if (!current.isEmpty() && gross + size > limit) {
                steps.add(new RampStep(start.plus(settings.rampStepSpacing().multipliedBy(steps.size())), room,
                        current));
                current = new ArrayList<>();
                gross = 0;
            }
            current.add(change);
            gross += size;
        }
        if (!current.isEmpty()) {
            steps.add(new RampStep(start.plus(settings.rampStepSpacing().multipliedBy(steps.size())), room, current));
        }
        return steps;
    }
}

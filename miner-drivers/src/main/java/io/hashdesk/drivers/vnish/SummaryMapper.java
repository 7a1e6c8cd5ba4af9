package io.hashdesk.drivers.vnish;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerStateNames;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.ReportedValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code GET /summary}'s {@code miner} block (vnish-api.md §4.4) into a {@link TelemetrySnapshot}, in domain
 * units, for every build seen: 1.2.0-beta10 ({@code power_usage} per chain, no {@code hr_realtime}, a top-level
 * {@code system}) through 1.3.x. Totals are taken as the firmware reports them, never recomputed from the boards,
 * because real 1.2.0 builds report a total hashrate about 0.7 × the sum of the boards.
 */
final class SummaryMapper {

    private static final double MILLIVOLTS_PER_VOLT = 1000.0;

    private SummaryMapper() {
    }

    /** The {@code miner} block, or empty when the firmware sends {@code "miner": null} (mining process not up). */
    static Optional<ReplyNode> minerOf(ReplyNode summary) throws MalformedReplyException {
        return summary.requireObject().optionalObject("miner");
    }

    /**
     * Time in the mining state ({@code miner_state_time}, which the firmware only counts while mining), else the OS
     * uptime of the old builds' top-level {@code system} block; {@code null} when neither is there.
     */
    static Duration uptime(ReplyNode summary, ReplyNode miner) throws MalformedReplyException {
        ReplyNode state = miner.object("miner_status");
        Long seconds = state.optionalLong("miner_state_time");
        if (seconds != null && "mining".equals(state.requiredText("miner_state"))) {
            return Duration.ofSeconds(seconds);
        }
        Optional<ReplyNode> system = summary.optionalObject("system");
        return system.isPresent() ? VnishInfo.uptimeOf(system.get()) : null;
    }

    static TelemetrySnapshot toSnapshot(MinerId id, Instant takenAt, ReplyNode miner, HashrateUnit unit,
                                        String preset, Duration uptime) throws MalformedReplyException {
        MinerStatus status = MinerStateNames.toStatus(miner.object("miner_status").requiredText("miner_state"));
        List<HashboardReading> boards = boards(miner.array("chains"), unit);
        Optional<ReplyNode> cooling = miner.optionalObject("cooling");
        PoolTotals pools = PoolTotals.of(miner.optionalArray("pools"));
        return new TelemetrySnapshot(id, takenAt, status,
                hashrate(miner, unit, "hr_realtime", "instant_hashrate"),
                optionalHashrate(miner, unit, "hr_average", "average_hashrate"),
                boards, rangeMax(miner, "chip_temp"), rangeMax(miner, "pcb_temp"),
                cooling.isPresent() ? fanRpm(cooling.get()) : List.of(),
                cooling.isPresent() ? cooling.get().optionalDouble("fan_duty") : null,
                power(miner, boards),
                ReportedValues.mean(boards, HashboardReading::voltageVolts),
                ReportedValues.mean(boards, HashboardReading::frequencyMhz),
                preset, pools.activeUrl(), pools.accepted(), pools.rejected(), miner.optionalLong("hw_errors"),
                uptime);
    }

    /**
     * The real-time hashrate, required: {@code hr_realtime} in the firmware's unit, or on 1.2.0-beta10, which lacks
     * it, the deprecated {@code instant_hashrate}, which real data shows one unit up (TH/s where {@code hr_measure}
     * is GH/s on SHA-256; so GH/s on a Scrypt miner reporting MH/s).
     */
    private static Double hashrate(ReplyNode miner, HashrateUnit unit, String field, String thsFallback)
            throws MalformedReplyException {
        Double value = optionalHashrate(miner, unit, field, thsFallback);
        if (value == null) {
            throw new MalformedReplyException(miner.path() + "." + field, "required field is missing (and so is "
                    + thsFallback + ")");
        }
        return value;
    }

    private static Double optionalHashrate(ReplyNode miner, HashrateUnit unit, String field, String thsFallback)
            throws MalformedReplyException {
        Double value = miner.optionalDouble(field);
        if (value != null) {
            return unit.toThs(value);
        }
        Double deprecated = miner.optionalDouble(thsFallback);
        return deprecated == null ? null : unit.thousandfold().toThs(deprecated);
    }

    private static List<HashboardReading> boards(List<ReplyNode> chains, HashrateUnit unit)
            throws MalformedReplyException {
        List<HashboardReading> boards = new ArrayList<>(chains.size());
        Set<Integer> seen = new HashSet<>();
        for (ReplyNode chain : chains) {
            chain.requireObject();
            int id = chain.requiredInt("id");
            if (id < 1 || id > HashboardReading.MAX_BOARDS) {
                throw chain.field("id").problem("chain id " + id + " is outside 1–" + HashboardReading.MAX_BOARDS);
            }
            if (!seen.add(id)) {
                throw chain.field("id").problem("chain id " + id + " appears twice");
            }
            Double chipTemp = rangeMax(chain, "chip_temp");
            Double boardTemp = rangeMax(chain, "pcb_temp");
            Double power = chain.optionalDouble("power_consumption");
            Double millivolts = chain.optionalDouble("voltage");
            boards.add(new HashboardReading(id - 1, unit.toThs(chain.requiredDouble("hashrate_rt")),
                    chipTemp != null ? chipTemp : sensorMax(chain, "chip_temp_sens"),
                    boardTemp != null ? boardTemp : sensorMax(chain, "pcb_temp_sens"),
                    chain.optionalDouble("frequency"),
                    millivolts == null ? null : millivolts / MILLIVOLTS_PER_VOLT,
                    power != null ? power : chain.optionalDouble("power_usage"),
                    chain.optionalLong("hw_errors")));
        }
        return boards;
    }

    /** {@code max} of a {@code {min, max}} temperature range. */
    private static Double rangeMax(ReplyNode parent, String field) throws MalformedReplyException {
        Optional<ReplyNode> range = parent.optionalObject(field);
        return range.isPresent() ? range.get().optionalDouble("max") : null;
    }

    /**
     * The hottest sensor that is measuring, for 1.2.0 builds whose chains list sensors ({@code pcb_temp_sens}) but no
     * {@code pcb_temp} range. Sensors in {@code error} state are skipped: they report stale or made-up values.
     */
    private static Double sensorMax(ReplyNode chain, String field) throws MalformedReplyException {
        Double max = null;
        for (ReplyNode sensor : chain.optionalArray(field)) {
            String state = sensor.requireObject().optionalText("status");
            Double temp = sensor.optionalDouble("temp");
            if (temp != null && (state == null || "measure".equals(state)) && (max == null || temp > max)) {
                max = temp;
            }
        }
        return max;
    }

    /** Each fan's rpm in the firmware's order; a fan marked {@code lost} counts as stopped. */
    private static List<Integer> fanRpm(ReplyNode cooling) throws MalformedReplyException {
        List<Integer> rpm = new ArrayList<>();
        for (ReplyNode fan : cooling.optionalArray("fans")) {
            fan.requireObject();
            int speed = fan.requiredInt("rpm");
            rpm.add("lost".equals(fan.optionalText("status")) ? 0 : speed);
        }
        return rpm;
    }

    /** {@code power_consumption}; else (1.2.0-beta10) the boards' sum, but only when every board reported power. */
    private static Double power(ReplyNode miner, List<HashboardReading> boards) throws MalformedReplyException {
        Double total = miner.optionalDouble("power_consumption");
        return total != null ? total : ReportedValues.sumIfAllReported(boards, HashboardReading::powerWatts);
    }

    /**
     * The pool the miner works on and the share counts of the operator's pools. The dev-fee pseudo-pool (and any other
     * non-user pool) is left out of both.
     */
    private record PoolTotals(String activeUrl, Long accepted, Long rejected) {

        static PoolTotals of(List<ReplyNode> pools) throws MalformedReplyException {
            String active = null;
            String firstWorking = null;
            Long accepted = null;
            Long rejected = null;
            for (ReplyNode pool : pools) {
                pool.requireObject();
                String url = pool.optionalText("url");
                String type = pool.optionalText("pool_type");
                boolean userPool = type == null ? !"DevFee".equalsIgnoreCase(url) : "UserPool".equals(type);
                if (!userPool) {
                    continue;
                }
                accepted = ReportedValues.plus(accepted, pool.optionalLong("accepted"));
                rejected = ReportedValues.plus(rejected, pool.optionalLong("rejected"));
                if (url == null || url.isBlank()) {
                    continue;
                }
                String state = pool.optionalText("status");
                if (active == null && "active".equals(state)) {
                    active = PoolSetting.withoutCredentials(url);
                } else if (firstWorking == null && "working".equals(state)) {
                    firstWorking = PoolSetting.withoutCredentials(url);
                }
            }
            return new PoolTotals(active != null ? active : firstWorking, accepted, rejected);
        }
    }
}

package io.hashdesk.drivers.cgminer;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerStateNames;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.ReportedValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns RPC {@code summary} + {@code stats} (or {@code devs}) + {@code pools} replies (vnish-api.md §8.2–8.5) into a
 * {@link TelemetrySnapshot}. Numbers may arrive as strings ({@code "GHS 5s":"140258.58"}). On Vnish, {@code temp{i}} is
 * the PCB maximum and {@code temp2_{i}} the chip maximum; pyasic reads them the other way round, which this does not.
 */
final class RpcSnapshotMapper {

    /** Stock and Vnish builds number boards from 1, 6 or 11; look that far. */
    private static final int MAX_SLOT = 16;
    private static final double GH_PER_TH = 1000.0;
    private static final double MH_PER_TH = 1_000_000.0;
    private static final double MILLIVOLTS_PER_VOLT = 1000.0;
    private static final Pattern RANGE = Pattern.compile("^\\s*-?\\d+(?:\\.\\d+)?\\s*-\\s*(-?\\d+(?:\\.\\d+)?)\\s*$");

    private RpcSnapshotMapper() {
    }

    /**
     * @param stats {@code stats} reply, or {@code null} when the build does not answer it
     * @param devs  {@code devs} reply, used for boards only when {@code stats} is missing; may be {@code null}
     * @param pools {@code pools} reply, or {@code null} when unanswered (then no pool or share counts)
     */
    static TelemetrySnapshot toSnapshot(MinerId id, Instant takenAt, ReplyNode summary, ReplyNode stats,
                                        ReplyNode devs, ReplyNode pools) throws MalformedReplyException {
        ReplyNode totals = first(summary, "SUMMARY");
        Double hashrate = hashrateThs(totals, "5s");
        if (hashrate == null) {
            throw new MalformedReplyException(totals.path() + ".GHS 5s", "required field is missing");
        }
        ReplyNode data = stats == null ? null : statsData(stats);
        List<HashboardReading> boards = data != null ? boardsFromStats(data)
                : devs != null ? boardsFromDevs(devs) : List.of();
        String state = data == null ? null : data.optionalLenientText("state");
        MinerStatus status = state != null ? MinerStateNames.toStatus(state)
                : hashrate > 0 ? MinerStatus.MINING : MinerStatus.UNKNOWN;
        RpcPools pool = pools == null ? RpcPools.NONE : RpcPools.of(pools.optionalArray("POOLS"));
        Long elapsed = totals.optionalLenientLong("Elapsed");
        return new TelemetrySnapshot(id, takenAt, status, hashrate, hashrateThs(totals, "av"), boards,
                ReportedValues.max(boards, HashboardReading::chipTempMaxC),
                ReportedValues.max(boards, HashboardReading::boardTempMaxC),
                data == null ? List.of() : fans(data), data == null ? null : data.optionalLenientDouble("fan_pwm"),
                ReportedValues.sumIfAllReported(boards, HashboardReading::powerWatts),
                ReportedValues.mean(boards, HashboardReading::voltageVolts),
                data != null && data.has("total_freqavg") ? data.optionalLenientDouble("total_freqavg")
                        : ReportedValues.mean(boards, HashboardReading::frequencyMhz),
                null, pool.activeUrl(), pool.accepted(), pool.rejected(),
                totals.optionalLenientLong("Hardware Errors"), elapsed == null ? null : Duration.ofSeconds(elapsed));
    }

    /** The first element of a section such as {@code SUMMARY}; a section with none is malformed. */
    static ReplyNode first(ReplyNode reply, String section) throws MalformedReplyException {
        List<ReplyNode> items = reply.array(section);
        if (items.isEmpty()) {
            throw reply.field(section).problem("empty section");
        }
        return items.getFirst().requireObject();
    }

    /** {@code STATS[0]} is a header (versions, {@code Type}); the board data is in the element after it. */
    static ReplyNode statsData(ReplyNode stats) throws MalformedReplyException {
        List<ReplyNode> items = stats.array("STATS");
        if (items.isEmpty()) {
            throw stats.field("STATS").problem("empty section");
        }
        return (items.size() > 1 ? items.get(1) : items.getFirst()).requireObject();
    }

    /** Hashrate in TH/s from {@code GHS <suffix>} or, on stock cgminer, {@code MHS <suffix>}. */
    private static Double hashrateThs(ReplyNode node, String suffix) throws MalformedReplyException {
        Double ghs = node.optionalLenientDouble("GHS " + suffix);
        if (ghs != null) {
            return ghs / GH_PER_TH;
        }
        Double mhs = node.optionalLenientDouble("MHS " + suffix);
        return mhs == null ? null : mhs / MH_PER_TH;
    }

    private static List<HashboardReading> boardsFromStats(ReplyNode data) throws MalformedReplyException {
        List<Integer> slots = new ArrayList<>();
        for (int slot = 1; slot <= MAX_SLOT; slot++) {
            if (hasBoard(data, slot)) {
                slots.add(slot);
            }
        }
        if (slots.size() > HashboardReading.MAX_BOARDS) {
            throw data.problem(slots.size() + " boards reported, more than " + HashboardReading.MAX_BOARDS);
        }
        List<HashboardReading> boards = new ArrayList<>(slots.size());
        int offset = slots.isEmpty() ? 1 : slots.getFirst();
        for (int slot : slots) {
            int index = slot - offset;
            if (index >= HashboardReading.MAX_BOARDS) {
                throw data.field("chain_rate" + slot).problem("board slot " + slot + " is too far from slot " + offset);
            }
            Double rate = data.optionalLenientDouble("chain_rate" + slot);
            Double chip = data.optionalLenientDouble("temp2_" + slot);
            Double pcb = data.optionalLenientDouble("temp" + slot);
            Double millivolts = data.optionalLenientDouble("chain_vol" + slot);
            Double watts = data.optionalLenientDouble("chain_consumption" + slot);
            boards.add(new HashboardReading(index, rate == null ? null : rate / GH_PER_TH,
                    chip != null ? chip : rangeMax(data, "temp_chip" + slot),
                    pcb != null ? pcb : rangeMax(data, "temp_pcb" + slot),
                    data.optionalLenientDouble("freq_avg" + slot),
                    millivolts == null ? null : millivolts / MILLIVOLTS_PER_VOLT,
                    // 1.2.0-rc1 reports 0 W for boards that are hashing: a power it does not measure, not zero.
                    watts != null && watts == 0 && rate != null && rate > 0 ? null : watts,
                    data.optionalLenientLong("chain_hw" + slot)));
        }
        return boards;
    }

    /** A slot holds a board when it has chips, hashrate or a chip-status string (stock builds list empty slots). */
    private static boolean hasBoard(ReplyNode data, int slot) throws MalformedReplyException {
        Long chips = data.optionalLenientLong("chain_acn" + slot);
        Double rate = data.optionalLenientDouble("chain_rate" + slot);
        String statuses = data.optionalLenientText("chain_acs" + slot);
        return (chips != null && chips > 0) || (rate != null && rate > 0)
                || (statuses != null && !statuses.isBlank());
    }

    /** Boards from {@code devs} (one device per board), for builds that do not answer {@code stats}. */
    private static List<HashboardReading> boardsFromDevs(ReplyNode devs) throws MalformedReplyException {
        List<ReplyNode> items = devs.optionalArray("DEVS");
        if (items.size() > HashboardReading.MAX_BOARDS) {
            throw devs.field("DEVS").problem(items.size() + " devices, more than " + HashboardReading.MAX_BOARDS);
        }
        List<HashboardReading> boards = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ReplyNode dev = items.get(i).requireObject();
            boards.add(new HashboardReading(i, hashrateThs(dev, "5s"), dev.optionalLenientDouble("Temperature"),
                    null, null, null, null, dev.optionalLenientLong("Hardware Errors")));
        }
        return boards;
    }

    /** The max of a {@code "min-max"} string such as {@code "52-75"}; {@code null} when absent or another shape. */
    private static Double rangeMax(ReplyNode data, String field) throws MalformedReplyException {
        String text = data.optionalLenientText(field);
        if (text == null) {
            return null;
        }
        Matcher m = RANGE.matcher(text);
        return m.matches() ? Double.valueOf(m.group(1)) : null;
    }

    private static List<Integer> fans(ReplyNode data) throws MalformedReplyException {
        Long declared = data.optionalLenientLong("fan_num");
        int count = declared == null ? MAX_SLOT : (int) Math.max(0, Math.min(declared, MAX_SLOT));
        List<Integer> rpm = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Long speed = data.optionalLenientLong("fan" + i);
            if (speed != null) {
                rpm.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, speed)));
            }
        }
        return rpm;
    }
}

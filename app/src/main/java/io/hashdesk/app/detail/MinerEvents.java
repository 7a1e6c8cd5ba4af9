package io.hashdesk.app.detail;

import io.hashdesk.app.common.DurationText;
import io.hashdesk.app.detail.MinerEvent.Kind;
import io.hashdesk.app.detail.MinerEvent.Severity;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.store.BoardPoint;
import io.hashdesk.core.store.SeriesPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Derives a miner's event history from its telemetry series: status changes, hashboards dropping out or coming back,
 * fans stopping and hot-chip episodes. For rollups only each bucket's last status is known, so a short outage inside
 * one bucket shows as the change it left behind, if any.
 */
final class MinerEvents {

    private MinerEvents() {
    }

    /**
     * @param points         oldest first, as the store returns them
     * @param hotChipLimitC  chip temperature at or above which an episode starts
     * @return newest first
     */
    static List<MinerEvent> derive(List<SeriesPoint> points, double hotChipLimitC) {
        List<MinerEvent> events = new ArrayList<>();
        SeriesPoint previous = null;
        boolean fanStopped = false;
        boolean hot = false;
        SeriesPoint hotSince = null;
        double hotPeakC = 0;
        for (SeriesPoint point : points) {
            if (previous != null) {
                statusChange(previous, point, events);
                boardChange(previous, point, events);
            }
            boolean stopped = fanStopped(point);
            if (stopped != fanStopped && point.lastStatus() != MinerStatus.OFFLINE) {
                events.add(stopped
                        ? new MinerEvent(point.start(), Kind.FANS, Severity.PROBLEM, "A fan stopped (0 rpm)")
                        : new MinerEvent(point.start(), Kind.FANS, Severity.GOOD, "All fans spinning again"));
                fanStopped = stopped;
            }
            Double chipMaxC = point.chipTempC() == null ? null : point.chipTempC().max();
            if (chipMaxC != null && chipMaxC >= hotChipLimitC) {
                if (!hot) {
                    events.add(new MinerEvent(point.start(), Kind.TEMPERATURE, Severity.PROBLEM, String.format(
                            Locale.ROOT, "Chip temperature reached %.0f °C (limit %.0f °C)", chipMaxC, hotChipLimitC)));
                    hot = true;
                    hotSince = point;
                    hotPeakC = chipMaxC;
                }
                hotPeakC = Math.max(hotPeakC, chipMaxC);
            } else if (hot && chipMaxC != null) {
                events.add(new MinerEvent(point.start(), Kind.TEMPERATURE, Severity.GOOD, String.format(Locale.ROOT,
                        "Chip temperature back under %.0f °C after %s (peak %.0f °C)", hotChipLimitC,
                        DurationText.span(Duration.between(hotSince.start(), point.start())), hotPeakC)));
                hot = false;
            }
            previous = point;
        }
        events.sort(Comparator.comparing(MinerEvent::at).reversed());
        return events;
    }

    private static void statusChange(SeriesPoint previous, SeriesPoint point, List<MinerEvent> events) {
        MinerStatus from = previous.lastStatus();
        MinerStatus to = point.lastStatus();
        if (from != to) {
            Severity severity = to == MinerStatus.MINING ? Severity.GOOD
                    : to == MinerStatus.STARTING || to == MinerStatus.STOPPED ? Severity.WARNING : Severity.PROBLEM;
            events.add(new MinerEvent(point.start(), Kind.STATUS, severity,
                    "Status " + DetailText.status(from) + " → " + DetailText.status(to)));
        }
    }

    /** Only between two hashing points: an offline miner reports no boards, which its status change already says. */
    private static void boardChange(SeriesPoint previous, SeriesPoint point, List<MinerEvent> events) {
        if (!previous.lastStatus().hashing() || !point.lastStatus().hashing()) {
            return;
        }
        int before = hashingBoards(previous);
        int now = hashingBoards(point);
        if (now != before) {
            events.add(new MinerEvent(point.start(), Kind.HASHBOARDS, now < before ? Severity.PROBLEM : Severity.GOOD,
                    (now < before ? "Hashboard lost: " : "Hashboard back: ") + before + " → " + now + " hashing"));
        }
    }

    private static int hashingBoards(SeriesPoint point) {
        int count = 0;
        for (BoardPoint board : point.boards()) {
            if (board.hashrateThs() != null && board.hashrateThs() > 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean fanStopped(SeriesPoint point) {
        return point.slowestFanRpm() != null && point.slowestFanRpm().min() <= 0;
    }
}

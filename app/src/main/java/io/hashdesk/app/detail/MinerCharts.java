package io.hashdesk.app.detail;

import io.hashdesk.app.detail.ChartLine.Point;
import io.hashdesk.app.detail.ChartLine.Role;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.store.BoardPoint;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.Stat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a miner's series into chart lines: the bucket means, for rollups the bucket minimum and maximum as a band, and
 * per hashboard or fan lines. Points without a value (the miner was offline) are left out rather than drawn as zero.
 */
final class MinerCharts {

    private static final double PERCENT = 100.0;

    private MinerCharts() {
    }

    /**
     * @param withBands  whether buckets carry a spread worth drawing (not for raw points, where min = mean = max)
     * @param unit       the miner's hashrate unit (TH/s for SHA-256, GH/s for Scrypt)
     * @param maxPoints  longer lines are thinned to about this many points
     */
    static Map<ChartKind, List<ChartLine>> build(List<SeriesPoint> points, boolean withBands, HashrateUnit unit,
                                                 int maxPoints) {
        Map<ChartKind, List<ChartLine>> charts = new EnumMap<>(ChartKind.class);
        Function<Double, Double> hashrate = ths -> ths == null ? null : unit.fromThs(ths);
        List<ChartLine> hashrates = new ArrayList<>(statLines("Total", points, SeriesPoint::hashrateThs, withBands));
        hashrates.replaceAll(line -> scaled(line, unit));
        for (int board = 0; board < boardCount(points); board++) {
            int index = board;
            hashrates.add(line("Board " + (board + 1), Role.PART, points,
                    p -> hashrate.apply(boardValue(p, index, BoardPoint::hashrateThs))));
        }
        charts.put(ChartKind.HASHRATE, hashrates);

        List<ChartLine> temperatures = new ArrayList<>();
        temperatures.add(line("Hottest chip", Role.MAIN, points, p -> p.chipTempC() == null ? null : p.chipTempC().max()));
        temperatures.add(line("Hottest board", Role.PART, points,
                p -> p.boardTempC() == null ? null : p.boardTempC().max()));
        charts.put(ChartKind.TEMPERATURE, temperatures);

        List<ChartLine> fans = new ArrayList<>();
        fans.add(line("Slowest fan", Role.MAIN, points, p -> p.slowestFanRpm() == null ? null : p.slowestFanRpm().min()));
        int fanCount = points.stream().mapToInt(p -> p.fanRpm().size()).max().orElse(0);
        for (int fan = 0; fan < fanCount; fan++) {
            int index = fan;
            fans.add(line("Fan " + (fan + 1), Role.PART, points,
                    p -> index < p.fanRpm().size() ? p.fanRpm().get(index) : null));
        }
        charts.put(ChartKind.FANS, fans);

        charts.put(ChartKind.POWER, statLines("Power", points, SeriesPoint::powerWatts, withBands));
        // J per TH/s divided by how many of the miner's units make a TH/s gives J per its unit
        double perUnit = unit.fromThs(1);
        charts.put(ChartKind.EFFICIENCY, List.of(line("Efficiency", Role.MAIN, points,
                p -> p.efficiencyJPerTh() == null ? null : p.efficiencyJPerTh() / perUnit)));
        charts.put(ChartKind.REJECTS, List.of(line("Rejected", Role.MAIN, points,
                p -> p.rejectRatio() == null ? null : p.rejectRatio() * PERCENT)));
        charts.replaceAll((kind, lines) -> lines.stream().filter(l -> !l.points().isEmpty())
                .map(l -> thinned(l, maxPoints)).toList());
        return charts;
    }

    private static List<ChartLine> statLines(String name, List<SeriesPoint> points, Function<SeriesPoint, Stat> stat,
                                             boolean withBands) {
        List<ChartLine> lines = new ArrayList<>();
        lines.add(line(name, Role.MAIN, points, p -> stat.apply(p) == null ? null : stat.apply(p).mean()));
        if (withBands) {
            lines.add(line("Max", Role.MAX, points, p -> stat.apply(p) == null ? null : stat.apply(p).max()));
            lines.add(line("Min", Role.MIN, points, p -> stat.apply(p) == null ? null : stat.apply(p).min()));
        }
        return lines;
    }

    private static ChartLine line(String name, Role role, List<SeriesPoint> points,
                                  Function<SeriesPoint, ? extends Number> value) {
        List<Point> out = new ArrayList<>(points.size());
        for (SeriesPoint point : points) {
            Number v = value.apply(point);
            if (v != null && Double.isFinite(v.doubleValue())) {
                out.add(new Point(point.start().getEpochSecond(), v.doubleValue()));
            }
        }
        return new ChartLine(name, role, out);
    }

    private static ChartLine scaled(ChartLine line, HashrateUnit unit) {
        return new ChartLine(line.name(), line.role(), line.points().stream()
                .map(p -> new Point(p.epochSecond(), unit.fromThs(p.value()))).toList());
    }

    private static int boardCount(List<SeriesPoint> points) {
        return points.stream().flatMap(p -> p.boards().stream()).mapToInt(b -> b.index() + 1).max().orElse(0);
    }

    private static Double boardValue(SeriesPoint point, int index, Function<BoardPoint, Double> value) {
        for (BoardPoint board : point.boards()) {
            if (board.index() == index) {
                return value.apply(board);
            }
        }
        return null;
    }

    /** Averages runs of neighbouring points so a line has at most about {@code maxPoints}; bands keep their extremes. */
    static ChartLine thinned(ChartLine line, int maxPoints) {
        List<Point> points = line.points();
        if (points.size() <= maxPoints) {
            return line;
        }
        int run = (points.size() + maxPoints - 1) / maxPoints;
        boolean max = line.role() == Role.MAX;
        boolean min = line.role() == Role.MIN;
        List<Point> out = new ArrayList<>(maxPoints);
        for (int start = 0; start < points.size(); start += run) {
            List<Point> group = points.subList(start, Math.min(points.size(), start + run));
            double value = max ? group.stream().mapToDouble(Point::value).max().orElseThrow()
                    : min ? group.stream().mapToDouble(Point::value).min().orElseThrow()
                    : group.stream().mapToDouble(Point::value).average().orElseThrow();
            out.add(new Point(group.getFirst().epochSecond(), value));
        }
        return new ChartLine(line.name(), line.role(), out);
    }
}

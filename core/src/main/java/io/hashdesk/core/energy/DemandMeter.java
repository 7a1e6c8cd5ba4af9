package io.hashdesk.core.energy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a month's peak demand the way a utility's meter does: the average of the power readings within each demand
 * interval of the local clock (:00, :15, …), then the highest of those averages. Readings are expected at a steady
 * rate (the poller's), so the plain average of an interval's readings is its average power; an interval with no
 * reading is unknown, not zero, and is left out.
 */
final class DemandMeter {

    private static final double WATTS_PER_KW = 1000.0;

    private DemandMeter() {
    }

    static DemandChargeBill bill(Tariff tariff, YearMonth month, List<PowerReading> readings) {
        ZoneId zone = tariff.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<PowerReading> inMonth = readings.stream()
                .filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
                .toList();
        if (inMonth.isEmpty() && !tariff.demandCharges().isEmpty()) {
            throw new IllegalArgumentException("No power readings fall in " + month + " (" + zone
                    + "); the month's peak demand is unknown, so its demand charge cannot be computed");
        }
        List<DemandChargeLine> lines = new ArrayList<>();
        for (DemandCharge charge : tariff.demandCharges()) {
            lines.add(line(charge, inMonth, zone));
        }
        return new DemandChargeBill(month, tariff.currency(), lines);
    }

    private static DemandChargeLine line(DemandCharge charge, List<PowerReading> readings, ZoneId zone) {
        int minutes = (int) charge.interval().toMinutes();
        Map<Instant, double[]> sums = new HashMap<>();
        for (PowerReading reading : readings) {
            double[] sum = sums.computeIfAbsent(intervalStart(reading.at(), zone, minutes), k -> new double[2]);
            sum[0] += reading.powerWatts();
            sum[1]++;
        }
        Instant peakStart = null;
        double peakWatts = -1;
        for (Map.Entry<Instant, double[]> entry : sums.entrySet()) {
            double average = entry.getValue()[0] / entry.getValue()[1];
            boolean earlierTie = average == peakWatts && entry.getKey().isBefore(peakStart);
            if (average > peakWatts || earlierTie) {
                peakWatts = average;
                peakStart = entry.getKey();
            }
        }
        double peakKw = peakWatts / WATTS_PER_KW;
        return new DemandChargeLine(charge, peakKw, peakStart, peakKw * charge.pricePerKw());
    }

    /**
     * The start of the demand interval holding {@code at}, on the local clock. Truncating the zoned time keeps its
     * offset, so the two 01:00–02:00 hours of an autumn DST change stay separate intervals.
     */
    private static Instant intervalStart(Instant at, ZoneId zone, int minutes) {
        ZonedDateTime local = at.atZone(zone);
        int minute = local.getMinute() / minutes * minutes;
        return local.truncatedTo(ChronoUnit.HOURS).plusMinutes(minute).toInstant();
    }
}

package io.hashdesk.core.bench;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.HourBand;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PowerProfile;
import io.hashdesk.core.energy.PowerStep;
import io.hashdesk.core.energy.PricePoint;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.PricedPeriod;
import io.hashdesk.core.energy.Season;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TimeOfUse;
import io.hashdesk.core.profit.CoinEconomics;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerInput;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.profit.ProfitCalculator;
import io.hashdesk.core.profit.RevenueTerms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The target, "profit for 10,000 miners over 24 hourly tariff bands in under 50 ms": one operation prices a
 * local day (cutting it into the tariff's 24 hourly bands) and computes every miner's revenue, cost and derived
 * figures with room and fleet totals. {@code tariff} is a time-of-use table of 24 one-hour bands or a day-ahead
 * series of 24 hourly prices. The second benchmark integrates each miner's own 24-step power plan (a curtailment
 * schedule) against the same bands, the per-miner path when power varies through the day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProfitBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 3);
    private static final int ROOMS = 40;
    private static final int HOURS = 24;

    @Param("10000")
    public int miners;

    @Param({"hourly-bands", "day-ahead"})
    public String tariff;

    private ElectricityPrices prices;
    private ProfitCalculator calculator;
    private List<MinerInput> fleet;
    private List<PowerProfile> powerPlans;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        double[] hourly = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            hourly[h] = 0.05 + 0.25 * random.nextDouble();
        }
        prices = tariff.equals("day-ahead") ? dayAhead(hourly) : hourlyBands(hourly);
        calculator = new ProfitCalculator(RevenueTerms.of(
                new CoinEconomics("BTC", Algorithm.SHA256, 91_000, 152e12, 3.125, 0.05, 600),
                new PoolTerms(2, PayoutScheme.FPPS)), 0.92);
        fleet = new ArrayList<>(miners);
        powerPlans = new ArrayList<>(miners);
        Instant midnight = DAY.atStartOfDay(ZONE).toInstant();
        for (int i = 0; i < miners; i++) {
            double watts = 3000 + 600 * random.nextDouble();
            fleet.add(new MinerInput(MinerId.of("m" + i), "room-" + (i % ROOMS), 90 + 30 * random.nextDouble(), watts));
            List<PowerStep> steps = new ArrayList<>(HOURS);
            for (int h = 0; h < HOURS; h++) {
                steps.add(new PowerStep(midnight.plus(Duration.ofHours(h)), random.nextInt(5) == 0 ? 0 : watts));
            }
            powerPlans.add(new PowerProfile(watts, steps));
        }
    }

    @Benchmark
    public FleetProfit fleetProfitForADay() {
        return calculator.fleet(fleet, prices.day(DAY));
    }

    @Benchmark
    public double energyCostOfPerMinerPowerPlans() {
        PricedPeriod day = prices.day(DAY);
        double total = 0;
        for (PowerProfile plan : powerPlans) {
            total += day.costOf(plan).cost();
        }
        return total;
    }

    private static ElectricityPrices hourlyBands(double[] hourly) {
        List<HourBand> bands = new ArrayList<>(HOURS);
        for (int h = 0; h < HOURS; h++) {
            bands.add(new HourBand("h" + h, LocalTime.of(h, 0), LocalTime.of((h + 1) % HOURS, 0), hourly[h]));
        }
        Season all = Season.everyDay("all", MonthDay.of(1, 1), MonthDay.of(12, 31), bands);
        return ElectricityPrices.of(new Tariff("hourly bands", "EUR", ZONE, TimeOfUse.of(List.of(all)), List.of()),
                Clock.systemUTC());
    }

    private static ElectricityPrices dayAhead(double[] hourly) {
        Instant midnight = DAY.atStartOfDay(ZONE).toInstant();
        List<PricePoint> points = new ArrayList<>(HOURS);
        for (int h = 0; h < HOURS; h++) {
            points.add(new PricePoint(midnight.plus(Duration.ofHours(h)), hourly[h]));
        }
        Tariff spot = new Tariff("day-ahead", "EUR", ZONE, new MarketPrice("epex", 0.12, new FlatPrice(0.3)), List.of());
        return ElectricityPrices.withMarket(spot, new PriceSeries("epex", "EUR", Duration.ofHours(1), points),
                Clock.systemUTC());
    }
}

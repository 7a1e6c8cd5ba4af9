package io.hashdesk.core.reco;

import java.util.Optional;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.profit.CoinQuote;
import io.hashdesk.core.profit.CoinEconomics;
import static io.hashdesk.core.reco.EconomicFarm.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.SchedulePlan.Mode;
import io.hashdesk.core.reco.SchedulePlan.RampStep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The time-of-use plan on hand-built evidence: an S19j Pro at 100 TH/s and 3,000 W earning $7.20 a day ($0.30 an
 * hour) breaks even at 0.10 $/kWh.
 */
class ScheduleAdvisorTest {

    private static final Instant LOOK_BACK_START = NOW.minus(Duration.ofHours(24));

    private static EconomicAdviceSettings settings(int pauseAfter, int resumeAfter, double rampKw, Double capKw) {
        EconomicAdviceSettings d = EconomicAdviceSettings.defaults();
        return new EconomicAdviceSettings(new EconomicAdviceSettings.Schedule(Duration.ofHours(1), "break-even",
                pauseAfter, resumeAfter, Duration.ofHours(24), rampKw, Duration.ofMinutes(5), capKw, 25.0),
                d.switching(), d.upgrade(), d.risk(), d.backtestWindow());
    }

    /** 48 hourly prices from 24 h before now: cheap, with today's 17:00–21:00 at 0.30. */
    private static double[] eveningPeak() {
        return eveningPeak(0.30);
    }

    private static double[] eveningPeak(double peak) {
        double[] prices = new double[48];
        Arrays.fill(prices, 0.05);
        for (int hour = 17; hour < 21; hour++) {
            prices[24 + hour - 12] = peak;
        }
        return prices;
    }

    private static EconomicFarm oneMiner(double[] prices) {
        return new EconomicFarm().miner("s19-1", "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "btc.pool:3333")
                .hourlyPrices(LOOK_BACK_START, prices);
    }

    @Test
    void pausesAfterTwoExpensiveHoursAndResumesAfterTwoCheapOnesAndCountsTheGainByHand() {
        ScheduleAdvisor advisor = new ScheduleAdvisor(settings(2, 2, 50, null), PolicyReplay.none());

        SchedulePlan plan = advisor.plan(oneMiner(eveningPeak()).evidence(), NOW);
        List<Recommendation> advice = advisor.advise(oneMiner(eveningPeak()).evidence(), NOW, TrackRecord.none());

        List<Mode> modes = plan.modes().get(MinerId.of("s19-1"));
        // intervals from 12:00: 18, 19, 20 and 21 paused (the 17:00 hour is the first above, 21 and 22 the first below)
        for (int i = 0; i < modes.size(); i++) {
            assertThat(modes.get(i)).as("interval %d", i).isEqualTo(i >= 6 && i <= 9 ? Mode.PAUSE : Mode.RUN);
        }
        assertThat(advice).hasSize(1);
        Recommendation r = advice.getFirst();
        assertThat(r.type()).isEqualTo(RecommendationType.SCHEDULE);
        // saves 3 kW × 0.30 × 3 h + 3 kW × 0.05 × 1 h = 2.85, loses 4 h × 0.30 = 1.20 of revenue (± 20 %, no forecast)
        assertThat(r.impact().profitUsdPerDay().mean()).isCloseTo(1.65, within(1e-9));
        assertThat(r.impact().profitUsdPerDay().low()).isCloseTo(2.85 - 1.44, within(1e-9));
        assertThat(r.impact().profitUsdPerDay().high()).isCloseTo(2.85 - 0.96, within(1e-9));
        assertThat(r.changes()).isEmpty();
        assertThat(r.steps()).containsExactly("18:00 hall-a: pause 1 miner (-3.0 kW)",
                "22:00 hall-a: resume 1 miner (+3.0 kW)");
        assertThat(r.reasoning()).contains("0.0500 to 0.3000 USD/kWh").contains("after 2 intervals in a row")
                .contains("No hashprice forecast for BTC");
    }

    @Test
    void minersAllPausedOnTheirCoinArePricedFromTheMarketAndResumedWhenElectricityIsCheap() {
        // 1 TH/s earns 0.05 USD a day at these figures (difficulty chosen for it): an S19j Pro's 100 TH/s earns
        // 5 USD/day against 3 kW × 24 h × 0.05 = 3.60 USD of electricity, so running pays
        CoinEconomics btc = new CoinEconomics("BTC", Algorithm.SHA256, 100_000, 1.0, 3.125, 0, 600);
        double difficulty = btc.hashprice().usdPerThPerDay() / 0.05;
        CoinQuote quote = new CoinQuote("BTC", Optional.of(new CoinEconomics("BTC", Algorithm.SHA256, 100_000,
                difficulty, 3.125, 0, 600)), null, List.of());
        EconomicFarm farm = new EconomicFarm().quote(quote);
        for (int i = 0; i < 3; i++) {
            farm.miner("s19-" + i, "hall-a", "antminer-s19j-pro", 0, 0, 0, "btc.pool:3333", MinerStatus.STOPPED);
        }
        double[] prices = new double[48];
        Arrays.fill(prices, 0.05);
        farm.hourlyPrices(LOOK_BACK_START, prices);

        Recommendation r = new ScheduleAdvisor(settings(2, 2, 50, null), PolicyReplay.none())
                .advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.changes()).hasSize(3).allSatisfy(c -> {
            assertThat(c.from().miningPaused()).isTrue();
            assertThat(c.to().miningPaused()).isFalse();
        });
    }

    @Test
    void aPriceWigglingAroundTheStrikeNeverFlipsTheMiners() {
        double[] prices = new double[48];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = i % 2 == 0 ? 0.12 : 0.08;
        }
        ScheduleAdvisor advisor = new ScheduleAdvisor(settings(2, 2, 50, null), PolicyReplay.none());

        SchedulePlan plan = advisor.plan(oneMiner(prices).evidence(), NOW);

        assertThat(plan.modes().get(MinerId.of("s19-1"))).containsOnly(Mode.RUN);
        assertThat(plan.ramps()).isEmpty();
        assertThat(advisor.advise(oneMiner(prices).evidence(), NOW, TrackRecord.none())).isEmpty();
    }

    @Test
    void withoutHysteresisTheSameWigglingPriceWouldFlipEveryHour() {
        double[] prices = new double[48];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = i % 2 == 0 ? 0.12 : 0.08;
        }
        SchedulePlan plan = new ScheduleAdvisor(settings(1, 1, 50, null), PolicyReplay.none())
                .plan(oneMiner(prices).evidence(), NOW);

        assertThat(plan.modes().get(MinerId.of("s19-1"))).contains(Mode.RUN, Mode.PAUSE);
        assertThat(plan.ramps()).hasSizeGreaterThan(20);
    }

    @Test
    void aRoomsLoadNeverChangesByMoreThanTheRampStepAndOnlyTheFirstStepIsAppliedNow() {
        EconomicFarm farm = new EconomicFarm();
        for (int i = 0; i < 20; i++) {
            farm.miner("s19-" + i, "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "btc.pool:3333");
        }
        double[] prices = new double[48];
        Arrays.fill(prices, 0.30);
        Arrays.fill(prices, 0, 22, 0.05);
        farm.hourlyPrices(LOOK_BACK_START, prices);
        ScheduleAdvisor advisor = new ScheduleAdvisor(settings(2, 2, 10, null), PolicyReplay.none());

        SchedulePlan plan = advisor.plan(farm.evidence(), NOW);
        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(plan.ramps()).hasSize(7).allSatisfy(step -> assertThat(step.grossKw()).isLessThanOrEqualTo(10.0));
        assertThat(plan.ramps()).extracting(RampStep::at).containsExactly(NOW, NOW.plusSeconds(300),
                NOW.plusSeconds(600), NOW.plusSeconds(900), NOW.plusSeconds(1200), NOW.plusSeconds(1500),
                NOW.plusSeconds(1800));
        assertThat(r.changes()).hasSize(3).allSatisfy(c -> {
            assertThat(c.from().miningPaused()).isFalse();
            assertThat(c.to().miningPaused()).isTrue();
        });
        assertThat(r.expiresAt()).as("valid through the plan interval it was made in").isEqualTo(NOW.plusSeconds(3600));
        assertThat(r.urgency()).isEqualTo(Urgency.MEDIUM);
    }

    @Test
    void theSiteCapIsRespectedAndFilledWithTheMostEfficientMinersFirst() {
        EconomicFarm farm = new EconomicFarm();
        for (int i = 0; i < 4; i++) {
            farm.miner("s19jpro-" + i, "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "btc.pool:3333");
            farm.miner("s19-" + i, "hall-a", "antminer-s19", 95, 3250, 6.84, "btc.pool:3333");
            farm.miner("s21-" + i, "hall-b", "antminer-s21", 200, 3500, 14.4, "btc.pool:3333");
        }
        double[] prices = new double[48];
        Arrays.fill(prices, 0.05);
        farm.hourlyPrices(LOOK_BACK_START, prices);
        ScheduleAdvisor advisor = new ScheduleAdvisor(settings(2, 2, 50, 20.0), PolicyReplay.none());

        SchedulePlan plan = advisor.plan(farm.evidence(), NOW);

        Map<MinerId, List<Mode>> modes = plan.modes();
        List<String> running = new ArrayList<>();
        modes.forEach((id, m) -> {
            if (m.getFirst() != Mode.PAUSE) {
                running.add(id.value());
            }
        });
        assertThat(running).containsExactlyInAnyOrder("s21-0", "s21-1", "s21-2", "s21-3", "s19jpro-0", "s19jpro-1");
        for (int i = 0; i < plan.intervals().size(); i++) {
            final int at = i;
            double load = modes.entrySet().stream().filter(e -> e.getValue().get(at) != Mode.PAUSE)
                    .mapToDouble(e -> e.getKey().value().startsWith("s21") ? 3.5 : 3.0).sum();
            assertThat(load).as("interval %d", i).isLessThanOrEqualTo(20.0);
        }
    }

    @Test
    void derateIsPlannedWhereTheEfficiencyCurveMakesItPayAndSetsThePowerTarget() {
        double[] prices = new double[48];
        Arrays.fill(prices, 0.09);
        SettingProposal lower = new SettingProposal(MinerId.of("s19-1"), RecommendationType.POWER,
                io.hashdesk.core.action.SettingValues.none().withPowerTarget(3000),
                io.hashdesk.core.action.SettingValues.none().withPowerTarget(2400),
                new ExpectedImpact(new Estimate(-10, -12, -8), new Estimate(-600, -620, -580), null, null), 0.95,
                true, 40, "efficiency-curve/s19-1@2");
        EconomicFarm farm = oneMiner(prices).proposal(lower);
        ScheduleAdvisor advisor = new ScheduleAdvisor(settings(2, 2, 50, null), PolicyReplay.none());

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        // derating loses 10 TH/s × $0.003/TH/h = $0.03 an hour and saves 0.6 kW: it pays above 0.05 $/kWh
        SettingChange change = r.changes().getFirst();
        assertThat(change.from().powerTargetWatts()).isEqualTo(3000);
        assertThat(change.to().powerTargetWatts()).isEqualTo(2400);
        assertThat(r.impact().profitUsdPerDay().mean()).isCloseTo(24 * (0.6 * 0.09 - 0.03), within(1e-9));
    }

    @Test
    void confidenceFollowsTheForecastsIntervalAndTheTrackRecordAndTheBacktestIsAttached() {
        Backtest week = new Backtest(NOW.minus(Duration.ofDays(7)), NOW, 10, 12, 500, 480, 1.0, "would have earned");
        AtomicReference<ReplayPolicy> asked = new AtomicReference<>();
        PolicyReplay replay = (policy, now) -> {
            asked.set(policy);
            return java.util.Optional.of(week);
        };
        ScheduleAdvisor advisor = new ScheduleAdvisor(settings(1, 1, 50, null), replay);
        HashpriceOutlook narrow = new HashpriceOutlook("BTC", Duration.ofHours(24), 50, new Estimate(50, 49.5, 50.5),
                "hashprice-forecast/BTC@3");

        // a peak just above the 0.10 break-even: pausing gains 4 h × (0.36 − 0.30 × revenue factor)
        double[] prices = eveningPeak(0.12);
        Recommendation noForecast = advisor.advise(oneMiner(prices).evidence(), NOW, TrackRecord.none())
                .getFirst();
        Recommendation forecast = advisor.advise(oneMiner(prices).outlook(narrow).evidence(), NOW,
                TrackRecord.none()).getFirst();
        Recommendation poorRecord = advisor.advise(oneMiner(prices).outlook(narrow).evidence(), NOW,
                (type, c) -> c * 0.5).getFirst();

        assertThat(noForecast.impact().profitUsdPerDay().mean()).isCloseTo(0.24, within(1e-9));
        assertThat(noForecast.impact().profitUsdPerDay().low()).isCloseTo(0.0, within(1e-9));
        assertThat(noForecast.confidence()).isBetween(0.90, 0.97);
        assertThat(forecast.confidence()).isGreaterThan(noForecast.confidence());
        assertThat(poorRecord.confidence()).isCloseTo(forecast.confidence() * 0.5, within(1e-12));
        assertThat(forecast.modelVersions()).containsExactly("hashprice-forecast/BTC@3");
        assertThat(forecast.backtest()).contains(week);
        assertThat(asked.get()).isInstanceOf(ReplayPolicy.Curtailment.class);
        assertThat(asked.get().miners()).containsExactly(MinerId.of("s19-1"));
    }
}

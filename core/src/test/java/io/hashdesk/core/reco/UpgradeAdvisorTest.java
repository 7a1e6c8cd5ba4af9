package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.EconomicFarm.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replacing S19j Pros (100 TH/s, 3,000 W, $0.072 per TH/s per day, 0.05 $/kWh) with S21s (rated 200 TH/s, 3,500 W):
 * one S21 gains 100 × 0.072 − 0.05 × 24 × 0.5 = $6.60 a day over one S19j Pro.
 */
class UpgradeAdvisorTest {

    private static EconomicAdviceSettings settings(boolean examples, int maxPaybackDays) {
        EconomicAdviceSettings d = EconomicAdviceSettings.defaults();
        return new EconomicAdviceSettings(d.schedule(), d.switching(), new EconomicAdviceSettings.Upgrade(
                LocalDate.parse("2026-11-01"), examples, List.of(new EconomicAdviceSettings.Candidate("antminer-s21",
                3000.0)), Map.of("antminer-s19j-pro", 360.0), maxPaybackDays, 5.0, Duration.ofDays(30), 7), d.risk(),
                d.backtestWindow());
    }

    private static EconomicFarm farm() {
        EconomicFarm farm = new EconomicFarm();
        for (int i = 0; i < 4; i++) {
            farm.miner("s19-" + i, "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "btc.pool:3333");
        }
        return farm;
    }

    @Test
    void paybackIsTheInvestmentOverTheDailyGainAndShorterWhenTheOldUnitDegrades() {
        assertThat(UpgradeAdvisor.paybackDays(6.6, 0, 2640)).isCloseTo(400, within(1e-9));
        // 6.6 t + 0.001 t² / 2 = 2640
        double t = UpgradeAdvisor.paybackDays(6.6, 0.001, 2640);
        assertThat(6.6 * t + 0.001 * t * t / 2).isCloseTo(2640, within(1e-6));
        assertThat(t).isLessThan(400);
        assertThat(UpgradeAdvisor.paybackDays(-1, 0, 2640)).isInfinite();
        assertThat(UpgradeAdvisor.paybackDays(5, 0, -10)).isZero();
    }

    @Test
    void advisesTheUpgradeWithThePaybackPeriodAndItsIntervalAndSaysThePricesAreExamples() {
        List<Recommendation> advice = new UpgradeAdvisor(settings(true, 1095)).advise(farm().evidence(), NOW,
                TrackRecord.none());

        Recommendation r = advice.getFirst();
        assertThat(r.type()).isEqualTo(RecommendationType.UPGRADE);
        assertThat(r.changes()).isEmpty();
        assertThat(r.target().miners()).hasSize(4);
        // per unit: 6.60 a day, investment 3000 − 360 = 2640: 400 days
        assertThat(r.headline()).isEqualTo("Replace 4 Antminer S19j Pro with Antminer S21: pays back in 400 days");
        assertThat(r.impact().profitUsdPerDay().mean()).isCloseTo(4 * 6.6, within(1e-9));
        assertThat(r.impact().profitUsdPerDay().low()).isLessThan(4 * 6.6);
        assertThat(r.impact().profitUsdPerDay().high()).isGreaterThan(4 * 6.6);
        assertThat(r.impact().efficiencyJPerTh().mean()).isCloseTo(17.5 - 30, within(1e-9));
        assertThat(r.reasoning()).contains("pays back in 400 days [").contains("EXAMPLE prices")
                .contains("2026-11-01");
    }

    @Test
    void aMeasuredDegradationShortensThePaybackAndItsErrorWidensTheInterval() {
        EconomicFarm degrading = farm();
        for (int i = 0; i < 4; i++) {
            degrading.trend(new EfficiencyTrend(MinerId.of("s19-" + i), 30, 10, 2, 30));
        }
        UpgradeAdvisor advisor = new UpgradeAdvisor(settings(false, 1095));

        Recommendation steady = advisor.advise(farm().evidence(), NOW, TrackRecord.none()).getFirst();
        Recommendation worn = advisor.advise(degrading.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(worn.headline()).doesNotContain("400 days");
        assertThat(worn.reasoning()).contains("degrading +10.0 ± 1.0 % a year").doesNotContain("EXAMPLE");
        assertThat(steady.reasoning()).contains("no trend yet");
    }

    @Test
    void anUpgradeThatDoesNotPayBackInTimeIsNotAdvised() {
        assertThat(new UpgradeAdvisor(settings(true, 300)).advise(farm().evidence(), NOW, TrackRecord.none()))
                .isEmpty();
    }
}

package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.EconomicFarm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coin and pool switching on hand-built market history. BTC at $90,000, difficulty 150 T, 3.175 BTC a block; BCH's
 * difficulty is chosen so its hashprice is a given multiple of BTC's.
 */
class SwitchAdvisorTest {

    private static final PoolTerms TERMS = new PoolTerms(2.0, PayoutScheme.FPPS);
    private static final PoolDefinition BTC_POOL = new PoolDefinition("btc-pool", "BTC pool",
            PoolEndpoint.parse("btc.pool:3333"), "BTC", TERMS);
    private static final PoolDefinition BCH_POOL = new PoolDefinition("bch-pool", "BCH pool",
            PoolEndpoint.parse("bch.pool:3333"), "BCH", TERMS);
    private static final PoolDefinition BTC_POOL_2 = new PoolDefinition("btc-pool-2", "Second BTC pool",
            PoolEndpoint.parse("btc2.pool:3333"), "BTC", new PoolTerms(1.0, PayoutScheme.FPPS));
    private static final double BTC_HASHPRICE_FACTOR = 90_000 * 3.175 / 150e12;

    private static MarketSnapshot btc(Instant at) {
        return new MarketSnapshot("BTC", at, "manual", 90_000.0, 150e12, null, 3.125, 0.05);
    }

    /** BCH at $500 and 3.125 BCH a block with the difficulty that makes its hashprice {@code ratio} × BTC's. */
    private static MarketSnapshot bch(Instant at, double ratio) {
        return bch(at, ratio, 500.0);
    }

    private static MarketSnapshot bch(Instant at, double ratio, double priceUsd) {
        double difficulty = 500.0 * 3.125 / (ratio * BTC_HASHPRICE_FACTOR);
        return new MarketSnapshot("BCH", at, "manual", priceUsd, difficulty, null, 3.125, 0.0);
    }

    private static EconomicFarm farm() {
        EconomicFarm farm = new EconomicFarm().pool(BTC_POOL).pool(BCH_POOL);
        for (int i = 0; i < 3; i++) {
            farm.miner("s19-" + i, "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "stratum+tcp://btc.pool:3333")
                    .plan("s19-" + i, "farm.s19-" + i, "btc-pool");
        }
        return farm;
    }

    private static SwitchAdvisor advisor(double outlierMads) {
        EconomicAdviceSettings d = EconomicAdviceSettings.defaults();
        EconomicAdviceSettings.Switching s = d.switching();
        return new SwitchAdvisor(new EconomicAdviceSettings(d.schedule(), new EconomicAdviceSettings.Switching(5.0,
                Duration.ofHours(6), outlierMads, s.marketHistory(), 10, 0, Duration.ofDays(1), 20.0,
                s.poolMeasurementWindow(), 1.0), d.upgrade(), d.risk(), d.backtestWindow()),
                PolicyReplay.none());
    }

    @Test
    void aCoinPayingTenPercentMoreIsAdvisedWithThePoolListAndTheWorkerNamesKept() {
        EconomicFarm farm = farm().market(btc(NOW.minusSeconds(3600)), bch(NOW.minusSeconds(3600), 1.10));

        List<Recommendation> advice = advisor(5).advise(farm.evidence(), NOW, TrackRecord.none());

        assertThat(advice).hasSize(1);
        Recommendation r = advice.getFirst();
        assertThat(r.type()).isEqualTo(RecommendationType.COIN_SWITCH);
        assertThat(r.changes()).hasSize(3);
        assertThat(r.changes().getFirst().to().pools()).containsExactly(new PoolTarget("stratum+tcp://bch.pool:3333",
                "farm.s19-0", ""));
        assertThat(r.changes().getFirst().from().pools()).containsExactly(new PoolTarget(
                "stratum+tcp://btc.pool:3333", "farm.s19-0", ""));
        assertThat(r.headline()).contains("Mine BCH").contains("+10.0 %");
        assertThat(r.impact().profitUsdPerDay().mean()).isPositive();
        assertThat(r.impact().profitUsdPerDay().low()).isLessThan(r.impact().profitUsdPerDay().mean());
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aGainBelowTheMinimumIsNotWorthASwitch() {
        EconomicFarm farm = farm().market(btc(NOW.minusSeconds(3600)), bch(NOW.minusSeconds(3600), 1.03));

        assertThat(advisor(5).advise(farm.evidence(), NOW, TrackRecord.none())).isEmpty();
    }

    @Test
    void figuresArrivingWithinTheCheckIntervalWaitForTheNextCheck() {
        Instant now = NOW.plus(Duration.ofHours(1));
        EconomicFarm farm = farm().market(btc(NOW.minusSeconds(3600)), bch(NOW.minusSeconds(3600), 1.0),
                bch(NOW.plus(Duration.ofMinutes(30)), 1.10));

        assertThat(advisor(5).advise(farm.evidence(), now, TrackRecord.none())).isEmpty();
        assertThat(advisor(5).advise(farm.evidence(), NOW.plus(Duration.ofHours(6)), TrackRecord.none())).hasSize(1);
    }

    @Test
    void anOutlyingLatestFigureIsIgnored() {
        EconomicFarm farm = farm().market(btc(NOW.minus(Duration.ofHours(10))));
        for (int h = 10; h >= 2; h--) {
            farm.market(bch(NOW.minus(Duration.ofHours(h)), 1.0));
        }
        farm.market(bch(NOW.minus(Duration.ofHours(1)), 1.0, 750.0));

        assertThat(advisor(5).advise(farm.evidence(), NOW, TrackRecord.none())).isEmpty();
        assertThat(advisor(99).advise(farm.evidence(), NOW, TrackRecord.none())).singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo(RecommendationType.COIN_SWITCH));
    }

    @Test
    void aGroupThatChangedCoinWithinTheCheckIntervalIsLeftAlone() {
        EconomicFarm farm = farm().market(btc(NOW.minusSeconds(3600)), bch(NOW.minusSeconds(3600), 1.10))
                .usage("s19-1", "stratum+tcp://bch.pool:3333", 12, 1000, 5, NOW.minus(Duration.ofHours(2)));

        assertThat(advisor(5).advise(farm.evidence(), NOW, TrackRecord.none())).isEmpty();
    }

    @Test
    void aPoolOfTheSameCoinWithAMeasuredRejectRateLowEnoughAndALowerFeeIsAPoolSwitch() {
        EconomicFarm farm = farm().pool(BTC_POOL_2).market(btc(NOW.minusSeconds(3600)));
        for (int i = 0; i < 3; i++) {
            farm.usage("s19-" + i, "stratum+tcp://btc.pool:3333", 288, 90_000, 6_000, NOW.minusSeconds(300));
        }
        farm.usage("s19-other", "btc2.pool:3333", 288, 100_000, 100, NOW.minus(Duration.ofDays(2)));

        Recommendation r = advisor(5).advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        // 6.25 % rejects and a 2 % fee against 0.1 % rejects and a 1 % fee: (0.99 × 0.999) / (0.98 × 0.9375) − 1
        assertThat(r.type()).isEqualTo(RecommendationType.POOL_SWITCH);
        assertThat(r.headline()).contains("Second BTC pool").contains("+7.6 %");
        assertThat(r.evidence()).anyMatch(line -> line.contains("rejects 6.25 %"));
    }
}

package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.EconomicFarm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarketRiskAdvisorTest {

    private static final PoolDefinition MAIN = new PoolDefinition("main", "Main pool", PoolEndpoint.parse(
            "main.pool:3333"), "BTC", new PoolTerms(2.0, PayoutScheme.FPPS));
    private static final PoolDefinition BACKUP = new PoolDefinition("backup", "Backup pool", PoolEndpoint.parse(
            "backup.pool:3333"), "BTC", new PoolTerms(2.0, PayoutScheme.FPPS));

    private static List<Recommendation> advise(EconomicFarm farm) {
        return new MarketRiskAdvisor(EconomicAdviceSettings.defaults()).advise(farm.evidence(), NOW,
                TrackRecord.none());
    }

    private static EconomicFarm healthy() {
        return new EconomicFarm().pool(MAIN).pool(BACKUP)
                .miner("a", "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "main.pool:3333")
                .miner("b", "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "backup.pool:3333")
                .plan("a", "farm.a", "main", "backup").plan("b", "farm.b", "backup", "main");
    }

    @Test
    void aHealthyFarmHasNoMarketRisk() {
        assertThat(advise(healthy().usage("a", "main.pool:3333", 288, 1000, 1, NOW))).isEmpty();
    }

    @Test
    void devFeeLeakageOnAUrlOutsideThePlanIsDetectedWithItsShare() {
        EconomicFarm farm = healthy().usage("a", "stratum+tcp://main.pool:3333", 270, 9000, 9, NOW)
                .usage("a", "stratum+tcp://devfee.example:700", 18, 600, 0, NOW.minusSeconds(3600));

        List<Recommendation> advice = advise(farm);

        assertThat(advice).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(RecommendationType.RISK);
            assertThat(r.headline()).isEqualTo("Dev-fee leakage of 6.3 % on a");
            assertThat(r.reasoning()).contains("devfee.example:700");
            assertThat(r.target().miners()).containsExactly(MinerId.of("a"));
            assertThat(r.impact().profitUsdPerDay().mean()).isLessThan(0);
        });
    }

    @Test
    void aMinerMainlyOnAUrlOutsideTheDirectoryIsUntrusted() {
        EconomicFarm farm = healthy().usage("b", "stratum+tcp://evil.example:3333", 200, 9000, 9, NOW)
                .usage("b", "backup.pool:3333", 88, 600, 0, NOW.minusSeconds(3600));

        assertThat(advise(farm)).singleElement().satisfies(r -> {
            assertThat(r.headline()).isEqualTo("Untrusted pool URL on b");
            assertThat(r.urgency()).isEqualTo(Urgency.HIGH);
        });
    }

    @Test
    void minersWithOnePoolAndAPoolCarryingAlmostAllHashrateAreFlagged() {
        EconomicFarm farm = new EconomicFarm().pool(MAIN)
                .miner("a", "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "main.pool:3333")
                .miner("b", "hall-a", "antminer-s19j-pro", 100, 3000, 7.2, "main.pool:3333")
                .plan("a", "farm.a", "main").plan("b", "farm.b", "main");

        assertThat(advise(farm)).extracting(Recommendation::headline)
                .containsExactlyInAnyOrder("No backup pool on 2 miners", "100 % of the BTC hashrate is on main");
    }

    @Test
    void aThinMarginAndAStressedHashpriceAreNamedWithTheirFigures() {
        EconomicFarm farm = healthy().averagePrice(0.09)
                .miner("c", "hall-b", "antminer-s19", 95, 3250, 7.5, "main.pool:3333").plan("c", "farm.c", "main",
                        "backup");

        List<Recommendation> advice = advise(farm);

        // hall-b S19: 3.25 kW × 24 h × 0.09 = 7.02 of 7.50 kept: 6.4 % margin; at −25 % it loses money
        assertThat(advice).extracting(Recommendation::headline).containsExactlyInAnyOrder(
                "Margin near break-even: hall-b antminer-s19",
                "Hashprice exposure: 1 of 3 miners lose money if hashprice falls 25 %");
        assertThat(advice).allSatisfy(r -> assertThat(r.confidence()).isBetween(0.0, 1.0));
        assertThat(advice.stream().filter(r -> r.headline().startsWith("Margin")).findFirst().orElseThrow()
                .reasoning()).contains("6.4 %");
    }
}

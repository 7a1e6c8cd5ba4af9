package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinCatalogTest {

    private final CoinCatalog catalog = CoinCatalog.bundled();
    private final MinerModelCatalog models = MinerModelCatalog.bundled();

    private static Coin coin(String symbol, Algorithm algorithm, ChainReference chain, List<String> auxiliaries) {
        return new Coin(symbol, symbol + " coin", algorithm, 600, new SubsidySchedule.Halving(50, 210_000), chain,
                auxiliaries, symbol.toLowerCase(), "test");
    }

    private static ChainReference bitcoinLikeChain() {
        return new ChainReference(840_000, Instant.parse("2024-04-20T00:09:27Z"), 3.125, 840_000, 1_050_000L);
    }

    @Test
    void bundledCatalogHasTheShaAndScryptCoinsWithTheirBlockTimes() {
        assertThat(catalog.all()).extracting(Coin::symbol).containsExactly("BTC", "BCH", "BSV", "LTC", "DOGE");
        assertThat(catalog.require("btc").algorithm()).isEqualTo(Algorithm.SHA256);
        assertThat(catalog.require("BSV").algorithm()).isEqualTo(Algorithm.SHA256);
        assertThat(catalog.require("LTC").algorithm()).isEqualTo(Algorithm.SCRYPT);
        assertThat(catalog.require("DOGE").algorithm()).isEqualTo(Algorithm.SCRYPT);
        assertThat(catalog.require("BTC").blockTimeSeconds()).isEqualTo(600);
        assertThat(catalog.require("LTC").blockTimeSeconds()).isEqualTo(150);
        assertThat(catalog.require("DOGE").blockTimeSeconds()).isEqualTo(60);
        assertThat(catalog.require("DOGE").blocksPerDay()).isEqualTo(1440.0);
        assertThat(catalog.require("BTC").chain().currentSubsidyCoins()).isEqualTo(3.125);
        assertThat(catalog.require("LTC").chain().nextHalvingHeight()).isEqualTo(3_360_000L);
    }

    @Test
    void unknownCoinIsRefusedListingTheKnownOnes() {
        assertThat(catalog.bySymbol("XMR")).isEmpty();
        assertThatThrownBy(() -> catalog.require("XMR"))
                .hasMessage("coin 'XMR' is not in the catalog (known: BCH, BSV, BTC, DOGE, LTC)");
    }

    @Test
    void dogecoinIsMergeMinedWithLitecoinAsParent() {
        assertThat(catalog.mergeMinedWith("LTC")).extracting(Coin::symbol).containsExactly("DOGE");
        assertThat(catalog.mergeMinedWith("DOGE")).extracting(Coin::symbol).containsExactly("LTC");
        assertThat(catalog.mergeMiningParent("DOGE")).map(Coin::symbol).hasValue("LTC");
        assertThat(catalog.mergeMiningParent("LTC")).isEmpty();
        assertThat(catalog.mergeMinedWith("BTC")).isEmpty();
    }

    @Test
    void minersAreMatchedToCoinsByAlgorithm() {
        MinerModel s19 = models.byId("antminer-s19j-pro").orElseThrow();
        MinerModel l7 = models.byId("antminer-l7").orElseThrow();

        assertThat(catalog.mineableBy(s19)).extracting(Coin::symbol).containsExactly("BTC", "BCH", "BSV");
        assertThat(catalog.mineableBy(l7)).extracting(Coin::symbol).containsExactly("LTC", "DOGE");
        assertThat(catalog.minersFor("BTC", models)).contains(s19).doesNotContain(l7);
        assertThat(catalog.minersFor("DOGE", models)).containsExactly(l7);
    }

    @Test
    void currentSubsidyThatDisagreesWithTheScheduleIsRefused() {
        ChainReference typo = new ChainReference(840_000, Instant.parse("2024-04-20T00:09:27Z"), 6.25, 840_000,
                1_050_000L);

        assertThatThrownBy(() -> coin("BTC", Algorithm.SHA256, typo, List.of()))
                .hasMessageContaining("coin BTC: chain.currentSubsidyCoins is 6.25 but the subsidy schedule gives"
                        + " 3.125 at chain.lastHalvingHeight 840000");
    }

    @Test
    void halvingHeightsThatAreNotOnTheScheduleAreRefused() {
        ChainReference offByOne = new ChainReference(840_000, Instant.parse("2024-04-20T00:09:27Z"), 3.125, 840_001,
                1_050_000L);
        ChainReference wrongNext = new ChainReference(840_000, Instant.parse("2024-04-20T00:09:27Z"), 3.125, 840_000,
                1_260_000L);

        assertThatThrownBy(() -> coin("BTC", Algorithm.SHA256, offByOne, List.of()))
                .hasMessageContaining("chain.lastHalvingHeight 840001 is not a height where the subsidy schedule"
                        + " changes");
        assertThatThrownBy(() -> coin("BTC", Algorithm.SHA256, wrongNext, List.of()))
                .hasMessageContaining("chain.nextHalvingHeight is 1260000 but the subsidy schedule gives 1050000");
    }

    @Test
    void mergeMiningCompanionsMustExistAndShareTheAlgorithm() {
        Coin parent = coin("AAA", Algorithm.SCRYPT, bitcoinLikeChain(), List.of("BBB"));
        Coin shaAux = coin("BBB", Algorithm.SHA256, bitcoinLikeChain(), List.of());
        LocalDate asOf = LocalDate.of(2026, 11, 25);

        assertThatThrownBy(() -> CoinCatalog.of(new CoinDocument(1, asOf, List.of(parent))))
                .hasMessage("coin AAA: merge-mined auxiliary 'BBB' is not in the catalog");
        assertThatThrownBy(() -> CoinCatalog.of(new CoinDocument(1, asOf, List.of(parent, shaAux))))
                .hasMessage("coin AAA: merge-mined auxiliary BBB uses SHA256, not SCRYPT");
    }

    @Test
    void halvingFiguresMustDescribeTheCatalogsOwnDate() {
        Coin btc = coin("BTC", Algorithm.SHA256, bitcoinLikeChain(), List.of());

        // in 2030 the expected height is past 1,050,000, so "last halving 840,000" is out of date
        assertThatThrownBy(() -> CoinCatalog.of(new CoinDocument(1, LocalDate.of(2030, 1, 1), List.of(btc))))
                .hasMessageContaining("coin BTC: its expected height on the catalog date")
                .hasMessageContaining("is not between chain.lastHalvingHeight 840000 and chain.nextHalvingHeight"
                        + " 1050000");
    }

    @Test
    void aCoinListedTwiceIsRefused() {
        Coin btc = coin("BTC", Algorithm.SHA256, bitcoinLikeChain(), List.of());

        assertThatThrownBy(() -> CoinCatalog.of(new CoinDocument(1, LocalDate.of(2026, 11, 25), List.of(btc, btc))))
                .hasMessage("coin BTC is listed twice");
    }
}

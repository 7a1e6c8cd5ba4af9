package io.hashdesk.core.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinerModelCatalogTest {

    private static final List<String> REQUIRED_IDS = List.of("antminer-s9", "antminer-s17", "antminer-s19",
            "antminer-s19-pro", "antminer-s19j-pro", "antminer-s19-xp", "antminer-s21", "antminer-t19",
            "antminer-l7");
    private static final double ONE_PERCENT = 0.01;

    private final MinerModelCatalog catalog = MinerModelCatalog.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"antminer-s9", "antminer-s17", "antminer-s19", "antminer-s19-pro", "antminer-s19j-pro",
            "antminer-s19-xp", "antminer-s21", "antminer-t19", "antminer-l7"})
    void everyRequiredModelIsPresentWithPositiveFigures(String id) {
        MinerModel model = catalog.byId(id).orElseThrow(() -> new AssertionError(id + " missing from catalog"));
        assertTrue(model.ratedHashrateThs() > 0, "hashrate");
        assertTrue(model.ratedPowerWatts() > 0, "power");
        assertTrue(model.ratedEfficiencyJPerTh() > 0, "efficiency");
        assertTrue(model.hashboards() > 0 && model.chipsPerBoard() > 0, "boards and chips");
        assertTrue(model.fans() > 0, "air-cooled models have fans");
        assertTrue(model.releaseYear() >= 2016, "release year");
        assertFalse(model.source().isBlank(), "source");
        assertFalse(model.limitsBasis().isBlank(), "limits basis");
        SafeLimits limits = model.safeLimits();
        assertTrue(limits.frequencyMinMhz() > 0 && limits.frequencyMinMhz() < limits.frequencyMaxMhz());
        assertTrue(limits.voltageMinVolts() > 0 && limits.voltageMinVolts() < limits.voltageMaxVolts());
        assertTrue(limits.powerMaxWatts() >= model.ratedPowerWatts(), "power limit covers the rating");
        assertTrue(limits.chipTempMaxC() > limits.boardTempMaxC(), "chips run hotter than boards");
    }

    @Test
    void everyRequiredIdIsListedByAll() {
        assertTrue(catalog.all().stream().map(MinerModel::id).toList().containsAll(REQUIRED_IDS));
    }

    @Test
    void ratedEfficiencyMatchesThePublishedSpecWithinOnePercent() {
        for (MinerModel model : catalog.all()) {
            double published = model.publishedEfficiencyJPerTh();
            double off = Math.abs(model.ratedEfficiencyJPerTh() - published) / published;
            assertTrue(off <= ONE_PERCENT, model.id() + ": computed " + model.ratedEfficiencyJPerTh()
                    + " J/TH vs published " + published);
        }
    }

    @Test
    void powerLimitLeavesAtMostAboutTenPercentAboveTheRating() {
        for (MinerModel model : catalog.all()) {
            double headroom = model.safeLimits().powerMaxWatts() / model.ratedPowerWatts();
            assertTrue(headroom >= 1.0 && headroom <= 1.1 + 1e-9, model.id() + " power headroom " + headroom);
        }
    }

    @Test
    void firmwareNamesAreUniqueAcrossModels() {
        Set<String> seen = new HashSet<>();
        for (MinerModel model : catalog.all()) {
            for (String name : Set.copyOf(model.firmwareNames())) {
                assertTrue(seen.add(name.toLowerCase()), name + " claimed twice");
            }
        }
    }

    @Test
    void scryptModelIsStoredInThsButShownInMhs() {
        MinerModel l7 = catalog.byId("antminer-l7").orElseThrow();
        assertEquals(Algorithm.SCRYPT, l7.algorithm());
        assertEquals(0.0095, l7.ratedHashrateThs(), 1e-12);
        assertEquals(HashrateUnit.MH_S, l7.algorithm().displayUnit());
        assertEquals(9500, l7.ratedHashrateInDisplayUnit(), 1e-6);
    }

    @Test
    void unknownIdGivesEmpty() {
        assertTrue(catalog.byId("antminer-s99").isEmpty());
        assertTrue(catalog.byId(null).isEmpty());
    }

    @Test
    void modelsAreListedInBundledOrder() {
        assertEquals("antminer-s9", catalog.all().getFirst().id());
    }
}

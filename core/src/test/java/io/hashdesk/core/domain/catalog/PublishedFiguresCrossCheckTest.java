package io.hashdesk.core.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Pins a few catalog figures to the manufacturer's published spec sheets, so an edit of the JSON that drifts from the
 * source fails loudly. The figures here were typed from the sources named in each test, not copied from the JSON.
 */
class PublishedFiguresCrossCheckTest {

    private static final double EXACT = 1e-9;
    private final MinerModelCatalog catalog = MinerModelCatalog.bundled();

    @Test
    void s19jProMatchesBitmainSpecSheet() {
        // Bitmain Antminer S19j Pro (104T) spec sheet, 2021: 104 TH/s, 3068 W, 29.5 J/TH; 126 chips per board.
        MinerModel model = catalog.byId("antminer-s19j-pro").orElseThrow();
        assertEquals(104, model.ratedHashrateThs(), EXACT);
        assertEquals(3068, model.ratedPowerWatts(), EXACT);
        assertEquals(29.5, model.ratedEfficiencyJPerTh(), 0.05);
        assertEquals(126, model.chipsPerBoard());
    }

    @Test
    void s21MatchesBitmainSpecSheet() {
        // Bitmain Antminer S21 (200T) spec sheet, 2023: 200 TH/s, 3500 W, 17.5 J/TH.
        MinerModel model = catalog.byId("antminer-s21").orElseThrow();
        assertEquals(200, model.ratedHashrateThs(), EXACT);
        assertEquals(3500, model.ratedPowerWatts(), EXACT);
        assertEquals(17.5, model.ratedEfficiencyJPerTh(), EXACT);
    }

    @Test
    void s19XpMatchesBitmainAnnouncement() {
        // Bitmain Antminer S19 XP announcement (World Digital Mining Summit, Nov 2021): 140 TH/s, 3010 W, 21.5 J/TH.
        MinerModel model = catalog.byId("antminer-s19-xp").orElseThrow();
        assertEquals(140, model.ratedHashrateThs(), EXACT);
        assertEquals(3010, model.ratedPowerWatts(), EXACT);
        assertEquals(21.5, model.ratedEfficiencyJPerTh(), EXACT);
    }

    @Test
    void l7MatchesBitmainSpecSheetInItsOwnUnits() {
        // Bitmain Antminer L7 (9.5G) spec sheet, 2021: 9500 MH/s, 3425 W, 0.36 J/MH (= 360 000 J/TH, rounded).
        MinerModel model = catalog.byId("antminer-l7").orElseThrow();
        assertEquals(9500, model.ratedHashrateInDisplayUnit(), 1e-6);
        assertEquals(3425, model.ratedPowerWatts(), EXACT);
        double joulesPerMh = model.ratedEfficiencyJPerTh() / HashrateUnit.MH_S.fromThs(1);
        assertEquals(0.36, joulesPerMh, 0.005);
    }

    @Test
    void s9MatchesBitmainSpecSheet() {
        // Bitmain Antminer S9 (13.5T) spec sheet, 2016: 13.5 TH/s, 1323 W, 0.098 J/GH; 3 boards × 63 chips = 189.
        MinerModel model = catalog.byId("antminer-s9").orElseThrow();
        assertEquals(13.5, model.ratedHashrateThs(), EXACT);
        assertEquals(1323, model.ratedPowerWatts(), EXACT);
        assertEquals(98, model.ratedEfficiencyJPerTh(), EXACT);
        assertEquals(189, model.totalChips());
        assertEquals(2, model.fans());
    }
}

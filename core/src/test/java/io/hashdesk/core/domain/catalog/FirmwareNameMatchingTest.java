package io.hashdesk.core.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirmwareNameMatchingTest {

    private final MinerModelCatalog catalog = MinerModelCatalog.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // miner_type strings as Vnish reports them (../shared/vnish-api.md §4.4, fixtures)
            "Antminer S19j Pro (Vnish 1.2.0-rc3) | antminer-s19j-pro",
            "Antminer S19 Pro (Vnish 1.3.3)      | antminer-s19-pro",
            "Antminer S19 (Vnish 1.2.0-beta10)   | antminer-s19",
            "Antminer S19 XP (Vnish 1.2.0-rc1)   | antminer-s19-xp",
            "Antminer S21                        | antminer-s21",
            "Antminer L7 (Vnish 1.2.6)           | antminer-l7",
            "Antminer T19                        | antminer-t19",
            "Antminer S17                        | antminer-s17",
            "Antminer S9                         | antminer-s9"})
    void vnishMinerTypeFindsItsModel(String minerType, String expectedId) {
        assertEquals(expectedId, catalog.matchFirmwareName(minerType).orElseThrow().id());
    }

    @Test
    void longestNameWinsSoS19jProAndS19ProNeverFallBackToS19() {
        assertEquals("antminer-s19j-pro", catalog.matchFirmwareName("Antminer S19j Pro").orElseThrow().id());
        assertEquals("antminer-s19-pro", catalog.matchFirmwareName("Antminer S19 Pro").orElseThrow().id());
        assertEquals("antminer-s19", catalog.matchFirmwareName("Antminer S19").orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ANTMINER S19J PRO", "s19j pro", "  Antminer   S19j  Pro  ", "S19j Pro (Vnish",
            "Bitmain Antminer S19j Pro", "Antminer S19j Pro AML", "Antminer S19j Pro (88) (Vnish 1.2.6)"})
    void matchingIgnoresCasePrefixSpacingFirmwareNotesAndBoardTags(String minerType) {
        assertEquals("antminer-s19j-pro", catalog.matchFirmwareName(minerType).orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Antminer S19j Pro+", "Antminer S19 XP Hydro", "Antminer S19k Pro", "Antminer S21 Pro",
            "Whatsminer M30S++", "Antminer", "(Vnish 1.2.6)", "", "   "})
    void unknownOrDifferentModelGivesEmptyRatherThanALesserModel(String minerType) {
        assertTrue(catalog.matchFirmwareName(minerType).isEmpty(), minerType);
    }

    @Test
    void nullMinerTypeGivesEmpty() {
        assertTrue(catalog.matchFirmwareName(null).isEmpty());
    }
}

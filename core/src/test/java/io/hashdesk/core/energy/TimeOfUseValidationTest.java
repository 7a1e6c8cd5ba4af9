package io.hashdesk.core.energy;

import static io.hashdesk.core.energy.Tariffs.band;
import static io.hashdesk.core.energy.Tariffs.md;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOfUseValidationTest {

    private static final List<HourBand> WHOLE_DAY = List.of(band("flat", "00:00", "00:00", 0.2));

    @Test
    void bandsLeavingHoursUncoveredAreRefusedNamingTheSeasonAndTheHours() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Season("summer",
                md(1, 1), md(12, 31), List.of(band("off-peak", "00:00", "07:00", 0.1), band("peak", "07:00", "23:00", 0.3)),
                WHOLE_DAY));

        assertEquals("season 'summer' weekday bands: no band covers 23:00–24:00; the bands of a day must cover all 24"
                + " hours", e.getMessage());
    }

    @Test
    void overlappingBandsAreRefusedNamingBothBandsAndWhereTheyMeet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Season("winter",
                md(1, 1), md(12, 31), WHOLE_DAY,
                List.of(band("off-peak", "00:00", "08:00", 0.1), band("peak", "07:00", "00:00", 0.3))));

        assertEquals("season 'winter' weekend bands: band 'peak' (07:00–24:00) overlaps band 'off-peak' (00:00–08:00)"
                + " from 07:00", e.getMessage());
    }

    @Test
    void aBandAcrossMidnightAndOneForTheRestOfTheDayCoverTheDay() {
        assertDoesNotThrow(() -> new Season("winter", md(1, 1), md(12, 31),
                List.of(band("night", "22:00", "06:00", 0.08), band("day", "06:00", "22:00", 0.2)), WHOLE_DAY));
    }

    @Test
    void bandsMustStartOnWholeMinutesAndHaveAPriceOfZeroOrMore() {
        assertEquals("from of band 'peak' must be a whole minute, got 07:00:30", assertThrows(
                IllegalArgumentException.class,
                () -> new HourBand("peak", LocalTime.of(7, 0, 30), LocalTime.of(23, 0), 0.3)).getMessage());
        assertEquals("pricePerKwh of band 'peak' must be a price of zero or more, got -0.3", assertThrows(
                IllegalArgumentException.class, () -> band("peak", "07:00", "23:00", -0.3)).getMessage());
    }

    @Test
    void seasonsLeavingDaysUncoveredAreRefusedNamingTheDays() {
        List<Season> seasons = List.of(Season.everyDay("summer", md(6, 1), md(9, 30), WHOLE_DAY),
                Season.everyDay("winter", md(10, 15), md(5, 31), WHOLE_DAY));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeOfUse.of(seasons));

        assertEquals("No season covers 10-01…10-14; the seasons must cover the whole year", e.getMessage());
    }

    @Test
    void aSeasonTableForgettingTheTwentyNinthOfFebruaryIsRefused() {
        List<Season> seasons = List.of(Season.everyDay("winter", md(10, 1), md(2, 28), WHOLE_DAY),
                Season.everyDay("spring", md(3, 1), md(5, 31), WHOLE_DAY),
                Season.everyDay("summer", md(6, 1), md(9, 30), WHOLE_DAY));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeOfUse.of(seasons));

        assertEquals("No season covers 02-29; the seasons must cover the whole year", e.getMessage());
    }

    @Test
    void overlappingSeasonsAreRefusedNamingBothAndTheFirstSharedDay() {
        List<Season> seasons = List.of(Season.everyDay("summer", md(6, 1), md(9, 30), WHOLE_DAY),
                Season.everyDay("winter", md(9, 30), md(5, 31), WHOLE_DAY));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeOfUse.of(seasons));

        assertEquals("Seasons 'summer' and 'winter' both cover 09-30; each day of the year must be in exactly one"
                + " season", e.getMessage());
    }

    @Test
    void aTariffNeedsAnIsoCurrency() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tariff.flat("home", "euro", Tariffs.BERLIN, 0.3));

        assertEquals("The currency of tariff 'home' is 'euro', not an ISO 4217 code such as USD or EUR", e.getMessage());
    }
}

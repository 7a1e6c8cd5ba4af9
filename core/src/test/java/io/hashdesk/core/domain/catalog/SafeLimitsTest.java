package io.hashdesk.core.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeLimitsTest {

    /** Shaped like the S19j Pro entry: 300–750 MHz, 12–15 V, 3350 W, fan 10–100 %, 85/75 °C. */
    private final SafeLimits limits = new SafeLimits(300, 750, 12.0, 15.0, 3350, 10, 100, 85, 75);

    @Test
    void settingInsideEveryLimitHasNoViolations() {
        assertEquals(List.of(), limits.violationsOf(600.0, 13.8, 3000.0, 60));
        assertTrue(limits.permits(750.0, 15.0, 3350.0, 100), "the limits themselves are allowed");
    }

    @Test
    void nullMeansNotChangedAndIsNotChecked() {
        assertEquals(List.of(), limits.violationsOf(null, null, null, null));
        assertEquals(1, limits.violationsOf(null, 15.4, null, null).size());
    }

    @Test
    void voltageAboveMaxIsRejectedWithAMessageNamingTheLimit() {
        List<String> problems = limits.violationsOf(null, 15.4, null, null);
        assertEquals(List.of("voltage 15.4 V is above the model's maximum of 15 V (voltageMaxVolts)"), problems);
    }

    @Test
    void frequencyAboveMaxIsRejectedWithAMessageNamingTheLimit() {
        String problem = limits.violationsOf(800.0, null, null, null).getFirst();
        assertTrue(problem.contains("frequency 800 MHz") && problem.contains("maximum of 750 MHz")
                && problem.contains("frequencyMaxMhz"), problem);
    }

    @Test
    void powerAboveMaxIsRejectedWithAMessageNamingTheLimit() {
        String problem = limits.violationsOf(null, null, 3640.0, null).getFirst();
        assertTrue(problem.contains("power 3640 W") && problem.contains("maximum of 3350 W")
                && problem.contains("powerMaxWatts"), problem);
    }

    @Test
    void fanAboveMaxOrBelowMinIsRejectedWithAMessageNamingTheLimit() {
        String tooHigh = limits.violationsOf(null, null, null, 120).getFirst();
        assertTrue(tooHigh.contains("fan 120 %") && tooHigh.contains("fanMaxPercent"), tooHigh);
        String tooLow = limits.violationsOf(null, null, null, 5).getFirst();
        assertTrue(tooLow.contains("fan 5 %") && tooLow.contains("minimum of 10 %")
                && tooLow.contains("fanMinPercent"), tooLow);
    }

    @Test
    void valuesBelowMinimumAreRejected() {
        List<String> problems = limits.violationsOf(100.0, 11.0, null, null);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).contains("frequencyMinMhz"), problems.get(0));
        assertTrue(problems.get(1).contains("voltageMinVolts"), problems.get(1));
    }

    @Test
    void everyBrokenLimitIsReportedNotJustTheFirst() {
        assertEquals(4, limits.violationsOf(900.0, 16.0, 4000.0, 101).size());
    }

    @Test
    void nonFiniteOrNonPositiveProposalsAreRejected() {
        assertTrue(limits.violationsOf(Double.NaN, null, null, null).getFirst().contains("not a finite number"));
        assertTrue(limits.violationsOf(null, Double.POSITIVE_INFINITY, null, null).getFirst()
                .contains("not a finite number"));
        assertTrue(limits.violationsOf(null, null, 0.0, null).getFirst().contains("not a positive power"));
    }

    @Test
    void temperaturesAboveTheSafeMaximumAreReported() {
        assertEquals(List.of(), limits.thermalViolationsOf(80.0, 70.0));
        List<String> problems = limits.thermalViolationsOf(92.0, 78.0);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).contains("chipTempMaxC") && problems.get(1).contains("boardTempMaxC"));
    }

    @Test
    void constructorRefusesAnEmptyRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SafeLimits(300, 750, 15.0, 12.0, 3350, 10, 100, 85, 75));
        assertTrue(e.getMessage().contains("voltageMinVolts") && e.getMessage().contains("voltageMaxVolts"),
                e.getMessage());
    }

    @Test
    void constructorRefusesNonPositiveLimitsAndBadFanPercentages() {
        assertThrows(IllegalArgumentException.class, () -> new SafeLimits(0, 750, 12, 15, 3350, 10, 100, 85, 75));
        assertThrows(IllegalArgumentException.class, () -> new SafeLimits(300, 750, 12, 15, -1, 10, 100, 85, 75));
        assertThrows(IllegalArgumentException.class,
                () -> new SafeLimits(300, 750, 12, 15, 3350, 10, 100, Double.NaN, 75));
        assertThrows(IllegalArgumentException.class, () -> new SafeLimits(300, 750, 12, 15, 3350, 50, 40, 85, 75));
        assertThrows(IllegalArgumentException.class, () -> new SafeLimits(300, 750, 12, 15, 3350, 10, 110, 85, 75));
    }

    @Test
    void fanFloorOfZeroIsAllowedForModelsWithoutFans() {
        assertTrue(new SafeLimits(300, 750, 12, 15, 3350, 0, 100, 85, 75).permits(null, null, null, 0));
    }
}

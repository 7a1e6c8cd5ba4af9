package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.catalog.SafeLimits;
import org.junit.jupiter.api.Test;

class SettingGridTest {

    private static final SafeLimits LIMITS = new SafeLimits(340, 850, 12.0, 15.0, 3575, 10, 100, 85, 75);
    private static final OptimiserOptions OPTIONS = OptimiserOptions.defaults();

    @Test
    void offersOnlySettingsInsideBothTheSafeLimitsAndTheFirmwareEnvelopeOnItsSteps() {
        FirmwareEnvelope firmware = FirmwareEnvelope.vnish(50, 800, 1205, 1480);

        SettingGrid grid = SettingGrid.of(LIMITS, firmware, OPTIONS);

        assertThat(grid.candidates()).isNotEmpty().allSatisfy(s -> {
            assertThat(LIMITS.permits(s.freqMhz(), s.volts(), null, null)).isTrue();
            assertThat(s.freqMhz()).isBetween(340.0, 800.0);
            assertThat(s.volts()).isBetween(12.05, 14.80);
            assertThat(s.freqMhz()).isEqualTo(Math.rint(s.freqMhz()));
            assertThat(s.volts() * 100).isCloseTo(Math.rint(s.volts() * 100), within(1e-6));
        });
        assertThat(grid.box()).isEqualTo(new InputBox(340, 800, 12.05, 14.80));
    }

    @Test
    void refusesWhenTheSafeLimitsAndTheFirmwareDoNotOverlap() {
        FirmwareEnvelope firmware = FirmwareEnvelope.vnish(50, 300, 1200, 1500);

        assertThatThrownBy(() -> SettingGrid.of(LIMITS, firmware, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("340.0..850.0 MHz").hasMessageContaining("50.0..300.0 MHz");
    }
}

package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HysteresisTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void turnsOnAfterNStepsAboveAndOffAfterMBelow() {
        boolean[] above = {F, T, T, T, F, F, F, F};

        boolean[] state = new Hysteresis(2, 3).run(above, false);

        assertThat(state).containsExactly(F, F, T, T, T, T, F, F);
    }

    @Test
    void aSeriesThatAlternatesNeverSwitches() {
        boolean[] above = {T, F, T, F, T, F, T, F};

        assertThat(new Hysteresis(2, 2).run(above, false)).containsOnly(F);
        assertThat(new Hysteresis(2, 2).run(above, true)).containsOnly(T);
    }

    @Test
    void countsOfZeroAreRefused() {
        assertThatThrownBy(() -> new Hysteresis(0, 1)).hasMessageContaining("at least 1");
    }
}

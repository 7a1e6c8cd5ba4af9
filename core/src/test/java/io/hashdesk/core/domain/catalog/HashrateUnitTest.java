package io.hashdesk.core.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HashrateUnitTest {

    @Test
    void firmwareUnitLabelsParseWhateverTheirCase() {
        assertEquals(Optional.of(HashrateUnit.GH_S), HashrateUnit.parse("GH/s"));
        assertEquals(Optional.of(HashrateUnit.MH_S), HashrateUnit.parse("mh/s"));
        assertEquals(Optional.of(HashrateUnit.TH_S), HashrateUnit.parse(" TH "));
        assertTrue(HashrateUnit.parse("N/A").isEmpty());
        assertTrue(HashrateUnit.parse(null).isEmpty());
    }

    @Test
    void conversionsRoundTripThroughThs() {
        // Vnish reports SHA-256 hashrate in GH/s: 104 000 GH/s is an S19j Pro's 104 TH/s.
        assertEquals(104, HashrateUnit.GH_S.toThs(104_000), 1e-9);
        assertEquals(9500, HashrateUnit.MH_S.fromThs(HashrateUnit.MH_S.toThs(9500)), 1e-9);
        assertEquals(HashrateUnit.TH_S, Algorithm.SHA256.displayUnit());
    }
}

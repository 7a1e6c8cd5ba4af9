package io.hashdesk.drivers.integration;

import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An L7 (Scrypt, {@code hr_measure} MH/s) whose summary lacks {@code hr_realtime}: the driver's fallback to the
 * deprecated {@code instant_hashrate} must still give the total in TH/s.
 */
class StrippedScryptSummaryTest {

    @Test
    void aStrippedScryptReplyIsReadInTerahashWithTheOptionalFieldsLeftOut() throws Exception {
        try (SimulatedSite site = SimulatedSite.of(MinerBlueprint.of("stripped-l7", "antminer-l7", "1.3.4", 58)
                .withPreset("3200", List.of()));
             VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions())) {
            site.advance(Duration.ofMinutes(3));
            site.inject("stripped-l7", new Fault.MissingFields());
            VnishDriverFaultMappingTest.assertStrippedReplyIsTolerated(site, drivers, "stripped-l7");
        }
    }
}

package io.hashdesk.app.miners;

import static io.hashdesk.app.miners.FleetFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hashdesk.core.domain.catalog.Algorithm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MinerRowTextTest {

    @Test
    void aScryptMinerShowsItsHashrateAndEfficiencyInItsOwnUnit() {
        MinerRow sha = row("s", RowStatus.MINING, "r", "S19", 104.25, false);
        MinerRow base = row("l7", RowStatus.MINING, "r", "L7", 0.0095, false);
        MinerRow scrypt = new MinerRow(base.id(), base.status(), base.modelId(), base.modelName(), Algorithm.SCRYPT,
                base.roomId(), base.position(), 0.0095, 100.0, 3_425.0, 3_425 / 0.0095, null, null, null, null, null,
                null, null, null, null, false);

        assertEquals("104.3", MinerRowText.hashrate(sha));
        assertEquals("9,500.0 MH/s", MinerRowText.hashrate(scrypt));
        assertEquals("0.361 J/MH", MinerRowText.efficiency(scrypt));
        assertEquals(MinerRowText.MISSING, MinerRowText.number(null, 1));
    }

    @Test
    void agesAndUptimesUseTheLargestSensibleUnit() {
        assertEquals("42 s ago", MinerRowText.age(Duration.ofSeconds(42)));
        assertEquals("12 min ago", MinerRowText.age(Duration.ofMinutes(12)));
        assertEquals("5 h ago", MinerRowText.age(Duration.ofHours(5)));
        assertEquals("never", MinerRowText.age(null));
        assertEquals("3d 4h", MinerRowText.uptime(Duration.ofHours(76)));
        assertEquals("5h 12m", MinerRowText.uptime(Duration.ofMinutes(312)));
        assertEquals("42m", MinerRowText.uptime(Duration.ofMinutes(42)));
    }
}

package io.hashdesk.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoolEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"stratum+tcp://btc.viabtc.io:3333", "BTC.ViaBTC.io:3333", " stratum+ssl://btc.viabtc.io:3333/ ",
            "tcp://btc.viabtc.io:3333", "stratum2+tcp://btc.viabtc.io:3333"})
    void theUrlAMinerReportsAndTheOneAnOperatorTypesReadAsTheSameEndpoint(String url) {
        assertEquals(new PoolEndpoint("btc.viabtc.io", 3333), PoolEndpoint.parse(url));
    }

    @Test
    void aUrlWithoutAPortMatchesEveryPortOfItsHostButNoOtherHost() {
        PoolEndpoint anyPort = PoolEndpoint.parse("ltc.example.org");
        assertNull(anyPort.port());
        assertTrue(anyPort.matches(PoolEndpoint.parse("ltc.example.org:8888")));
        assertFalse(PoolEndpoint.parse("ltc.example.org:3333").matches(PoolEndpoint.parse("ltc.example.org:8888")));
        assertFalse(anyPort.matches(PoolEndpoint.parse("btc.example.org:3333")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "stratum+tcp://", "user:pass@pool.example.com:3333", "pool.example.com:99999",
            "pool example.com", "http://pool.example.com:3333/path"})
    void somethingThatIsNotAPoolUrlIsRefusedWithTheUrlInTheMessage(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolEndpoint.parse(url));
        assertTrue(e.getMessage().contains(url.strip()) || url.isBlank(), e.getMessage());
    }
}

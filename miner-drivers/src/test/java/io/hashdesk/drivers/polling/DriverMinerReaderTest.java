package io.hashdesk.drivers.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerDriverFactory;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriverMinerReaderTest {

    private static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");
    private static final Miner MINER = miner(new MinerAddress("127.0.0.1", 8080, 4028));

    /** A factory whose drivers answer readSnapshot with what the test sets, and record what happened. */
    private static final class FakeFactory implements MinerDriverFactory {
        final List<String> events = new ArrayList<>();
        Failure failWith;
        MinerStatus status = MinerStatus.MINING;

        @Override
        public MinerDriver open(MinerAddress address, MinerCredentials credentials) {
            events.add("open " + address.httpPort());
            return (MinerDriver) Proxy.newProxyInstance(MinerDriver.class.getClassLoader(), new Class<?>[] {MinerDriver.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "readSnapshot" -> {
                            events.add("read");
                            if (failWith != null) {
                                throw new MinerAccessException(failWith, "fake " + failWith);
                            }
                            yield new TelemetrySnapshot((MinerId) args[0], AT, status, 100.0, null, List.of(), null, null,
                                    List.of(), null, null, null, null, null, null, null, null, null, null);
                        }
                        case "close" -> {
                            events.add("close " + address.httpPort());
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public void close() {
            events.add("factory closed");
        }
    }

    private final FakeFactory web = new FakeFactory();
    private final FakeFactory rpc = new FakeFactory();
    private final DriverMinerReader reader = new DriverMinerReader(web, rpc, m -> MinerCredentials.vnishDefault());

    @Test
    void readsThroughTheWebApiAndReusesTheDriverFromPollToPoll() throws Exception {
        assertEquals(MinerStatus.MINING, reader.read(MINER).status());
        reader.read(MINER);
        assertEquals(List.of("open 8080", "read", "read"), web.events);
        assertEquals(List.of("open 8080"), rpc.events);
    }

    @Test
    void fallsBackToTheRpcWhenTheWebApiIsDownOrGarbled() throws Exception {
        for (Failure failure : List.of(Failure.UNREACHABLE, Failure.MALFORMED_REPLY, Failure.UNSUPPORTED)) {
            web.failWith = failure;
            rpc.status = MinerStatus.STOPPED;
            assertEquals(MinerStatus.STOPPED, reader.read(MINER).status(), failure.name());
        }
    }

    @Test
    void aTimeoutOrRefusedPasswordIsReportedWithoutTryingTheRpc() {
        for (Failure failure : List.of(Failure.TIMEOUT, Failure.AUTH_FAILED, Failure.REJECTED)) {
            web.failWith = failure;
            MinerAccessException e = assertThrows(MinerAccessException.class, () -> reader.read(MINER));
            assertSame(failure, e.failure());
        }
        assertEquals(List.of("open 8080"), rpc.events);
    }

    @Test
    void aReadThePollerGaveUpOnIsNotRetriedThroughTheRpc() {
        web.failWith = Failure.UNREACHABLE;
        Thread.currentThread().interrupt();
        try {
            MinerAccessException e = assertThrows(MinerAccessException.class, () -> reader.read(MINER));
            assertSame(Failure.UNREACHABLE, e.failure());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of("open 8080"), rpc.events);
    }

    @Test
    void whenBothFailTheWebFailureIsReportedWithTheRpcOneAttached() {
        web.failWith = Failure.UNREACHABLE;
        rpc.failWith = Failure.UNREACHABLE;
        MinerAccessException e = assertThrows(MinerAccessException.class, () -> reader.read(MINER));
        assertEquals("fake UNREACHABLE", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void aMinerThatMovedGetsNewDriversAndTheOldOnesAreClosed() throws Exception {
        reader.read(MINER);
        reader.read(miner(new MinerAddress("127.0.0.1", 9090, 4028)));
        assertEquals(List.of("open 8080", "read", "close 8080", "open 9090", "read"), web.events);
        reader.close();
        assertEquals("close 9090", web.events.getLast());
    }

    private static Miner miner(MinerAddress address) {
        return new Miner(MinerId.of("m-1"), "site", new RackPosition("room", "R1", 1, 1), address, "antminer-s19",
                "Vnish 1.2.6", Optional.empty());
    }
}

package io.hashdesk.core.market;

import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every provider test stands on: a server on 127.0.0.1 replaying recorded replies, a farm store in a temporary
 * folder (reopened to prove what survives a restart) and a clock the test moves.
 */
abstract class RecordedProviderTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;
    final MockWebServer server = new MockWebServer();
    final MutableClock clock = new MutableClock(T0);
    SqliteFarmStore farm;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        openStore();
    }

    @AfterEach
    void stop() {
        farm.close();
        server.close();
    }

    void openStore() {
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
    }
}

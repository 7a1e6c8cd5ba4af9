package io.hashdesk.drivers.vnish;

import io.hashdesk.drivers.api.DriverOptions;
import java.time.Duration;

/** Short timeouts so tests that wait for one finish quickly. */
final class TestOptions {

    private TestOptions() {
    }

    static DriverOptions fast() {
        return DriverOptions.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800),
                Duration.ofSeconds(3));
    }
}

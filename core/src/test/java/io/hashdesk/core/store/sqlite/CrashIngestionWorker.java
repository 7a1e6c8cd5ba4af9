package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.StoreSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link CrashDuringIngestionTest}: ingests poll cycles of a synthetic farm as fast as it can,
 * rolling up every simulated hour, and prints {@code COMMITTED <n>} after each batch's transaction has
 * committed, until it is killed.
 */
public final class CrashIngestionWorker {

    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    static final long SEED = 7;

    private CrashIngestionWorker() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int miners = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        MutableClock clock = new MutableClock(START);
        SqliteFarmStore farm = SqliteFarmStore.open(db, StoreSettings.defaults(), clock);
        SyntheticFarm synthetic = new SyntheticFarm(miners, SEED);
        synthetic.register(farm.registry());
        out.println("READY");
        out.flush();
        for (int batch = 0; ; batch++) {
            Instant at = batchTime(batch);
            clock.set(at);
            List<TelemetrySnapshot> cycle = synthetic.pollCycle(at);
            IngestReport report = farm.telemetry().ingest(cycle);
            if (!report.allStored()) {
                throw new IllegalStateException("Worker data was rejected: " + report.rejected().getFirst());
            }
            out.println("COMMITTED " + batch);
            out.flush();
            if (batch % 60 == 59) {
                farm.telemetry().maintain(at.plus(Duration.ofMinutes(3)));
                out.println("MAINTAINED " + batch);
                out.flush();
            }
        }
    }

    static Instant batchTime(int batch) {
        return START.plus(Duration.ofMinutes(batch));
    }
}

package io.hashdesk.core.bench;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.core.store.sqlite.SyntheticFarm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Ingestion throughput: one operation is one poll cycle of {@code miners} snapshots with 3 hashboards each,
 * stored in one transaction, on a database in steady state (maintenance rolls up every simulated hour,
 * outside the measurement, as the app's scheduler does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {

    @Param("1000")
    public int miners;

    private Path dir;
    private SqliteFarmStore farm;
    private MutableClock clock;
    private SyntheticFarm synthetic;
    private int batch;
    private List<TelemetrySnapshot> next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("hashdesk-bench");
        clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        farm = SqliteFarmStore.open(dir.resolve("bench.db"), StoreSettings.defaults(), clock);
        synthetic = new SyntheticFarm(miners, 1);
        synthetic.register(farm.registry());
    }

    @Setup(Level.Invocation)
    public void nextCycle() {
        Instant at = Instant.parse("2026-06-01T00:00:00Z").plus(Duration.ofMinutes(batch));
        if (batch % 60 == 0 && batch > 0) {
            farm.telemetry().maintain(at);
        }
        clock.set(at);
        next = synthetic.pollCycle(at);
        batch++;
    }

    @Benchmark
    public IngestReport ingestPollCycle() {
        IngestReport report = farm.telemetry().ingest(next);
        if (!report.allStored()) {
            throw new IllegalStateException("benchmark data was rejected: " + report.rejected().getFirst());
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        farm.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}

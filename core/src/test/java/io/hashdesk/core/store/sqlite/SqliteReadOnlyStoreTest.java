package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console opening the data folder read-only while the site agent writes to it: two stores on one file, the
 * writer as the agent runs it and the reader as the console does.
 */
class SqliteReadOnlyStoreTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir
    Path dir;
    Path file;
    MutableClock clock;
    SqliteFarmStore writer;
    SqliteFarmStore reader;
    SyntheticFarm farm;

    @BeforeEach
    void openBoth() {
        file = dir.resolve("hashdesk.db");
        clock = new MutableClock(T0);
        writer = SqliteFarmStore.open(file, StoreSettings.defaults(), clock);
        farm = new SyntheticFarm(3, 11);
        farm.register(writer.registry());
        writer.telemetry().ingest(farm.pollCycle(T0));
        reader = SqliteFarmStore.openReadOnly(file, StoreSettings.defaults(), clock);
    }

    @AfterEach
    void closeBoth() {
        reader.close();
        writer.close();
    }

    @Test
    void theReaderSeesWhatTheWriterCommittedBeforeItOpened() {
        assertThat(reader.readOnly()).isTrue();
        assertThat(reader.registry().miners()).hasSize(3);
        assertThat(reader.telemetry().latest().get(SyntheticFarm.id(0)).takenAt()).isEqualTo(T0);
    }

    @Test
    void theReaderSeesNewSnapshotsAndMinersOnceTheWriterCommits() {
        Instant next = T0.plus(Duration.ofMinutes(1));
        clock.set(next);
        writer.telemetry().ingest(farm.pollCycle(next));
        Miner added = new Miner(MinerId.of("late-1"), SyntheticFarm.SITE, new RackPosition(SyntheticFarm.ROOM, "R9", 1, 1),
                new MinerAddress("127.0.0.1", 8080, 4028), "antminer-s19j-pro", "Vnish 1.2.6", Optional.empty());
        writer.registry().saveMiner(added);
        writer.energy().saveTariff(Tariff.flat("Site rate", "EUR", ZoneOffset.UTC, 0.11));
        writer.energy().activateTariff("Site rate");

        assertThat(reader.telemetry().latest().get(SyntheticFarm.id(2)).takenAt()).isEqualTo(next);
        assertThat(reader.telemetry().fleetSummary(next, id -> null).registeredMiners()).isEqualTo(4);
        assertThat(reader.registry().miner(MinerId.of("late-1"))).contains(added);
        assertThat(reader.energy().activeTariff()).map(Tariff::name).contains("Site rate");
    }

    @Test
    void everyWriteThroughTheReaderFailsSayingItIsReadOnly() {
        Instant next = T0.plus(Duration.ofMinutes(1));
        clock.set(next);

        assertThatThrownBy(() -> reader.telemetry().ingest(farm.pollCycle(next)))
                .isInstanceOf(StoreException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> reader.registry().removeMiner(SyntheticFarm.id(0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> reader.energy().saveTariff(Tariff.flat("Mine", "USD", ZoneOffset.UTC, 0.05)))
                .isInstanceOf(StoreException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> reader.telemetry().maintain(next.plus(Duration.ofHours(3))))
                .isInstanceOf(StoreException.class).hasMessageContaining("read-only");
        assertThat(writer.registry().miners()).hasSize(3);
        assertThat(writer.telemetry().latest().get(SyntheticFarm.id(0)).takenAt()).isEqualTo(T0);
    }

    @Test
    void theWriterKeepsCommittingWhileTheReaderReads() {
        for (int minute = 1; minute <= 5; minute++) {
            Instant at = T0.plus(Duration.ofMinutes(minute));
            clock.set(at);
            assertThat(writer.telemetry().ingest(farm.pollCycle(at)).allStored()).isTrue();
            assertThat(reader.telemetry().latest().get(SyntheticFarm.id(1)).takenAt()).isEqualTo(at);
        }
    }

    @Test
    void aFileAtAnOlderSchemaIsRefusedWithoutTouchingIt() throws Exception {
        Path old = dir.resolve("old.db");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE miner (num INTEGER PRIMARY KEY)");
            st.execute("PRAGMA user_version = " + (SchemaMigrations.latestVersion() - 1));
        }
        byte[] before = Files.readAllBytes(old);

        assertThatThrownBy(() -> SqliteFarmStore.openReadOnly(old, StoreSettings.defaults(), clock))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version " + (SchemaMigrations.latestVersion() - 1))
                .hasMessageContaining("read-only open cannot upgrade it");
        assertThat(Files.readAllBytes(old)).isEqualTo(before);
    }

    @Test
    void aMissingFileIsNotCreatedByAReadOnlyOpen() {
        Path missing = dir.resolve("nothing-here.db");

        assertThatThrownBy(() -> SqliteFarmStore.openReadOnly(missing, StoreSettings.defaults(), clock))
                .isInstanceOf(StoreException.class).hasMessageContaining("no database at " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void schemaVersionIsThisBuildsOnBothSides() {
        assertThat(List.of(writer.schemaVersion(), reader.schemaVersion()))
                .containsOnly(SchemaMigrations.latestVersion());
    }
}

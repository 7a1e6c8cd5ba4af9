package io.hashdesk.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.sim.server.SimulatorServer;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The poller's reader against the simulator on 127.0.0.1, with a miner whose password is not the factory one. */
class VaultMinerReaderTest {

    private static final String PASSWORD = "Kz9-hall-b-unlock";

    @TempDir
    Path dir;

    private SimulatedFleet fleet;
    private SimulatorServer server;
    private SqliteFarmStore store;
    private VnishDrivers web;
    private CgminerRpcDrivers rpc;
    private VaultMinerReader reader;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        MinerBlueprint plain = MinerBlueprint.of("m-01", "antminer-s19j-pro", "1.2.7", 11);
        MinerBlueprint secured = new MinerBlueprint(plain.id(), plain.modelId(), plain.firmware(), plain.seed(),
                plain.room(), plain.preset(), plain.tunedPresets(), plain.pools(), PASSWORD, plain.ageDays(),
                plain.dustDays(), plain.dustRatePerDay(), plain.wornFans(), plain.boardFailures(), plain.faults(),
                plain.rpcUnanswered());
        fleet = SimulatedFleet.create(SimulationClock.manual(Instant.parse("2026-11-23T12:00:00Z")), List.of(secured), 23);
        server = SimulatorServer.start(fleet);
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        DriverOptions options = DriverOptions.defaults();
        web = new VnishDrivers(options);
        rpc = new CgminerRpcDrivers(options);
        reader = new VaultMinerReader(store.credentials(), web, rpc);
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(log);
        root.setLevel(rootLevel);
        reader.close();
        web.close();
        rpc.close();
        store.close();
        server.close();
        fleet.close();
    }

    private Miner miner(Optional<CredentialsRef> credentials) {
        MinerEndpoint endpoint = server.endpoint("m-01");
        return new Miner(MinerId.of("m-01"), "north", new RackPosition("hall-b", "R1", 1, 1),
                new MinerAddress(endpoint.host(), endpoint.httpPort(), endpoint.rpcPort() > 0 ? endpoint.rpcPort()
                        : MinerAddress.DEFAULT_RPC_PORT), "antminer-s19j-pro", "", credentials);
    }

    @Test
    void aMinerWithAVaultPasswordIsReadWithItAndNotWithTheFactoryDefault() throws Exception {
        assertThatThrownBy(() -> reader.read(miner(Optional.empty())))
                .isInstanceOfSatisfying(MinerAccessException.class,
                        e -> assertThat(e.failure()).isEqualTo(MinerAccessException.Failure.AUTH_FAILED));

        CredentialsRef ref = store.credentials().save("Hall B", Optional.empty(), PASSWORD.toCharArray());
        assertThat(reader.read(miner(Optional.of(ref))).minerId()).isEqualTo(MinerId.of("m-01"));
    }

    @Test
    void aChangedVaultPasswordIsUsedFromTheNextRead() throws Exception {
        CredentialsRef ref = store.credentials().save("Hall B", Optional.empty(), "an-old-password".toCharArray());
        assertThatThrownBy(() -> reader.read(miner(Optional.of(ref)))).isInstanceOf(MinerAccessException.class);

        store.credentials().save("Hall B", Optional.empty(), PASSWORD.toCharArray());
        assertThat(reader.read(miner(Optional.of(ref))).minerId()).isEqualTo(MinerId.of("m-01"));
    }

    @Test
    void anUnreadableVaultEntryFailsAsRefusedCredentialsWithTheVaultsReasonNotTheDefault() throws Exception {
        CredentialsRef ref = store.credentials().save("Hall B", Optional.empty(), PASSWORD.toCharArray());
        store.close();
        Files.delete(dir.resolve("keys/vault.key"));
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        reader.close();
        reader = new VaultMinerReader(store.credentials(), web, rpc);

        assertThatThrownBy(() -> reader.read(miner(Optional.of(ref))))
                .isInstanceOfSatisfying(MinerAccessException.class,
                        e -> assertThat(e.failure()).isEqualTo(MinerAccessException.Failure.AUTH_FAILED))
                .hasMessageContaining("vault key file").hasMessageContaining("re-enter");
    }

    @Test
    void thePasswordNeverReachesTheLog() throws Exception {
        CredentialsRef ref = store.credentials().save("Hall B", Optional.empty(), PASSWORD.toCharArray());
        reader.read(miner(Optional.of(ref)));
        store.credentials().save("Hall B", Optional.empty(), "wrong-one".toCharArray());
        assertThatThrownBy(() -> reader.read(miner(Optional.of(ref)))).isInstanceOf(MinerAccessException.class);

        assertThat(log.list).isNotEmpty();
        assertThat(log.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD).doesNotContain("wrong-one");
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(PASSWORD);
            }
        });
    }
}

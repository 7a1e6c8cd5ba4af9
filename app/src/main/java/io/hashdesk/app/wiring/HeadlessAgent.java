package io.hashdesk.app.wiring;

import io.hashdesk.app.agent.AgentLock;
import io.hashdesk.app.agent.AgentLock.AgentLockException;
import io.hashdesk.app.agent.AgentOptions;
import io.hashdesk.app.agent.AgentSettings;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the headless site agent ({@code Launcher --headless}): the same store and services as the
 * console, without any JavaFX, holding the data folder's {@link AgentLock} so a console opens it read-only. Stops
 * on SIGTERM through a shutdown hook: polling stores its last cycle, the jobs stop, the store closes.
 */
public final class HeadlessAgent implements AutoCloseable {

    /** Exit code when the command line or a settings file is wrong. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the agent could not start: data folder held, database unusable, nothing to poll with. */
    public static final int EXIT_START_FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessAgent.class);

    private final AgentLock lock;
    private final FarmStore store;
    private final FarmServices services;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private HeadlessAgent(AgentLock lock, FarmStore store, FarmServices services) {
        this.lock = lock;
        this.store = store;
        this.services = services;
    }

    /**
     * Runs the agent until the JVM is told to stop. Returns only an exit code for a start that failed (the log says
     * why); after a good start it blocks, and the shutdown hook ends the process.
     */
    public static int run(List<String> args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught failure on thread {}", thread.getName(), error));
        DataFolder dataFolder = DataFolder.forCurrentUser();
        AgentSettings settings;
        try {
            settings = AgentOptions.parse(args).settings(dataFolder.path());
        } catch (IllegalArgumentException e) {
            LOG.error("The site agent cannot start: {}", e.getMessage());
            return EXIT_USAGE;
        }
        HeadlessAgent agent;
        try {
            agent = start(dataFolder, settings, Clock.systemUTC());
        } catch (AgentLockException e) {
            LOG.error("The site agent cannot start: {}", e.getMessage());
            return EXIT_START_FAILED;
        } catch (StoreException | IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: a settings file in the data folder is invalid; the message names it
            LOG.error("The site agent cannot start: {}", e.getMessage(), e);
            return EXIT_START_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "agent-shutdown"));
        agent.awaitClose();
        return 0;
    }

    /**
     * Takes the data folder's agent lock, opens (and migrates) the store and starts the services.
     *
     * @throws AgentLockException  when another live agent holds the folder
     * @throws StoreException      when the database cannot be opened
     * @throws IllegalArgumentException when a settings file in the data folder is invalid
     * @throws IllegalStateException when polling could not start, which leaves the agent nothing to do
     */
    public static HeadlessAgent start(DataFolder dataFolder, AgentSettings settings, Clock clock) {
        BuildInfo build = BuildInfo.load();
        LOG.info("Hashdesk site agent {} starting on Java {}; data folder {} ({}); {}", build.version(),
                Runtime.version(), dataFolder.path(), dataFolder.source(), settings);
        AgentLock lock = AgentLock.acquire(dataFolder.path());
        FarmStore store = null;
        try {
            StoreSettings storeSettings = FarmServices.storeSettings(dataFolder.path());
            store = SqliteFarmStore.open(dataFolder.databaseFile(), storeSettings, clock);
            FarmServices services = FarmServices.start(store, dataFolder, storeSettings, settings.demoFarm(),
                    settings.marketAndProfit(), FarmServices.alertMonitor(store, dataFolder.path(), clock),
                    Optional.empty(), clock);
            if (!services.polling()) {
                services.close();
                throw new IllegalStateException("Polling could not start (see above), so the agent has nothing to do");
            }
            HeadlessAgent agent = new HeadlessAgent(lock, store, services);
            LOG.info("Site agent polling {} registered miners (pid {}{})", store.registry().miners().size(), lock.pid(),
                    services.demoFarm() ? ", demo farm on" : "");
            return agent;
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitClose() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling (its last cycle is stored), the jobs and the demo farm, closes the store, releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Site agent stopping");
        try {
            services.close();
            store.close();
        } finally {
            lock.close();
            LOG.info("Site agent stopped; the store is closed and the data folder released");
            stopped.countDown();
        }
    }
}

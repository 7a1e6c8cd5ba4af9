package io.hashdesk.app.wiring;

import io.hashdesk.app.actions.ExecutorActionConsole;
import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionPlanner;
import io.hashdesk.core.action.ActionRecord;
import io.hashdesk.core.action.ActionRecovery;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.ActionValidator;
import io.hashdesk.core.action.Sleeper;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.reco.EconomicAdviceSettings;
import io.hashdesk.core.reco.EconomicEvidence;
import io.hashdesk.core.reco.EconomicEvidenceSource;
import io.hashdesk.core.reco.FarmEvidence;
import io.hashdesk.core.reco.OutcomeMeasurement;
import io.hashdesk.core.reco.PassReport;
import io.hashdesk.core.reco.PolicyBacktest;
import io.hashdesk.core.reco.RecommendationApplier;
import io.hashdesk.core.reco.RecommendationEngine;
import io.hashdesk.core.reco.RecommendationSchedule;
import io.hashdesk.core.reco.RecommendationSettings;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.drivers.action.DriverSettingsPort;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.vnish.VnishDrivers;
import io.hashdesk.ml.advice.FarmEvidenceBuilder;
import io.hashdesk.ml.registry.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Recommendations and the actions that apply them, as the app runs them: the safe executor writing to miners through
 * their drivers with each miner's password from the vault, and the engine's scheduled passes over evidence from the
 * champion models and the farm's economics. Once the miners are reachable, actions a previous run left unfinished
 * are recovered (every miner back to "old" or "new", as the journal says), retried while a miner of one does not
 * answer, and their recommendations settled. Closed before the store.
 */
final class AdviceAndActions implements AutoCloseable {

    /** How far back to settle recommendations whose action ended while the app was down. */
    private static final Duration SETTLE_LOOK_BACK = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(AdviceAndActions.class);

    private final FarmStore store;
    private final DataFolder folder;
    private final Clock clock;
    private final VnishDrivers web;
    private final VaultDriverSource drivers;
    private final ExecutorActionConsole console;
    private final Runnable recovery;
    private final Duration recoveryRetryEvery;
    private final ScheduledExecutorService recoveryTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("action-recovery").factory());
    private volatile RecommendationSchedule schedule;

    private AdviceAndActions(FarmStore store, DataFolder folder, Clock clock, VnishDrivers web,
                             VaultDriverSource drivers, ExecutorActionConsole console, Runnable recovery,
                             Duration recoveryRetryEvery) {
        this.store = store;
        this.folder = folder;
        this.clock = clock;
        this.web = web;
        this.drivers = drivers;
        this.console = console;
        this.recovery = recovery;
        this.recoveryRetryEvery = recoveryRetryEvery;
    }

    /**
     * The executor over an open, writable store; recovery and recommendations start later ({@link #startRecovery},
     * {@link #startAdvice}). Throws naming the file when a settings file is invalid.
     */
    static AdviceAndActions open(FarmStore store, DataFolder folder, Clock clock) {
        Path dataFolder = folder.path();
        ActionSettings actionSettings = ActionSettings.load(dataFolder);
        VnishDrivers web = new VnishDrivers(DriverOptions.defaults());
        VaultDriverSource drivers = new VaultDriverSource(store.registry(), store.credentials(), web);
        DriverSettingsPort port = new DriverSettingsPort(drivers);
        ActionValidator validator = new ActionValidator(MinerModelCatalog.bundled(), actionSettings);
        ActionPlanner planner = new ActionPlanner(validator, actionSettings, ActionPlanner.roomsOf(store.registry()),
                clock);
        ActionExecutor executor = new ActionExecutor(port, store.actions(), validator, planner, actionSettings, clock,
                Sleeper.system());
        RecommendationApplier applier = new RecommendationApplier(store.recommendations(), store.actions(), executor,
                planner, port, clock);
        ExecutorActionConsole console = new ExecutorActionConsole(applier, executor, store.actions(),
                store.recommendations(), actionSettings, clock);

        ActionRecovery recovery = new ActionRecovery(port, store.actions(), validator, actionSettings, clock,
                Sleeper.system());
        return new AdviceAndActions(store, folder, clock, web, drivers, console, () -> recoverUnfinished(recovery,
                applier), actionSettings.recoveryRetryEvery());
    }

    /**
     * As {@link #open}, or null (logged) when its settings are invalid: the console then runs without the inbox and
     * the Actions screen, and the log names the file to fix.
     */
    static AdviceAndActions openOrNull(FarmStore store, DataFolder folder, Clock clock) {
        try {
            return open(store, folder, clock);
        } catch (RuntimeException e) {
            LOG.error("Actions cannot be applied: {}", e.getMessage(), e);
            return null;
        }
    }

    /**
     * Recovers what a previous run left unfinished, now and then again while a miner of such an action does not
     * answer. Called once the miners are reachable: the demo farm's simulators, for one, get new ports every start.
     */
    void startRecovery() {
        recoveryTimer.scheduleWithFixedDelay(recovery, 0, recoveryRetryEvery.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Starts the recommendation passes (at once, then every interval); throws naming the file when a settings file
     * is invalid.
     *
     * @param registry the model registry, when model training started (without it the passes see no model evidence)
     */
    void startAdvice(Optional<ModelRegistry> registry) {
        Path dataFolder = folder.path();
        MinerModelCatalog catalog = MinerModelCatalog.bundled();
        CoinCatalog coins = CoinCatalog.bundled();
        RecommendationSettings recoSettings = RecommendationSettings.load(dataFolder);
        EconomicAdviceSettings economicSettings = EconomicAdviceSettings.inDataFolder(dataFolder);
        ProfitSettings profitSettings = ProfitSettings.inDataFolder(dataFolder);
        MarketSettings marketSettings = MarketSettings.withOverrides(
                dataFolder.resolve(MarketAndProfit.MARKET_SETTINGS_FILE));
        EconomicEvidenceSource economics = new EconomicEvidenceSource(store, coins, catalog, profitSettings,
                marketSettings.staleAfter(), economicSettings);
        Optional<FarmEvidenceBuilder> models = registry.map(r -> new FarmEvidenceBuilder(store, r, catalog,
                dataFolder));
        PolicyBacktest backtest = new PolicyBacktest(store, coins, catalog, profitSettings,
                economicSettings.backtestWindow());
        RecommendationEngine engine = new RecommendationEngine(
                RecommendationEngine.allAdvisors(recoSettings, economicSettings, backtest), store.recommendations(),
                new OutcomeMeasurement(store.telemetry(), recoSettings.outcomes()), recoSettings);
        RecommendationSchedule started = new RecommendationSchedule(engine,
                () -> evidence(economics, models, clock.instant()), clock, recoSettings.runInterval(),
                AdviceAndActions::log);
        started.start();
        schedule = started;
        LOG.info("Recommendations every {}{}", recoSettings.runInterval(),
                registry.isPresent() ? "" : " (without model evidence: model training did not start)");
    }

    private static FarmEvidence evidence(EconomicEvidenceSource economics, Optional<FarmEvidenceBuilder> models,
                                         Instant now) {
        EconomicEvidence economic = economics.gather(now);
        return models.map(m -> m.build(now, economic)).orElseGet(() ->
                new FarmEvidence(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), economic));
    }

    /** Recovers what a previous run left unfinished; runs at start and again while a miner of one does not answer. */
    private static void recoverUnfinished(ActionRecovery recovery, RecommendationApplier applier) {
        try {
            List<ActionRecord> recovered = recovery.recover();
            long waiting = recovered.stream().filter(a -> a.state() == ActionState.NEEDS_RECOVERY).count();
            if (!recovered.isEmpty()) {
                LOG.info("Recovered {} unfinished action(s); {} still wait for a miner to answer", recovered.size(),
                        waiting);
            }
            int settled = applier.settleFinished(SETTLE_LOOK_BACK);
            if (settled > 0) {
                LOG.info("Settled {} recommendation(s) whose action ended while the app was down", settled);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the next round tries again; the journal keeps every unfinished action until then
            LOG.error("Recovering unfinished actions failed; trying again later", e);
        }
    }

    /** The engine logs each pass's figures; an advisor's failure is said here too, where operators look. */
    private static void log(PassReport report) {
        report.failures().forEach(failure -> LOG.warn("Recommendation pass: {}", failure));
    }

    /**
     * A pass now (the inbox's "Run now"), after any pass already running; blocks until it ends.
     *
     * @throws IllegalStateException before the recommendation passes have started
     */
    PassReport runNow() {
        RecommendationSchedule running = schedule;
        if (running == null) {
            throw new IllegalStateException("Recommendations start with polling and the models; try again in a"
                    + " moment");
        }
        return running.runNow().join();
    }

    /** What the inbox and the Actions screen apply, follow and roll back through. */
    ExecutorActionConsole console() {
        return console;
    }

    @Override
    public void close() {
        RecommendationSchedule running = schedule;
        if (running != null) {
            running.close();
        }
        recoveryTimer.shutdownNow();
        drivers.close();
        web.close();
    }
}

package io.hashdesk.app.market;

import io.hashdesk.app.common.FileDialogs;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.common.WhileShown;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.ManualMarketEntry;
import io.hashdesk.core.market.MarketCsvImport;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.store.FarmStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Market &amp; energy section put together: view-models over the store's market and energy data, the views, and
 * a live refresh that runs only while the screen is shown. The screen always has something to show (its forms are
 * how data gets in), so the shell never replaces it with the empty state.
 */
public final class MarketScreen implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketScreen.class);

    private final MarketReader reader;
    private final MarketViewModel market;
    private final TariffEditorViewModel tariff;
    private final JobRunner jobs;
    private final Executor fx;
    private final MarketScreenSettings settings;
    private final MarketView view;
    private LiveRefresh<MarketPicture> refresh;
    private boolean tariffLoaded;

    /**
     * @param providers the market data providers' outcomes ({@link ProviderOutcomes#statuses()}), read in the
     *                  background; {@code List::of} when market data is not running
     * @param siteZone  the zone a new tariff is read in (the site's)
     * @param files     asks which CSV file to import
     */
    public MarketScreen(FarmStore store, CoinCatalog coins, MarketSettings marketSettings,
                        Supplier<List<ProviderStatus>> providers, ZoneId siteZone, JobRunner jobs, Clock clock,
                        FileDialogs files) {
        this(store, coins, marketSettings, providers, siteZone, jobs, clock, files, FxExecutor.fx(),
                MarketScreenSettings.defaults());
    }

    MarketScreen(FarmStore store, CoinCatalog coins, MarketSettings marketSettings,
                 Supplier<List<ProviderStatus>> providers, ZoneId siteZone, JobRunner jobs, Clock clock,
                 FileDialogs files, Executor fx, MarketScreenSettings settings) {
        this.jobs = jobs;
        this.fx = fx;
        this.settings = settings;
        this.reader = new MarketReader(store.market(), store.energy(), coins, marketSettings.staleAfter(), providers,
                settings.cheapWindowHours(), clock);
        ZoneId displayZone = ZoneId.systemDefault();
        this.market = new MarketViewModel(marketSettings.staleAfter(), displayZone);
        ManualEntryViewModel manual = new ManualEntryViewModel(
                new ManualMarketEntry(coins, store.market(), marketSettings, clock),
                coins.all().stream().map(Coin::symbol).toList(), jobs, clock, displayZone, this::refreshNow);
        CsvImportViewModel csv = new CsvImportViewModel(new MarketCsvImport(coins, store.market(), marketSettings,
                clock), jobs, this::refreshNow);
        this.tariff = new TariffEditorViewModel(store.energy(), jobs, siteZone, clock, this::refreshNow);
        this.view = new MarketView(market, manual, csv, tariff, files);
        WhileShown.bind(view.root(), this::activate, this::deactivate);
    }

    public Node root() {
        return view.root();
    }

    /** The screen for the shell's MARKET section. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    /** Re-reads everything now, in the background, e.g. after a save. */
    public void refreshNow() {
        jobs.submit("Read market data", context -> reader.read(), this::show,
                e -> LOG.warn("Reading market data failed; the screen keeps its last figures: {}", e.getMessage()));
    }

    void activate() {
        if (refresh == null) {
            refresh = new LiveRefresh<>("market", reader::read, this::show, fx).start(settings.refresh());
        }
    }

    void deactivate() {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    private void show(MarketPicture picture) {
        market.update(picture);
        if (!tariffLoaded) {
            picture.energy().ifPresent(outlook -> tariff.load(outlook.tariff()));
            tariffLoaded = picture.energy().isPresent();
        }
    }

    MarketViewModel marketViewModel() {
        return market;
    }

    @Override
    public void close() {
        deactivate();
    }
}

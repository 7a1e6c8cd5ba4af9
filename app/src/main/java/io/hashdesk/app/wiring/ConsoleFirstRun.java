package io.hashdesk.app.wiring;

import io.hashdesk.app.welcome.ElectricityPrice;
import io.hashdesk.app.welcome.FirstRunSetup;
import io.hashdesk.app.welcome.WelcomeChoice;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.store.FarmStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's side of the first-run welcome: suggests the active flat tariff's price (or the price profit assumes
 * without a tariff), stores the confirmed price as the active flat tariff, remembers the choice in
 * {@code app-settings.json}, then starts the farm's services with or without the demo farm.
 */
final class ConsoleFirstRun implements FirstRunSetup {

    /** The name of the tariff the welcome writes; confirming again replaces it. */
    static final String TARIFF_NAME = "Flat rate";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFirstRun.class);

    private final FarmStore store;
    private final Path dataFolder;
    private final ZoneId siteZone;
    private final ElectricityPrice suggested;
    private final Consumer<Boolean> startServices;

    /**
     * Reads the suggestion from the store, so construct it off the FX thread.
     *
     * @param startServices starts polling and the jobs, with the demo farm when given true
     */
    ConsoleFirstRun(FarmStore store, Path dataFolder, ProfitSettings profit, ZoneId siteZone,
                    Consumer<Boolean> startServices) {
        this.store = Objects.requireNonNull(store, "store");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.siteZone = Objects.requireNonNull(siteZone, "siteZone");
        this.startServices = Objects.requireNonNull(startServices, "startServices");
        this.suggested = activeFlatPrice().orElseGet(() -> new ElectricityPrice(profit.fallbackTariff().pricePerKwh(),
                profit.fallbackTariff().currency()));
    }

    private Optional<ElectricityPrice> activeFlatPrice() {
        return store.energy().activeTariff()
                .filter(tariff -> tariff.energy() instanceof FlatPrice && tariff.demandCharges().isEmpty())
                .map(tariff -> new ElectricityPrice(((FlatPrice) tariff.energy()).pricePerKwh(), tariff.currency()));
    }

    @Override
    public ElectricityPrice suggestedPrice() {
        return suggested;
    }

    @Override
    public void complete(WelcomeChoice choice) throws IOException {
        // an operator's own tariff stays active unless they typed another price
        if (choice.priceEdited() || store.energy().activeTariff().isEmpty()) {
            ElectricityPrice price = choice.price();
            store.energy().saveTariff(Tariff.flat(TARIFF_NAME, price.currency(), siteZone, price.pricePerKwh()));
            store.energy().activateTariff(TARIFF_NAME);
            LOG.info("Electricity priced at {} {}/kWh from the welcome", price.pricePerKwh(), price.currency());
        }
        AppSettings.rememberWelcome(dataFolder, choice.demoFarm());
        LOG.info("First run: {}", choice.demoFarm() ? "starting with the demo farm" : "polling real miners only");
        startServices.accept(choice.demoFarm());
    }
}

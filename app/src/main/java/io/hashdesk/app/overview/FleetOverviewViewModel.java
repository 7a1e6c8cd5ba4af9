package io.hashdesk.app.overview;

import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.store.FleetSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The farm at a glance, from the latest fleet summary: totals, efficiency, how many miners are mining or not,
 * the hottest chip and how fresh the data is. Fed by a live refresh; touches no node.
 */
public final class FleetOverviewViewModel {

    /** Miners listed by name in the profit details before the rest are counted. */
    private static final int DETAIL_LINES = 5;

    private final Clock clock;
    private final ReadOnlyBooleanWrapper hasMiners = new ReadOnlyBooleanWrapper(this, "hasMiners");
    private final ReadOnlyDoubleWrapper hashrateThs = new ReadOnlyDoubleWrapper(this, "hashrateThs");
    private final ReadOnlyStringWrapper otherAlgorithms = new ReadOnlyStringWrapper(this, "otherAlgorithms", "");
    private final ReadOnlyDoubleWrapper powerKilowatts = new ReadOnlyDoubleWrapper(this, "powerKilowatts");
    private final ReadOnlyDoubleWrapper efficiencyJPerTh = new ReadOnlyDoubleWrapper(this, "efficiencyJPerTh");
    private final ReadOnlyIntegerWrapper mining = new ReadOnlyIntegerWrapper(this, "mining");
    private final ReadOnlyIntegerWrapper notMining = new ReadOnlyIntegerWrapper(this, "notMining");
    private final ReadOnlyStringWrapper statusBreakdown = new ReadOnlyStringWrapper(this, "statusBreakdown", "");
    private final ReadOnlyDoubleWrapper hottestChipC = new ReadOnlyDoubleWrapper(this, "hottestChipC");
    private final ReadOnlyStringWrapper hottestMiner = new ReadOnlyStringWrapper(this, "hottestMiner", "");
    private final ReadOnlyDoubleWrapper profitPerDay = new ReadOnlyDoubleWrapper(this, "profitPerDay");
    private final ReadOnlyStringWrapper profitUnit = new ReadOnlyStringWrapper(this, "profitUnit", "");
    private final ReadOnlyStringWrapper profitSummary = new ReadOnlyStringWrapper(this, "profitSummary",
            "Working out profit…");
    private final ReadOnlyStringWrapper profitDetails = new ReadOnlyStringWrapper(this, "profitDetails", "");
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "No telemetry yet");
    private final ReadOnlyBooleanWrapper alertsAvailable = new ReadOnlyBooleanWrapper(this, "alertsAvailable");
    private final ReadOnlyIntegerWrapper activeAlerts = new ReadOnlyIntegerWrapper(this, "activeAlerts");
    private final ReadOnlyStringWrapper alertsSummary = new ReadOnlyStringWrapper(this, "alertsSummary", "");
    private Runnable onOpenAlerts = () -> { };

    public FleetOverviewViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Takes a new summary; call on the FX thread. */
    public void update(FleetSummary summary) {
        hasMiners.set(summary.registeredMiners() > 0);
        hashrateThs.set(summary.sha256HashrateThs());
        otherAlgorithms.set(otherAlgorithms(summary));
        powerKilowatts.set(summary.powerWatts() / 1000.0);
        efficiencyJPerTh.set(summary.efficiencyJPerTh() == null ? 0 : summary.efficiencyJPerTh());
        mining.set(summary.count(MinerStatus.MINING));
        notMining.set(summary.registeredMiners() - summary.count(MinerStatus.MINING));
        statusBreakdown.set(breakdown(summary));
        hottestChipC.set(summary.chipTempMaxC() == null ? 0 : summary.chipTempMaxC());
        hottestMiner.set(summary.hottestChipMiner() == null ? "" : summary.hottestChipMiner().value());
        freshness.set(freshness(summary.newestSnapshot(), summary.staleMiners()));
    }

    /** Takes a new profit projection (the next 24 h at the current state); call on the FX thread. */
    public void updateProfit(FarmProfitReport report) {
        profitPerDay.set(report.profit().fleet().profit());
        profitUnit.set(report.profit().currency() + "/day");
        int priced = report.profit().miners().size();
        int total = priced + report.notPriced().size();
        String coverage = priced == total ? "all " + total + " miners" : priced + " of " + total + " miners";
        profitSummary.set(report.notes().isEmpty() ? coverage : coverage + " · " + report.notes().getFirst());
        StringBuilder details = new StringBuilder(String.format(Locale.ROOT,
                "Revenue %,.2f, electricity %,.2f %s over the next 24 h.", report.profit().fleet().revenue(),
                report.profit().fleet().energyCost(), report.profit().currency()));
        report.notes().forEach(note -> details.append('\n').append(note));
        report.notPriced().entrySet().stream().limit(DETAIL_LINES).forEach(e -> details.append('\n')
                .append(e.getKey().value()).append(" not priced: ").append(e.getValue()));
        if (report.notPriced().size() > DETAIL_LINES) {
            details.append("\n… and ").append(report.notPriced().size() - DETAIL_LINES).append(" more not priced");
        }
        profitDetails.set(details.toString());
    }

    /** Takes the number of open alerts nobody has acknowledged; call on the FX thread. Shows the alerts tile. */
    public void showActiveAlerts(int unacknowledged) {
        alertsAvailable.set(true);
        activeAlerts.set(unacknowledged);
        alertsSummary.set(unacknowledged == 0 ? "none to acknowledge" : "unacknowledged · click to review");
    }

    /** What clicking the alerts tile does: the shell switches to the Alerts section. */
    public void setOnOpenAlerts(Runnable onOpenAlerts) {
        this.onOpenAlerts = Objects.requireNonNull(onOpenAlerts, "onOpenAlerts");
    }

    /** The operator clicked the alerts tile. */
    public void openAlerts() {
        onOpenAlerts.run();
    }

    /** Hashrate of other algorithms, in their own unit: an L7's 9,500 MH/s is not 0.0095 TH/s of Bitcoin hashrate. */
    private static String otherAlgorithms(FleetSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.byAlgorithm().forEach((algorithm, totals) -> {
            if (algorithm != Algorithm.SHA256 && totals.reportingMiners() > 0) {
                HashrateUnit unit = algorithm.displayUnit().thousandfold();
                text.append(text.isEmpty() ? "+ " : " · ").append(algorithm.displayName()).append(' ')
                        .append(String.format(Locale.ROOT, "%,.1f %s", unit.fromThs(totals.hashrateThs()),
                                unit.label()))
                        .append(" (").append(totals.reportingMiners()).append(" miners)");
            }
        });
        return text.toString();
    }

    private static String breakdown(FleetSummary summary) {
        StringBuilder text = new StringBuilder();
        for (MinerStatus status : MinerStatus.values()) {
            int n = summary.count(status);
            if (n > 0 && status != MinerStatus.MINING) {
                text.append(text.isEmpty() ? "" : " · ").append(n).append(' ')
                        .append(status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return text.isEmpty() ? "all mining" : text.toString();
    }

    private String freshness(Instant newest, int stale) {
        if (newest == null) {
            return "No telemetry yet";
        }
        long seconds = Math.max(0, Duration.between(newest, clock.instant()).toSeconds());
        String age = seconds < 120 ? seconds + " s ago" : (seconds / 60) + " min ago";
        return "Newest reading " + age + (stale > 0 ? " · " + stale + " miner(s) not heard from recently" : "");
    }

    public ReadOnlyBooleanProperty hasMinersProperty() {
        return hasMiners.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty hashrateThsProperty() {
        return hashrateThs.getReadOnlyProperty();
    }

    /** Hashrate of the miners that do not compute SHA-256, e.g. "+ Scrypt 38.2 GH/s (4 miners)"; empty if none. */
    public ReadOnlyStringProperty otherAlgorithmsProperty() {
        return otherAlgorithms.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty powerKilowattsProperty() {
        return powerKilowatts.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty efficiencyJPerThProperty() {
        return efficiencyJPerTh.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty miningProperty() {
        return mining.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty notMiningProperty() {
        return notMining.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusBreakdownProperty() {
        return statusBreakdown.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty hottestChipCProperty() {
        return hottestChipC.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hottestMinerProperty() {
        return hottestMiner.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty profitPerDayProperty() {
        return profitPerDay.getReadOnlyProperty();
    }

    /** The tariff's currency per day, e.g. "USD/day". */
    public ReadOnlyStringProperty profitUnitProperty() {
        return profitUnit.getReadOnlyProperty();
    }

    /** How many miners are priced and the first assumption or stale figure, if any. */
    public ReadOnlyStringProperty profitSummaryProperty() {
        return profitSummary.getReadOnlyProperty();
    }

    /** Revenue, electricity, every assumption and the miners left out, one per line. */
    public ReadOnlyStringProperty profitDetailsProperty() {
        return profitDetails.getReadOnlyProperty();
    }

    /** False until an alert count arrives (alerts need the database and polling); the tile is hidden until then. */
    public ReadOnlyBooleanProperty alertsAvailableProperty() {
        return alertsAvailable.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty activeAlertsProperty() {
        return activeAlerts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertsSummaryProperty() {
        return alertsSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }
}

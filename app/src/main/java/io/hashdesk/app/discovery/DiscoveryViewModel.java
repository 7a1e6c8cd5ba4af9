package io.hashdesk.app.discovery;

import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.JobState;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.discovery.DiscoveredMiner;
import io.hashdesk.drivers.discovery.MinerProbe;
import io.hashdesk.drivers.discovery.NetworkScanner;
import io.hashdesk.drivers.discovery.ScanProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The discovery wizard's steps 1 and 2: what to scan (a typed range or an address list, and the ports), checked as
 * it is typed; the scan on the job runner with progress, cancel and each miner listed as it is found; the operator's
 * ticks. Step 3 is {@link AssignmentViewModel}, reached through {@link #assignment()}. Only the entered targets are
 * ever probed.
 */
public final class DiscoveryViewModel {

    /** Where the wizard is. */
    public enum Step { ENTER, SCAN, ASSIGN, DONE }

    private final MinerProbe probe;
    private final MinerRegistration registration;
    private final JobRunner jobs;
    private final Executor fx;
    private final DiscoverySettings settings;
    private final AssignmentViewModel assignment;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.ENTER);
    private final StringProperty range = new SimpleStringProperty(this, "range", "");
    private final StringProperty httpPort = new SimpleStringProperty(this, "httpPort");
    private final StringProperty rpcPort = new SimpleStringProperty(this, "rpcPort");
    private final BooleanProperty useAddressList = new SimpleBooleanProperty(this, "useAddressList", false);
    private final ReadOnlyStringWrapper addressListName = new ReadOnlyStringWrapper(this, "addressListName", "");
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper(this, "inputProblem", "");
    private final ReadOnlyStringWrapper inputWarning = new ReadOnlyStringWrapper(this, "inputWarning", "");
    private final ReadOnlyBooleanWrapper canScan = new ReadOnlyBooleanWrapper(this, "canScan", false);
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper scanMessage = new ReadOnlyStringWrapper(this, "scanMessage", "");
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount", 0);
    private final ObservableList<FoundMiner> found = FXCollections.observableArrayList();
    private final ObservableList<FoundMiner> foundView = FXCollections.unmodifiableObservableList(found);
    private String addressListText = "";
    private ScanPlan plan;
    private JobHandle scan;

    DiscoveryViewModel(MinerProbe probe, MinerRegistration registration, JobRunner jobs, Executor fx,
                              DiscoverySettings settings) {
        this.probe = probe;
        this.registration = registration;
        this.jobs = jobs;
        this.fx = fx;
        this.settings = settings;
        this.assignment = new AssignmentViewModel(registration, jobs, () -> step.set(Step.DONE));
        httpPort.set(Integer.toString(settings.httpPort()));
        rpcPort.set(Integer.toString(settings.rpcPort()));
        range.addListener((obs, was, now) -> check());
        httpPort.addListener((obs, was, now) -> check());
        rpcPort.addListener((obs, was, now) -> check());
        useAddressList.addListener((obs, was, now) -> check());
        check();
    }

    /** Reads an address list file (a few kilobytes at most) and checks it; bad lines are named in the problem. */
    public void readAddressList(Path file) {
        try {
            useAddressList(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            useAddressList("", file.getFileName().toString());
            inputProblem.set("Could not read " + file + ": " + e.getMessage());
            canScan.set(false);
        }
    }

    /** Uses the text of an address list ({@code host[,http_port[,rpc_port]]} per line) as the targets. */
    public void useAddressList(String csv, String name) {
        addressListText = csv;
        addressListName.set(name);
        useAddressList.set(true);
        check();
    }

    private void check() {
        plan = null;
        inputWarning.set("");
        try {
            plan = useAddressList.get()
                    ? ScanPlan.ofAddressList(addressListText, addressListName.get(), httpPort.get(), rpcPort.get())
                    : ScanPlan.ofRange(range.get(), httpPort.get(), rpcPort.get());
            inputProblem.set("");
            if (plan.size() >= settings.largeRangeAddresses()) {
                inputWarning.set(String.format("%,d addresses: the scan takes a while and touches every device in the"
                        + " range. Make sure it is the miners' network.", plan.size()));
            }
        } catch (IllegalArgumentException e) {
            // nothing typed yet is not a mistake: the field's own prompt shows an example
            boolean untouched = !useAddressList.get() && (range.get() == null || range.get().isBlank());
            inputProblem.set(untouched ? "" : e.getMessage());
        }
        canScan.set(plan != null);
    }

    /** Starts scanning exactly the entered targets; each miner appears in {@link #found()} as it answers. */
    public void scan() {
        if (plan == null || scanning.get()) {
            return;
        }
        ScanPlan scanned = plan;
        found.clear();
        selectedCount.set(0);
        progress.set(0);
        scanMessage.set("Starting the scan of " + scanned.description() + "…");
        scanning.set(true);
        step.set(Step.SCAN);
        Queue<FoundMiner> arrived = new ConcurrentLinkedQueue<>();
        AtomicBoolean drainAsked = new AtomicBoolean();
        JobHandle handle = jobs.submit("Find miners in " + scanned.description(), context -> {
            Map<String, MinerId> registered = registration.registeredByAddress();
            ScanProgress report = new ScanProgress() {
                @Override
                public void scanned(int done, int total, int foundSoFar) {
                    context.progress((double) done / total, progressLine(done, total, foundSoFar));
                }

                @Override
                public void found(DiscoveredMiner miner) {
                    arrived.add(new FoundMiner(miner, registration.modelIdOf(miner),
                            Optional.ofNullable(registered.get(miner.address().host() + ":"
                                    + miner.address().httpPort()))));
                    // one hand-over to the FX thread at a time takes everything that arrived meanwhile
                    if (drainAsked.compareAndSet(false, true)) {
                        fx.execute(() -> {
                            drainAsked.set(false);
                            drain(arrived);
                        });
                    }
                }
            };
            return new NetworkScanner(probe, settings.addressesAtOnce()).scan(scanned.targets(), report);
        }, result -> {
            drain(arrived);
            scanning.set(false);
            progress.set(1);
            long fresh = found.stream().filter(FoundMiner::isNew).count();
            scanMessage.set(String.format("Scanned %,d addresses in %.1f s: %d miners found, %d of them new.",
                    result.total(), result.took().toMillis() / 1000.0, found.size(), fresh));
        }, failure -> {
            scanning.set(false);
            scanMessage.set("The scan stopped: " + failure.getMessage());
        });
        scan = handle;
        handle.progressProperty().subscribe(value -> {
            if (scanning.get() && value.doubleValue() >= 0) {
                progress.set(value.doubleValue());
            }
        });
        handle.messageProperty().subscribe(text -> {
            if (scanning.get() && !text.isEmpty()) {
                scanMessage.set(text);
            }
        });
        handle.stateProperty().subscribe(state -> {
            if (state == JobState.CANCELLED) {
                drain(arrived);
                scanning.set(false);
                scanMessage.set("Scan cancelled · " + found.size() + (found.size() == 1 ? " miner" : " miners")
                        + " found before it stopped.");
            }
        });
    }

    static String progressLine(int done, int total, int foundSoFar) {
        return String.format("%,d of %,d addresses · %d %s found", done, total, foundSoFar,
                foundSoFar == 1 ? "miner" : "miners");
    }

    private void drain(Queue<FoundMiner> arrived) {
        List<FoundMiner> batch = new ArrayList<>();
        for (FoundMiner next = arrived.poll(); next != null; next = arrived.poll()) {
            next.selectedProperty().addListener((obs, was, now) -> countSelected());
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            found.addAll(batch);
            found.sort(Comparator.comparing(FoundMiner::miner, ADDRESS_ORDER));
        }
    }

    private static final Comparator<DiscoveredMiner> ADDRESS_ORDER = Comparator
            .comparing((DiscoveredMiner m) -> paddedHost(m.address().host()))
            .thenComparingInt(m -> m.address().httpPort());

    private static String paddedHost(String host) {
        StringBuilder padded = new StringBuilder();
        for (String octet : host.split("\\.")) {
            padded.append(String.format("%3s", octet).replace(' ', '0')).append('.');
        }
        return padded.toString();
    }

    private void countSelected() {
        selectedCount.set((int) found.stream().filter(m -> m.selectedProperty().get()).count());
    }

    /** Stops the scan; what was found so far stays listed. */
    public void cancel() {
        if (scan != null && scanning.get()) {
            scan.cancel();
        }
    }

    /** Ticks every miner the farm does not have yet. */
    public void selectAllNew() {
        found.forEach(m -> m.selectedProperty().set(m.isNew()));
    }

    /** Goes on to placing the ticked miners; does nothing while none is ticked or the scan still runs. */
    public void next() {
        List<DiscoveredMiner> picked = found.stream().filter(m -> m.selectedProperty().get() && m.isNew())
                .map(FoundMiner::miner).toList();
        if (picked.isEmpty() || scanning.get()) {
            return;
        }
        assignment.prepare(picked);
        step.set(Step.ASSIGN);
    }

    /** Back to the range (from the scan) or to the results (from placing). */
    public void back() {
        if (step.get() == Step.ASSIGN) {
            step.set(Step.SCAN);
        } else if (!scanning.get()) {
            step.set(Step.ENTER);
        }
    }

    /** Starts over for another range after a registration. */
    public void startOver() {
        found.clear();
        selectedCount.set(0);
        scanMessage.set("");
        step.set(Step.ENTER);
    }

    public AssignmentViewModel assignment() {
        return assignment;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public StringProperty rangeProperty() {
        return range;
    }

    public StringProperty httpPortProperty() {
        return httpPort;
    }

    public StringProperty rpcPortProperty() {
        return rpcPort;
    }

    /** True while the targets come from an address list instead of the typed range. */
    public BooleanProperty useAddressListProperty() {
        return useAddressList;
    }

    public ReadOnlyStringProperty addressListNameProperty() {
        return addressListName.getReadOnlyProperty();
    }

    /** Why the entered targets cannot be scanned, as one sentence; empty when they can. */
    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    /** A caution about a large range; empty otherwise. */
    public ReadOnlyStringProperty inputWarningProperty() {
        return inputWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canScanProperty() {
        return canScan.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "120 of 256 addresses · 7 miners found" while scanning, then the outcome. */
    public ReadOnlyStringProperty scanMessageProperty() {
        return scanMessage.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** The miners found so far, in address order. */
    public ObservableList<FoundMiner> found() {
        return foundView;
    }
}

package io.hashdesk.app.settings;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.MinerRegistry;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Credentials part of Settings: the vault's entries (never their secrets), a form to add an entry or change its
 * password (entered twice), delete (the vault refuses while miners use it and says which), and assigning an entry
 * to miners through the registry. Every store call runs on the job runner; its sentence comes back in
 * {@link #messageProperty()}.
 */
public final class CredentialsViewModel {

    /** What the assignment list shows for a miner without a vault entry. */
    static final String FACTORY_DEFAULT = "factory default (admin)";

    private final CredentialVault vault;
    private final MinerRegistry registry;
    private final JobRunner jobs;
    private final ObservableList<CredentialRow> entries = FXCollections.observableArrayList();
    private final ObservableList<MinerChoice> miners = FXCollections.observableArrayList();
    private final ObservableList<CredentialRow> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<MinerChoice> minersView = FXCollections.unmodifiableObservableList(miners);
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public CredentialsViewModel(CredentialVault vault, MinerRegistry registry, JobRunner jobs) {
        this.vault = vault;
        this.registry = registry;
        this.jobs = jobs;
    }

    private record Picture(List<CredentialRow> entries, List<MinerChoice> miners) {
    }

    /** Re-reads the vault's entries and the miners with what each uses. */
    public void refresh() {
        run("Read the credentials", this::read, picture -> { });
    }

    private Picture read() {
        List<CredentialEntry> all = vault.list();
        Map<CredentialsRef, String> labels = all.stream()
                .collect(Collectors.toMap(CredentialEntry::ref, CredentialEntry::label));
        List<MinerChoice> choices = registry.miners().stream()
                .map(m -> MinerChoice.of(m, m.credentials().map(ref -> labels.getOrDefault(ref, "missing entry " + ref.id()))
                        .orElse(FACTORY_DEFAULT)))
                .toList();
        return new Picture(all.stream().map(CredentialRow::of).toList(), choices);
    }

    /** Fills the form to give an existing entry a new password. */
    public void edit(CredentialRow row) {
        label.set(row.label());
        username.set("—".equals(row.username()) ? "" : row.username());
        password.set("");
        repeat.set("");
    }

    /**
     * Saves the form: a new entry, or a new password for the entry with that label. Refused, with the field named,
     * when the label is blank or the two passwords are empty or differ. The password fields are cleared either way.
     */
    public void save() {
        String name = label.get().strip();
        char[] secret = password.get().toCharArray();
        boolean same = password.get().equals(repeat.get());
        password.set("");
        repeat.set("");
        if (name.isEmpty()) {
            show("Enter a label for the credential, e.g. the room or the batch of miners it unlocks.", true);
        } else if (secret.length == 0) {
            show("Enter the password twice.", true);
        } else if (!same) {
            show("The two passwords differ; enter the same password twice.", true);
        } else {
            Optional<String> user = Optional.of(username.get().strip()).filter(u -> !u.isEmpty());
            run("Save the credential \"" + name + "\"", () -> {
                try {
                    vault.save(name, user, secret);
                    return read();
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }, picture -> {
                label.set("");
                username.set("");
                show("Saved the credential \"" + name + "\". Miners using it are polled with it from their next read.",
                        false);
            });
            return;
        }
        Arrays.fill(secret, '\0');
    }

    /** Deletes an entry; the vault refuses while miners use it, naming them. */
    public void delete(CredentialRow row) {
        run("Delete the credential \"" + row.label() + "\"", () -> {
            vault.delete(row.ref());
            return read();
        }, picture -> show("Deleted the credential \"" + row.label() + "\".", false));
    }

    /**
     * Points the given miners at {@code row}'s entry, or back at the factory default when {@code row} is empty.
     * Polling unlocks them with it from their next read.
     */
    public void assign(Optional<CredentialRow> row, Collection<MinerId> ids) {
        if (ids.isEmpty()) {
            show("Select the miners to assign the credential to.", true);
            return;
        }
        Optional<CredentialsRef> ref = row.map(CredentialRow::ref);
        String what = row.map(r -> "\"" + r.label() + "\"").orElse("the factory default");
        List<MinerId> chosen = List.copyOf(ids);
        run("Assign " + what + " to " + chosen.size() + " miner(s)", () -> {
            Map<MinerId, Miner> byId = registry.miners().stream().collect(Collectors.toMap(Miner::id, Function.identity()));
            for (MinerId id : chosen) {
                Miner m = byId.get(id);
                if (m != null) {
                    registry.saveMiner(new Miner(m.id(), m.siteId(), m.position(), m.address(), m.modelId(),
                            m.firmware(), ref));
                }
            }
            return read();
        }, picture -> show("Assigned " + what + " to " + chosen.size() + " miner(s).", false));
    }

    private void run(String title, Work work, Consumer<Picture> then) {
        busy.set(true);
        jobs.submit(title, context -> work.run(), picture -> {
            busy.set(false);
            entries.setAll(picture.entries());
            miners.setAll(picture.miners());
            then.accept(picture);
        }, error -> {
            busy.set(false);
            show(error.getMessage(), true);
        });
    }

    @FunctionalInterface
    private interface Work {
        Picture run() throws Exception;
    }

    private void show(String sentence, boolean error) {
        message.set(sentence);
        failed.set(error);
    }

    public ObservableList<CredentialRow> entries() {
        return entriesView;
    }

    public ObservableList<MinerChoice> miners() {
        return minersView;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a refusal or failure rather than a success. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

package io.hashdesk.app.settings;

import io.hashdesk.app.common.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsViewModelTest {

    @TempDir
    Path dir;

    private SqliteFarmStore store;
    private JobRunner jobs;
    private CredentialsViewModel model;

    @BeforeEach
    void open() throws InterruptedException {
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        store.registry().saveSite(new Site("north", "North", ZoneId.of("UTC")));
        store.registry().saveRoom(new Room("hall-a", "north", "Hall A"));
        for (String id : List.of("a-01", "a-02", "a-03")) {
            store.registry().saveMiner(new Miner(MinerId.of(id), "north", new RackPosition("hall-a", "R1", 1, 1),
                    new MinerAddress("10.0.0.1", 80, 4028), "antminer-s19j-pro", "", Optional.empty()));
        }
        jobs = new JobRunner(Runnable::run);
        model = new CredentialsViewModel(store.credentials(), store.registry(), jobs);
        model.refresh();
        Eventually.until(() -> model.miners().size() == 3, "the miners listed");
    }

    @AfterEach
    void close() {
        jobs.close();
        store.close();
    }

    private void fill(String label, String password, String repeat) {
        model.labelProperty().set(label);
        model.passwordProperty().set(password);
        model.repeatProperty().set(repeat);
    }

    private String storedPassword(CredentialRow row) {
        try (Secret secret = store.credentials().read(row.ref())) {
            return new String(secret.chars());
        }
    }

    @Test
    void savingTheFormStoresTheEntryListsItAndClearsThePasswords() throws InterruptedException {
        fill("Hall A", "h4ll-a", "h4ll-a");
        model.save();
        Eventually.until(() -> model.entries().size() == 1, "the entry listed");

        CredentialRow row = model.entries().getFirst();
        assertThat(row.label()).isEqualTo("Hall A");
        assertThat(row.usedBy()).isEqualTo("no miner");
        assertThat(storedPassword(row)).isEqualTo("h4ll-a");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.repeatProperty().get()).isEmpty();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).doesNotContain("h4ll-a");
    }

    @Test
    void passwordsThatDifferAreRefusedAndNothingIsStored() {
        fill("Hall A", "one", "two");
        model.save();

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("differ");
        assertThat(store.credentials().list()).isEmpty();
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    void aBlankLabelIsRefusedWithTheFieldNamed() {
        fill(" ", "pw", "pw");
        model.save();

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("label");
    }

    @Test
    void changingThePasswordOfAnEntryKeepsItsMiners() throws InterruptedException {
        fill("Hall A", "old", "old");
        model.save();
        Eventually.until(() -> model.entries().size() == 1, "the entry listed");
        model.assign(Optional.of(model.entries().getFirst()), List.of(MinerId.of("a-01")));
        Eventually.until(() -> model.entries().getFirst().minerCount() == 1, "the miner assigned");

        model.edit(model.entries().getFirst());
        assertThat(model.labelProperty().get()).isEqualTo("Hall A");
        model.passwordProperty().set("new");
        model.repeatProperty().set("new");
        model.save();
        Eventually.until(() -> model.messageProperty().get().startsWith("Saved"), "saved");

        assertThat(storedPassword(model.entries().getFirst())).isEqualTo("new");
        assertThat(model.entries().getFirst().usedBy()).isEqualTo("a-01");
    }

    @Test
    void assigningPointsTheSelectedMinersAtTheEntryAndBackToTheDefault() throws InterruptedException {
        fill("Hall A", "pw", "pw");
        model.save();
        Eventually.until(() -> model.entries().size() == 1, "the entry listed");
        CredentialRow row = model.entries().getFirst();

        model.assign(Optional.of(row), List.of(MinerId.of("a-01"), MinerId.of("a-03")));
        Eventually.until(() -> model.entries().getFirst().minerCount() == 2, "two miners assigned");
        assertThat(store.registry().miner(MinerId.of("a-01")).orElseThrow().credentials()).contains(row.ref());
        assertThat(store.registry().miner(MinerId.of("a-02")).orElseThrow().credentials()).isEmpty();
        assertThat(model.miners()).filteredOn(m -> m.id().value().equals("a-03"))
                .extracting(MinerChoice::credential).containsExactly("Hall A");

        model.assign(Optional.empty(), List.of(MinerId.of("a-01")));
        Eventually.until(() -> model.entries().getFirst().minerCount() == 1, "one miner back on the default");
        assertThat(store.registry().miner(MinerId.of("a-01")).orElseThrow().credentials()).isEmpty();
    }

    @Test
    void deletingAnEntryInUseIsRefusedNamingTheMiners() throws InterruptedException {
        fill("Hall A", "pw", "pw");
        model.save();
        Eventually.until(() -> model.entries().size() == 1, "the entry listed");
        model.assign(Optional.of(model.entries().getFirst()), List.of(MinerId.of("a-02")));
        Eventually.until(() -> model.entries().getFirst().minerCount() == 1, "the miner assigned");

        model.delete(model.entries().getFirst());
        Eventually.until(() -> model.failedProperty().get(), "the refusal");
        assertThat(model.messageProperty().get()).contains("a-02");
        assertThat(store.credentials().list()).hasSize(1);
    }

    @Test
    void assigningWithNoMinerSelectedSaysWhatToDo() {
        model.assign(Optional.empty(), List.of());
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("Select the miners");
    }
}

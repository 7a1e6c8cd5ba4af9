package io.hashdesk.app.reco;

import static io.hashdesk.app.reco.RecoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.reco.PassReport;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.core.reco.WorkOrderStatus;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox over the real recommendation store. */
class StoredRecommendationInboxTest {

    @TempDir
    Path dir;

    private SqliteFarmStore farm;
    private RecommendationStore store;
    private StoredRecommendationInbox inbox;
    private int passes;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        farm = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        store = farm.recommendations();
        store.savePass(List.of(RecoFixture.power("p1", "Room A", Urgency.HIGH, 3_000, "A-01"),
                RecoFixture.power("p2", "Room A", Urgency.LOW, 3_100, "A-02"),
                RecoFixture.maintenance("m1", "Room B", "B-03")), NOW);
        inbox = new StoredRecommendationInbox(store, farm.registry(), () -> {
            passes++;
            return new PassReport(NOW, inbox.open(), List.of(), null, 0, List.of(), List.of(), Duration.ZERO);
        }, clock);
    }

    @AfterEach
    void close() {
        farm.close();
    }

    @Test
    void listsTheOpenRecommendationsBestRankFirst() {
        assertThat(inbox.open()).extracting(r -> r.id()).containsExactly("p1", "p2", "m1");
    }

    @Test
    void aDismissalIsStoredWithItsReasonAndTheRecommendationLeavesTheInbox() {
        inbox.dismiss("p2", "Already done by hand", "maria");

        assertThat(inbox.open()).extracting(r -> r.id()).doesNotContain("p2");
        assertThat(store.find("p2").orElseThrow().status()).isEqualTo(RecommendationStatus.DISMISSED);
        assertThat(store.find("p2").orElseThrow().dismissReason()).contains("Already done by hand");
    }

    @Test
    void aSnoozeHidesItUntilTheGivenTime() {
        inbox.snooze("p1", NOW.plus(Duration.ofDays(1)), "maria");

        assertThat(store.find("p1").orElseThrow().snoozedUntil()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(inbox.open()).extracting(r -> r.id()).doesNotContain("p1");
    }

    @Test
    void maintenanceBecomesAWorkOrderAndOtherAdviceDoesNot() {
        assertThat(inbox.openWorkOrder("m1", "maria")).matches("Work order #\\d+");
        assertThat(store.find("m1").orElseThrow().status()).isEqualTo(RecommendationStatus.ACCEPTED);
        assertThatThrownBy(() -> inbox.openWorkOrder("p1", "maria")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedWorkOrderKeepsWhatWasDoneAndLeavesTheOpenOnes() {
        inbox.openWorkOrder("m1", "maria");
        long id = inbox.workOrders(WorkOrderStatus.OPEN).getFirst().id();

        inbox.closeWorkOrder(id, "Blew out the heatsinks", List.of("Compressed air"), "tom");

        assertThat(inbox.workOrders(WorkOrderStatus.OPEN)).isEmpty();
        assertThat(inbox.workOrders(WorkOrderStatus.CLOSED)).singleElement().satisfies(order -> {
            assertThat(order.workDone()).contains("Blew out the heatsinks");
            assertThat(order.partsUsed()).containsExactly("Compressed air");
            assertThat(order.closedBy()).contains("tom");
            assertThat(order.closedAt()).contains(NOW);
        });
        assertThatThrownBy(() -> inbox.closeWorkOrder(id, "Again", List.of(), "tom"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMinerIsPlacedByItsRegisteredRackPositionAndAnUnknownOneNowhere() {
        farm.registry().saveSite(new Site("site", "Test site", ZoneOffset.UTC));
        farm.registry().saveRoom(new Room("room-b", "site", "Room B"));
        farm.registry().saveMiner(new Miner(MinerId.of("B-03"), "site", new RackPosition("room-b", "R3", 2, 4),
                MinerAddress.ofHost("10.0.0.3"), "antminer-s19j-pro", "Vnish 1.2.7", Optional.empty()));

        assertThat(inbox.position(MinerId.of("B-03"))).contains(new RackPosition("room-b", "R3", 2, 4));
        assertThat(inbox.position(MinerId.of("B-04"))).isEmpty();
    }

    @Test
    void runNowRunsAPassAndSaysHowManyAreOpen() {
        assertThat(inbox.runNow()).isEqualTo(3);
        assertThat(passes).isEqualTo(1);
    }
}

package io.hashdesk.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionPlannerTest {

    private final ActionSettings settings = ActionSettings.defaults();
    private final Map<MinerId, String> rooms = new java.util.HashMap<>();
    private final ActionPlanner planner = new ActionPlanner(
            new ActionValidator(MinerModelCatalog.bundled(), settings), settings,
            miner -> rooms.getOrDefault(miner, "room-a"), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void splitsALargeChangeIntoStepsNoBiggerThanTheStepSizes() {
        ActionPlan plan = planner.plan("Overclock", "ann", null, List.of(ActionFarm.clocks("m1", 740, 14.4)));

        List<SettingValues> steps = plan.changes().getFirst().steps();
        // 140 MHz in 50 MHz steps → 3, 0.9 V in 0.3 V steps → 3
        assertThat(steps).extracting(SettingValues::frequencyMhz).containsExactly(647, 693, 740);
        assertThat(steps).extracting(SettingValues::voltageVolts).containsExactly(13.8, 14.1, 14.4);
        assertThat(plan.requestedBy()).isEqualTo("ann");
        assertThat(plan.recommendationId()).isEmpty();
    }

    @Test
    void aSmallChangeIsOneStepAndUnsteppedPartsGoWithTheLast() {
        SettingChange cooling = new SettingChange(MinerId.of("m1"), ActionFarm.MODEL,
                SettingValues.none().withCooling(60, 30), SettingValues.none().withCooling(75, 40));

        List<SettingValues> steps = planner.plan("Cool", "ann", "r", List.of(cooling)).changes().getFirst().steps();

        assertThat(steps).extracting(SettingValues::targetTempC).containsExactly(65, 70, 75);
        assertThat(steps).extracting(SettingValues::fanMinDutyPercent).containsExactly(null, null, 40);
        assertThat(planner.plan("Throttle", "ann", "r", List.of(new SettingChange(MinerId.of("m2"),
                ActionFarm.MODEL, SettingValues.none().withThrottle(100), SettingValues.none().withThrottle(50))))
                .changes().getFirst().steps()).hasSize(1);
    }

    @Test
    void refusedMinersStayInThePlanWithReasonsAndInNoWave() {
        ActionPlan plan = planner.plan("Mixed", "ann", "r", List.of(ActionFarm.clocks("m1", 700, 13.8),
                ActionFarm.clocks("m2", 900, 13.8),
                new SettingChange(MinerId.of("m3"), "unknown-model", SettingValues.none().withThrottle(100),
                        SettingValues.none().withThrottle(90))));

        assertThat(plan.refused()).extracting(c -> c.miner().value()).containsExactly("m2", "m3");
        assertThat(plan.change(MinerId.of("m2")).orElseThrow().refusals()).anyMatch(r -> r.contains("900 MHz"));
        assertThat(plan.change(MinerId.of("m2")).orElseThrow().steps()).isEmpty();
        assertThat(plan.waves()).containsExactly(List.of(MinerId.of("m1")));
    }

    @Test
    void anIntermediateStepOutsideTheLimitsRefusesTheChange() {
        // starting above the maximum (allowed once, narrowed since): the first step down is still too high
        SettingChange fromTooHigh = new SettingChange(MinerId.of("m1"), ActionFarm.MODEL,
                SettingValues.none().withClocks(850, null), SettingValues.none().withClocks(700, null));

        PlannedChange planned = planner.plan("Down", "ann", "r", List.of(fromTooHigh)).changes().getFirst();

        assertThat(planned.refused()).isTrue();
        assertThat(planned.refusals()).anyMatch(r -> r.contains("800 MHz"));
    }

    @Test
    void wavesHoldNoMoreThanTheAllowanceOfARoomOrOfTheFarm() {
        List<SettingChange> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String miner = "m" + i;
            rooms.put(MinerId.of(miner), i < 30 ? "room-a" : (i < 36 ? "room-b" : "room-c"));
            changes.add(ActionFarm.clocks(miner, 650, 13.5));
        }

        ActionPlan plan = planner.plan("Bulk", "ann", "r", changes);

        assertThat(plan.waves()).allSatisfy(wave -> {
            assertThat(wave).hasSizeLessThanOrEqualTo(settings.minersAtOnce());
            assertThat(wave.stream().collect(java.util.stream.Collectors.groupingBy(rooms::get,
                    java.util.stream.Collectors.counting())).values())
                    .allMatch(perRoom -> perRoom <= settings.minersAtOncePerRoom());
        });
        assertThat(plan.waves().stream().flatMap(List::stream)).hasSize(40).doesNotHaveDuplicates();
        assertThat(plan.waves().getFirst()).hasSize(5 + 5 + 4);
    }

    @Test
    void aMinerTwiceInOneActionIsAnError() {
        assertThatThrownBy(() -> planner.plan("Twice", "ann", "r", List.of(ActionFarm.clocks("m1", 650, 13.5),
                ActionFarm.clocks("m1", 700, 13.5)))).hasMessageContaining("m1 appears twice");
    }
}

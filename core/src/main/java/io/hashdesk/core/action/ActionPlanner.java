package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.MinerRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns setting changes into an {@link ActionPlan}: each miner's change validated (every step, not only the end),
 * split into steps no bigger than the step sizes, and the miners grouped into waves so that no more than the allowed
 * number per room, and across the farm, change at once.
 */
public final class ActionPlanner {

    /** The room of a miner the registry does not know; such miners share one room's allowance. */
    public static final String UNKNOWN_ROOM = "unknown-room";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActionValidator validator;
    private final ActionSettings settings;
    private final Function<MinerId, String> roomOf;
    private final Clock clock;

    /** @param roomOf the room each miner stands in; see {@link #roomsOf(MinerRegistry)} */
    public ActionPlanner(ActionValidator validator, ActionSettings settings, Function<MinerId, String> roomOf,
                         Clock clock) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.roomOf = Objects.requireNonNull(roomOf, "room of");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rooms as the registry has them now ({@link #UNKNOWN_ROOM} for a miner it does not know). */
    public static Function<MinerId, String> roomsOf(MinerRegistry registry) {
        return miner -> registry.miner(miner).map(m -> m.position().roomId()).orElse(UNKNOWN_ROOM);
    }

    /**
     * Plans applying {@code changes}.
     *
     * @param recommendationId the recommendation being applied, or {@code null}
     * @throws IllegalArgumentException when a miner appears twice
     */
    public ActionPlan plan(String title, String requestedBy, String recommendationId, List<SettingChange> changes) {
        return plan(title, requestedBy, Optional.ofNullable(recommendationId), Optional.empty(), changes, Map.of());
    }

    /**
     * Plans changes with some miners refused up front for reasons of the caller's own (a manual rollback skips miners
     * changed since by someone else); the rest are validated as usual.
     */
    ActionPlan plan(String title, String requestedBy, Optional<String> recommendationId,
                    Optional<String> rollsBackActionId, List<SettingChange> changes,
                    Map<MinerId, String> refusedByCaller) {
        Set<MinerId> seen = new HashSet<>();
        List<PlannedChange> planned = new ArrayList<>(changes.size());
        for (SettingChange change : changes) {
            if (!seen.add(change.miner())) {
                throw new IllegalArgumentException("miner " + change.miner() + " appears twice in one action");
            }
            planned.add(planOne(change, refusedByCaller.get(change.miner())));
        }
        return new ActionPlan(newId(), title, requestedBy, recommendationId, rollsBackActionId, clock.instant(),
                planned, waves(planned));
    }

    private PlannedChange planOne(SettingChange change, String refusedBecause) {
        String room = Objects.requireNonNullElse(roomOf.apply(change.miner()), UNKNOWN_ROOM);
        if (refusedBecause != null) {
            return new PlannedChange(change.miner(), change.modelId(), room, change.from(), change.to(), List.of(),
                    List.of(refusedBecause));
        }
        List<SettingValues> steps = SettingSteps.between(change.from(), change.to(), settings.stepSizes());
        // every step is checked, not only the end: a step between two safe values can still be unsafe when the
        // starting value is outside limits the operator narrowed since
        Set<String> refusals = new LinkedHashSet<>();
        for (SettingValues step : steps) {
            refusals.addAll(validator.refusalsOf(change.modelId(), step));
        }
        return new PlannedChange(change.miner(), change.modelId(), room, change.from(), change.to(),
                refusals.isEmpty() ? steps : List.of(), List.copyOf(refusals));
    }

    /**
     * Fills waves room by room in turn: each wave takes up to the per-room allowance from each room until the
     * farm-wide allowance is reached, so big rooms do not wait for small ones and no room jumps at once.
     */
    private List<List<MinerId>> waves(List<PlannedChange> planned) {
        Map<String, Deque<MinerId>> byRoom = new TreeMap<>();
        for (PlannedChange change : planned) {
            if (!change.refused()) {
                byRoom.computeIfAbsent(change.roomId(), room -> new ArrayDeque<>()).add(change.miner());
            }
        }
        List<List<MinerId>> waves = new ArrayList<>();
        while (byRoom.values().stream().anyMatch(queue -> !queue.isEmpty())) {
            List<MinerId> wave = new ArrayList<>();
            for (Deque<MinerId> queue : byRoom.values()) {
                for (int taken = 0; taken < settings.minersAtOncePerRoom() && !queue.isEmpty()
                        && wave.size() < settings.minersAtOnce(); taken++) {
                    wave.add(queue.poll());
                }
            }
            waves.add(wave);
        }
        return waves;
    }

    private static String newId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "act-" + HexFormat.of().formatHex(random);
    }
}

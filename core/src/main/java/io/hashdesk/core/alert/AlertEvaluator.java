package io.hashdesk.core.alert;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the rules' verdicts on each miner's latest reading into alerts raised, kept and cleared, with the timing that
 * keeps them from flapping: a condition must hold for its rule's {@link AlertRule#raiseAfter()} before it is raised,
 * and be gone for {@code clearAfter} before it clears; anything in between keeps the alert as it is. Not thread-safe:
 * one evaluation at a time.
 */
public final class AlertEvaluator {

    private final List<AlertRule> rules;
    private final Duration clearAfter;
    private final Map<AlertKey, Episode> episodes = new HashMap<>();

    /** Where a key stands: open or not, and since when its condition has been present or gone. */
    private static final class Episode {
        boolean open;
        Instant presentSince;
        Instant goneSince;
    }

    AlertEvaluator(List<AlertRule> rules, Duration clearAfter, Collection<AlertKey> alreadyOpen) {
        this.rules = List.copyOf(rules);
        this.clearAfter = clearAfter;
        alreadyOpen.forEach(key -> episodes.computeIfAbsent(key, k -> new Episode()).open = true);
    }

    /** The five standard rules with the given thresholds, carrying on from the alerts the store still has open. */
    public static AlertEvaluator standard(AlertSettings settings, Collection<AlertKey> alreadyOpen) {
        return new AlertEvaluator(List.of(new OfflineRule(settings), new OverheatingRule(settings),
                new FanFailureRule(settings), new HashboardLostRule(settings), new LowHashrateRule(settings)),
                settings.clearAfter(), alreadyOpen);
    }

    /**
     * Judges every miner's latest reading at {@code now}. A miner with open alerts that is no longer in
     * {@code latest} (removed from the farm) has them cleared.
     *
     * @param models each miner's catalog model, empty when unknown
     */
    public AlertBatch evaluate(Map<MinerId, TelemetrySnapshot> latest,
                               Function<MinerId, Optional<MinerModel>> models, Instant now) {
        List<AlertFinding> active = new ArrayList<>();
        List<AlertKey> cleared = new ArrayList<>();
        latest.forEach((miner, snapshot) -> {
            Optional<MinerModel> model = models.apply(miner);
            for (AlertRule rule : rules) {
                AlertKey key = new AlertKey(miner, rule.kind());
                step(key, rule, rule.judge(snapshot, model, now), now, active, cleared);
            }
        });
        for (Iterator<Map.Entry<AlertKey, Episode>> it = episodes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AlertKey, Episode> entry = it.next();
            if (!latest.containsKey(entry.getKey().minerId())) {
                if (entry.getValue().open) {
                    cleared.add(entry.getKey());
                }
                it.remove();
            }
        }
        return new AlertBatch(active, cleared, now);
    }

    private void step(AlertKey key, AlertRule rule, Verdict verdict, Instant now, List<AlertFinding> active,
                      List<AlertKey> cleared) {
        Episode episode = episodes.get(key);
        switch (verdict.state()) {
            case RAISE -> {
                if (episode == null) {
                    episode = new Episode();
                    episodes.put(key, episode);
                }
                episode.goneSince = null;
                if (episode.presentSince == null) {
                    episode.presentSince = now;
                }
                if (episode.open || !now.isBefore(episode.presentSince.plus(rule.raiseAfter()))) {
                    episode.open = true;
                    active.add(new AlertFinding(key, verdict.severity(), verdict.message()));
                }
            }
            case HOLD -> {
                if (episode != null) {
                    episode.goneSince = null;
                    if (!episode.open) {
                        episodes.remove(key);
                    }
                }
            }
            case CLEAR -> {
                if (episode == null) {
                    return;
                }
                if (!episode.open) {
                    episodes.remove(key);
                    return;
                }
                if (episode.goneSince == null) {
                    episode.goneSince = now;
                }
                if (!now.isBefore(episode.goneSince.plus(clearAfter))) {
                    cleared.add(key);
                    episodes.remove(key);
                }
            }
        }
    }
}

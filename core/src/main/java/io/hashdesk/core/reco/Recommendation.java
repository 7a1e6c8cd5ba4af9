package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingChange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing Hashdesk advises, with everything an operator needs to decide and the executor needs to apply it.
 *
 * @param id             stable for the same advice on the same target (type + target + proposal), so a re-run
 *                       updates instead of duplicating
 * @param changes        exact settings per miner, from → to; empty for advice that does not change miners
 * @param impact         expected change with intervals
 * @param confidence     0–1, from the model's uncertainty and the type's track record (never a constant)
 * @param headline       one line, e.g. "Lower S19j Pro #17 to the 3,000 W preset"
 * @param reasoning      plain language naming the evidence
 * @param evidence       the figures behind it, one short line each
 * @param steps          what happens (or what a technician does), in order
 * @param expiresAt      after this the advice is stale and is not applied
 * @param modelVersions  the model versions it came from ({@code type/scope@version}); empty for rules
 * @param rankScore      expected gain × confidence, the inbox's default order (higher first)
 * @param backtest       for POWER, SCHEDULE and COIN_SWITCH: the policy replayed over the last days
 * @param parts          MAINTENANCE: parts a technician should bring; empty otherwise
 */
public record Recommendation(String id, RecommendationType type, RecommendationTarget target,
                             List<SettingChange> changes, ExpectedImpact impact, double confidence, String headline,
                             String reasoning, List<String> evidence, List<String> steps, Urgency urgency,
                             Instant createdAt, Instant expiresAt, List<String> modelVersions, double rankScore,
                             Optional<Backtest> backtest, List<String> parts) {

    public Recommendation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        changes = List.copyOf(changes);
        Objects.requireNonNull(impact, "impact");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be 0–1, got " + confidence);
        }
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(reasoning, "reasoning");
        evidence = List.copyOf(evidence);
        steps = List.copyOf(steps);
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(expiresAt, "expires at");
        modelVersions = List.copyOf(modelVersions);
        Objects.requireNonNull(backtest, "backtest (use Optional.empty())");
        parts = List.copyOf(parts);
        if (!changes.isEmpty() && !type.changesMiners()) {
            throw new IllegalArgumentException(type + " is advice only and cannot carry setting changes");
        }
    }

    /** True when it can be applied through the action executor. */
    public boolean applicable() {
        return !changes.isEmpty();
    }

    /** The same recommendation ranked at {@code score}. */
    public Recommendation withRankScore(double score) {
        return new Recommendation(id, type, target, changes, impact, confidence, headline, reasoning, evidence, steps,
                urgency, createdAt, expiresAt, modelVersions, score, backtest, parts);
    }

    /** The same recommendation valid until {@code at}. */
    public Recommendation withExpiresAt(Instant at) {
        return new Recommendation(id, type, target, changes, impact, confidence, headline, reasoning, evidence, steps,
                urgency, createdAt, at, modelVersions, rankScore, backtest, parts);
    }

    /** The same recommendation explained by {@code text}. */
    public Recommendation withReasoning(String text) {
        return new Recommendation(id, type, target, changes, impact, confidence, headline, text, evidence, steps,
                urgency, createdAt, expiresAt, modelVersions, rankScore, backtest, parts);
    }
}

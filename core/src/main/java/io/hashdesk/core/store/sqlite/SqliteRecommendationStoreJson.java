package io.hashdesk.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.Backtest;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationTarget;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.TargetScope;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recommendation store's JSON: a recommendation's payload in a shape of its own (miner ids as text, the optional
 * backtest as {@code null}), so the domain records can change without unreadable rows. Pool passwords are never
 * written: advice does not carry secrets, the executor takes them from the pool store.
 */
final class SqliteRecommendationStoreJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // SettingValues.isEmpty() is a question, not a field
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private SqliteRecommendationStoreJson() {
    }

    private record TargetRow(TargetScope scope, String label, String roomId, List<String> miners) {
    }

    private record ChangeRow(String miner, String modelId, SettingValues from, SettingValues to) {
    }

    private record RecommendationRow(String id, RecommendationType type, TargetRow target, List<ChangeRow> changes,
                                     ExpectedImpact impact, double confidence, String headline, String reasoning,
                                     List<String> evidence, List<String> steps, Urgency urgency, Instant createdAt,
                                     Instant expiresAt, List<String> modelVersions, double rankScore,
                                     Backtest backtest, List<String> parts) {
    }

    static String write(Recommendation r) {
        RecommendationTarget t = r.target();
        return text(new RecommendationRow(r.id(), r.type(), new TargetRow(t.scope(), t.label(), t.roomId(),
                t.miners().stream().map(MinerId::value).toList()), r.changes().stream().map(c -> new ChangeRow(
                c.miner().value(), c.modelId(), withoutPasswords(c.from()), withoutPasswords(c.to()))).toList(),
                r.impact(), r.confidence(), r.headline(), r.reasoning(), r.evidence(), r.steps(), r.urgency(),
                r.createdAt(), r.expiresAt(), r.modelVersions(), r.rankScore(), r.backtest().orElse(null),
                r.parts()));
    }

    static Recommendation readRecommendation(String text) {
        RecommendationRow row = value(text, RecommendationRow.class);
        TargetRow t = row.target();
        return new Recommendation(row.id(), row.type(), new RecommendationTarget(t.scope(), t.label(), t.roomId(),
                t.miners().stream().map(MinerId::of).toList()), row.changes().stream().map(c -> new SettingChange(
                MinerId.of(c.miner()), c.modelId(), c.from(), c.to())).toList(), row.impact(), row.confidence(),
                row.headline(), row.reasoning(), row.evidence(), row.steps(), row.urgency(), row.createdAt(),
                row.expiresAt(), row.modelVersions(), row.rankScore(), Optional.ofNullable(row.backtest()),
                row.parts());
    }

    static String write(ExpectedImpact impact) {
        return text(impact);
    }

    static ExpectedImpact readImpact(String text) {
        return value(text, ExpectedImpact.class);
    }

    static String write(List<String> texts) {
        return text(texts);
    }

    static List<String> readTexts(String text) {
        try {
            return JSON.readValue(text, TEXTS);
        } catch (JsonProcessingException e) {
            throw unreadable(text, e);
        }
    }

    private static SettingValues withoutPasswords(SettingValues v) {
        return v.pools() == null ? v : v.withPools(v.pools().stream().map(PoolTarget::withoutPassword).toList());
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T value(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(text, e);
        }
    }

    private static StoreException unreadable(String text, JsonProcessingException e) {
        return new StoreException("A recommendation row holds unreadable JSON (" + e.getOriginalMessage() + "): "
                + (text.length() > 200 ? text.substring(0, 200) + "…" : text), e);
    }
}

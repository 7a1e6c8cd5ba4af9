package io.hashdesk.app.models;

import io.hashdesk.app.models.ModelSlotRow.FeatureDriftRow;
import io.hashdesk.app.models.ModelSlotRow.Rollback;
import io.hashdesk.app.models.ModelSlotRow.VersionRow;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FeatureDrift;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a read of the registry into the Models table's rows, those needing attention first. */
final class SlotRows {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d");
    private static final Comparator<ModelSlotRow> ATTENTION_FIRST = Comparator.comparingInt(ModelSlotRow::attention)
            .thenComparing(ModelSlotRow::family).thenComparing(ModelSlotRow::scopeText);

    private final MinerModelCatalog catalog;
    private final ZoneId zone;

    SlotRows(MinerModelCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    List<ModelSlotRow> rows(ModelsPicture picture) {
        return picture.slots().stream().map(slot -> row(slot, picture.readAt())).sorted(ATTENTION_FIRST).toList();
    }

    private ModelSlotRow row(ModelsPicture.Slot slot, Instant now) {
        Optional<ModelVersion> champion = slot.champion();
        Optional<DriftReport> drift = slot.latestDrift();
        Optional<DriftVerdict> verdict = drift.map(DriftReport::verdict);
        return new ModelSlotRow(slot.type(), slot.scope(), ModelText.family(slot.type()),
                ModelText.scope(slot.scope(), catalog),
                champion.map(v -> "v" + v.id()).orElse("none"),
                champion.map(v -> at(v.createdAt())).orElse(""),
                champion.map(this::window).orElse(""),
                champion.map(v -> metric(v, slot.promotionMetric())).orElse(""),
                slot.versions().size(),
                drift.map(r -> "checked " + when(r.checkedAt(), now))
                        .orElse(champion.isPresent() ? "not checked yet" : ""),
                verdict,
                drift.map(r -> r.drifted().stream().map(f -> f.feature() + " (" + ModelText.verdict(f.verdict())
                        .toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining(", "))).orElse(""),
                attention(champion.isPresent(), verdict),
                rollback(slot, champion),
                slot.versions().stream().map(v -> version(v, slot.promotionMetric())).toList(),
                drift.map(r -> r.features().stream().map(SlotRows::feature).toList()).orElse(List.of()));
    }

    private static int attention(boolean hasChampion, Optional<DriftVerdict> verdict) {
        if (verdict.filter(v -> v == DriftVerdict.RETRAIN).isPresent()) {
            return 0;
        }
        if (!hasChampion) {
            return 1;
        }
        return verdict.filter(v -> v == DriftVerdict.WATCH).isPresent() ? 2 : 3;
    }

    private Rollback rollback(ModelsPicture.Slot slot, Optional<ModelVersion> champion) {
        if (champion.isEmpty()) {
            return new Rollback(false, "No version serves, so there is nothing to roll back.");
        }
        Optional<ModelVersion> previous = slot.previousChampion();
        if (previous.isEmpty()) {
            return new Rollback(false, "v" + champion.get().id() + " is the only champion this model has had; there is"
                    + " no earlier one to return to.");
        }
        return new Rollback(true, described(previous.get(), slot.promotionMetric()) + " replaces "
                + described(champion.get(), slot.promotionMetric()));
    }

    private String described(ModelVersion version, String promotionMetric) {
        String metric = metric(version, promotionMetric);
        return "v" + version.id() + " (trained " + at(version.createdAt()) + (metric.isEmpty() ? "" : ", " + metric)
                + ")";
    }

    private VersionRow version(ModelVersion v, String promotionMetric) {
        String others = v.metrics().entrySet().stream().filter(e -> !e.getKey().equals(promotionMetric))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> ModelText.metric(e.getKey(), e.getValue())).collect(Collectors.joining(" · "));
        // the registry's reasons name the metric as the trainers record it
        String reason = v.statusReason().replace(promotionMetric, ModelText.words(promotionMetric));
        return new VersionRow(v.id(), "v" + v.id(), at(v.createdAt()), ModelText.status(v.status()), reason,
                metric(v, promotionMetric), others, v.status() == ModelStatus.CHAMPION);
    }

    private static FeatureDriftRow feature(FeatureDrift f) {
        return new FeatureDriftRow(f.feature(), f.verdict(), ModelText.verdict(f.verdict()),
                ModelText.statistic(f.psi()), ModelText.statistic(f.ksPValue()), f.explanation());
    }

    private static String metric(ModelVersion version, String promotionMetric) {
        return version.metric(promotionMetric).map(value -> ModelText.metric(promotionMetric, value)).orElse("");
    }

    private String window(ModelVersion v) {
        long hours = Duration.between(v.trainedFrom(), v.trainedTo()).toHours();
        String length = hours >= 48 ? Math.round(hours / 24.0) + " days" : hours + " h";
        return DATE.format(v.trainedFrom().atZone(zone)) + " – " + DATE.format(v.trainedTo().atZone(zone)) + " ("
                + length + ")";
    }

    private String at(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** How long ago while that is short; the date and time once it is not. */
    private String when(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toMinutes() < 120) {
            return age.toMinutes() + " min ago";
        }
        return age.toHours() < 24 ? age.toHours() + " h ago" : at(at);
    }
}

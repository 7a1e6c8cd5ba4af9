package io.hashdesk.core.reco;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When the recommendation engine runs and what it lets through. Defaults live in {@code reco-defaults.json} beside
 * this class (each value is explained there by the record it fills, below); an operator's {@value #OVERRIDES_FILE} in
 * the data folder overrides any subset of them, e.g. {@code {"types": {"POWER": {"cooldown": "P7D"}}}}.
 *
 * @param runInterval how often the scheduled pass runs (default 15 minutes)
 * @param types       per recommendation type: cooldown, minimum gain, expiry and minimum confidence; every type
 *                    must be present
 * @param conflicts   how two setting changes on the same miner's same settings are settled
 * @param power       the power advisor's grouping and its weight for uncalibrated curves
 * @param cooling     the cooling advisor's thresholds
 * @param maintenance the maintenance advisor's thresholds
 * @param risk        the miner risk advisor's thresholds
 * @param trackRecord how measured outcomes turn a model's confidence into the shown one
 * @param outcomes    the windows outcome measurement compares
 */
public record RecommendationSettings(Duration runInterval, Map<RecommendationType, TypeRules> types,
                                     ConflictRules conflicts, PowerRules power, CoolingRules cooling,
                                     MaintenanceRules maintenance, RiskRules risk, TrackRecordRules trackRecord,
                                     OutcomeRules outcomes) {

    /** The operator's overrides, in the data folder. */
    public static final String OVERRIDES_FILE = "recommendation-settings.json";
    private static final String DEFAULTS = "reco-defaults.json";

    public RecommendationSettings {
        requirePositive(runInterval, "runInterval");
        if (types == null) {
            throw new IllegalArgumentException("types is missing");
        }
        for (RecommendationType type : RecommendationType.values()) {
            if (types.get(type) == null) {
                throw new IllegalArgumentException("types." + type + " is missing: every type needs its rules");
            }
        }
        types = Map.copyOf(new EnumMap<>(types));
        requirePresent(conflicts, "conflicts");
        requirePresent(power, "power");
        requirePresent(cooling, "cooling");
        requirePresent(maintenance, "maintenance");
        requirePresent(risk, "risk");
        requirePresent(trackRecord, "trackRecord");
        requirePresent(outcomes, "outcomes");
    }

    /** The bundled defaults. */
    public static RecommendationSettings defaults() {
        return JsonSettings.defaults(RecommendationSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@value #OVERRIDES_FILE} in {@code dataFolder} replacing them. */
    public static RecommendationSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(RecommendationSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    /** The rules for one type. */
    public TypeRules rules(RecommendationType type) {
        return types.get(type);
    }

    /**
     * What one type of recommendation must clear to be shown.
     *
     * @param cooldown                 after a recommendation of this type was applied to a miner or dismissed, no
     *                                 other of this type is shown for that miner for this long
     * @param minGainUsdPerDayPerMiner expected profit gain per target miner below which it is not worth an operator's
     *                                 look; {@code null}: not checked
     * @param minEfficiencyGainPercent expected J/TH improvement, % of the miners' current J/TH, that is worth it on
     *                                 its own; {@code null}: not checked. With both set, clearing either is enough
     * @param expiry                   how long advice stays valid after a pass made it
     * @param minConfidence            shown confidence (0–1) below which it is not shown
     */
    public record TypeRules(Duration cooldown, Double minGainUsdPerDayPerMiner, Double minEfficiencyGainPercent,
                            Duration expiry, double minConfidence) {

        public TypeRules {
            if (cooldown == null || cooldown.isNegative()) {
                throw new IllegalArgumentException("cooldown must be a duration of zero or more, got " + cooldown);
            }
            if (minGainUsdPerDayPerMiner != null && !(minGainUsdPerDayPerMiner >= 0)) {
                throw new IllegalArgumentException("minGainUsdPerDayPerMiner must be 0 or more USD/day, got "
                        + minGainUsdPerDayPerMiner);
            }
            if (minEfficiencyGainPercent != null
                    && !(minEfficiencyGainPercent >= 0 && minEfficiencyGainPercent < 100)) {
                throw new IllegalArgumentException("minEfficiencyGainPercent must be 0–100 %, got "
                        + minEfficiencyGainPercent);
            }
            requirePositive(expiry, "expiry");
            requireFraction(minConfidence, "minConfidence");
        }
    }

    /**
     * @param protectiveTypes types that win a conflict whatever the other's gain, because they protect hardware (a
     *                        COOLING derate beats a POWER raise on an overheating unit)
     */
    public record ConflictRules(List<RecommendationType> protectiveTypes) {

        public ConflictRules {
            protectiveTypes = protectiveTypes == null ? List.of() : List.copyOf(protectiveTypes);
        }
    }

    /**
     * @param groupMinMiners     this many miners of one model in one room with the same proposal become one group
     *                           recommendation instead of one each
     * @param uncalibratedFactor the weight (0–1) a curve whose intervals are only indicative puts on its confidence
     */
    public record PowerRules(int groupMinMiners, double uncalibratedFactor) {

        public PowerRules {
            if (groupMinMiners < 2) {
                throw new IllegalArgumentException("groupMinMiners must be 2 or more, got " + groupMinMiners);
            }
            requireFraction(uncalibratedFactor, "uncalibratedFactor");
        }
    }

    /**
     * @param minHeadroomC               a unit whose forecast hottest chip (interval's high end) comes within this
     *                                   many °C of its limit gets cooling advice
     * @param fanSaturatedPercent        at or above this fan duty the fans have nothing left, so only a derate helps
     * @param fanMinRaisedPercent        the fan minimum advised to a unit whose fans still have room
     * @param targetTempMarginC          the target chip temperature advised is the limit minus this
     * @param roomMinUnits               this many units of one room short of headroom get one room-level advice
     * @param cleanResistanceRisePercent a unit whose thermal resistance rose this much needs cleaning
     * @param moveHotterThanRoomC        a unit whose intake air is this much hotter than the room's median sits in a
     *                                   hot spot and should be moved
     */
    public record CoolingRules(double minHeadroomC, int fanSaturatedPercent, int fanMinRaisedPercent,
                               int targetTempMarginC, int roomMinUnits, double cleanResistanceRisePercent,
                               double moveHotterThanRoomC) {

        public CoolingRules {
            requireNonNegative(minHeadroomC, "minHeadroomC");
            requirePercent(fanSaturatedPercent, "fanSaturatedPercent");
            requirePercent(fanMinRaisedPercent, "fanMinRaisedPercent");
            if (targetTempMarginC < 0 || targetTempMarginC > 40) {
                throw new IllegalArgumentException("targetTempMarginC must be 0–40 °C, got " + targetTempMarginC);
            }
            if (roomMinUnits < 2) {
                throw new IllegalArgumentException("roomMinUnits must be 2 or more, got " + roomMinUnits);
            }
            requireNonNegative(cleanResistanceRisePercent, "cleanResistanceRisePercent");
            requireNonNegative(moveHotterThanRoomC, "moveHotterThanRoomC");
        }
    }

    /**
     * Urgency comes from the failure probability per day of the horizon ({@code probability ÷ horizon in days}).
     *
     * @param workOrderProbability       failure probability within the horizon that warrants a work order
     * @param anomalyScore               anomaly score (0–1) that warrants an inspection
     * @param criticalProbabilityPerDay  at or above: CRITICAL
     * @param highProbabilityPerDay      at or above: HIGH
     * @param mediumProbabilityPerDay    at or above: MEDIUM, else LOW
     */
    public record MaintenanceRules(double workOrderProbability, double anomalyScore, double criticalProbabilityPerDay,
                                   double highProbabilityPerDay, double mediumProbabilityPerDay) {

        public MaintenanceRules {
            requireFraction(workOrderProbability, "workOrderProbability");
            requireFraction(anomalyScore, "anomalyScore");
            requireFraction(criticalProbabilityPerDay, "criticalProbabilityPerDay");
            requireFraction(highProbabilityPerDay, "highProbabilityPerDay");
            requireFraction(mediumProbabilityPerDay, "mediumProbabilityPerDay");
            if (!(mediumProbabilityPerDay <= highProbabilityPerDay
                    && highProbabilityPerDay <= criticalProbabilityPerDay)) {
                throw new IllegalArgumentException("mediumProbabilityPerDay ≤ highProbabilityPerDay ≤"
                        + " criticalProbabilityPerDay is required, got " + mediumProbabilityPerDay + ", "
                        + highProbabilityPerDay + ", " + criticalProbabilityPerDay);
            }
        }
    }

    /**
     * @param roomHeadroomC  a unit with less forecast headroom than this counts as thin
     * @param roomThinShare  a room where this share (0–1) of the units is thin is at risk
     * @param roomMinUnits   and at least this many of them
     */
    public record RiskRules(double roomHeadroomC, double roomThinShare, int roomMinUnits) {

        public RiskRules {
            requireNonNegative(roomHeadroomC, "roomHeadroomC");
            requireFraction(roomThinShare, "roomThinShare");
            if (roomMinUnits < 1) {
                throw new IllegalArgumentException("roomMinUnits must be 1 or more, got " + roomMinUnits);
            }
        }
    }

    /**
     * @param priorStrength   how many outcomes the prior is worth: with fewer measured, the model's confidence mostly
     *                        stands
     * @param nominalCoverage the share of outcomes a model's intervals claim to contain (90 % intervals: 0.9)
     */
    public record TrackRecordRules(double priorStrength, double nominalCoverage) {

        public TrackRecordRules {
            if (!(priorStrength > 0) || Double.isInfinite(priorStrength)) {
                throw new IllegalArgumentException("priorStrength must be a positive number, got " + priorStrength);
            }
            if (!(nominalCoverage > 0 && nominalCoverage < 1)) {
                throw new IllegalArgumentException("nominalCoverage must be between 0 and 1, got " + nominalCoverage);
            }
        }
    }

    /**
     * @param before     the window before the change finished that is compared
     * @param settle     skipped after the change, while the miner retunes
     * @param after      the window after {@code settle} that is compared
     * @param minSamples 5-minute buckets a miner needs in each window to count
     */
    public record OutcomeRules(Duration before, Duration settle, Duration after, int minSamples) {

        public OutcomeRules {
            requirePositive(before, "before");
            if (settle == null || settle.isNegative()) {
                throw new IllegalArgumentException("settle must be a duration of zero or more, got " + settle);
            }
            requirePositive(after, "after");
            if (minSamples < 1) {
                throw new IllegalArgumentException("minSamples must be 1 or more, got " + minSamples);
            }
        }
    }

    private static void requirePresent(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    private static void requireFraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be 0–1, got " + value);
        }
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
    }

    private static void requirePercent(int value, String name) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be 0–100 %, got " + value);
        }
    }
}

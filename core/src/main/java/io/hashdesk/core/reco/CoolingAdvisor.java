package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * COOLING from the thermal model's outlooks and the latest readings. A unit forecast to come within the headroom
 * margin of its chip limit gets a higher fan minimum and a lower target temperature while its fans have room, else a
 * derate to the power the model says restores headroom. When several units of one room are short, the room gets one
 * recommendation instead: which units to derate, which to clean (thermal resistance risen) and which to move (intake
 * air hotter than the room's others).
 */
public final class CoolingAdvisor implements Advisor {

    private final RecommendationSettings settings;

    public CoolingAdvisor(RecommendationSettings settings) {
        this.settings = settings;
    }

    /** A unit short of headroom, with how sure the model is that it is. */
    private record Short(ThermalOutlook outlook, Miner miner, Optional<TelemetrySnapshot> latest, double likelihood) {
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EvidenceIndex index = new EvidenceIndex(evidence);
        RecommendationSettings.CoolingRules rules = settings.cooling();
        Map<String, List<ThermalOutlook>> byRoom = new TreeMap<>();
        Map<String, List<Short>> shortByRoom = new TreeMap<>();
        evidence.thermal().stream().sorted(Comparator.comparing(ThermalOutlook::miner)).forEach(t ->
                index.facts(t.miner()).ifPresent(f -> {
                    String room = f.miner().position().roomId();
                    byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(t);
                    if (t.headroomC() < rules.minHeadroomC()) {
                        shortByRoom.computeIfAbsent(room, r -> new ArrayList<>())
                                .add(new Short(t, f.miner(), f.latest(),
                                        t.likelihoodHeadroomBelow(rules.minHeadroomC())));
                    }
                }));
        List<Recommendation> out = new ArrayList<>();
        shortByRoom.forEach((room, shortUnits) -> {
            boolean roomLevel = shortUnits.size() >= rules.roomMinUnits();
            if (roomLevel) {
                out.add(roomAdvice(room, shortUnits, byRoom.get(room), index, now, trackRecord));
            }
            for (Short unit : shortUnits) {
                boolean derated = roomLevel && unit.outlook().deratedPowerWatts() != null;
                if (!derated) {
                    unitAdvice(unit, !roomLevel, index, now, trackRecord).ifPresent(out::add);
                }
            }
        });
        return out;
    }

    private Optional<Recommendation> unitAdvice(Short unit, boolean mayDerate, EvidenceIndex index, Instant now,
                                                TrackRecord trackRecord) {
        RecommendationSettings.CoolingRules rules = settings.cooling();
        ThermalOutlook t = unit.outlook();
        Double fanPercent = unit.latest().map(TelemetrySnapshot::fanPercent).orElse(null);
        boolean fansHaveRoom = fanPercent == null || fanPercent < rules.fanSaturatedPercent();
        SettingChange change;
        ExpectedImpact impact;
        String what;
        if (fansHaveRoom) {
            int target = (int) Math.floor(t.chipTempLimitC()) - rules.targetTempMarginC();
            // the fan controller's own settings are not in telemetry: the executor reads them before writing
            change = new SettingChange(t.miner(), unit.miner().modelId(), SettingValues.none(),
                    SettingValues.none().withCooling(target, rules.fanMinRaisedPercent()));
            impact = ExpectedImpact.none();
            what = "its fans are at " + (fanPercent == null ? "an unreported duty" : Words.number(fanPercent, 0)
                    + " %") + ", so they have room: raise the fan minimum to " + rules.fanMinRaisedPercent()
                    + " % and aim the controller at " + target + " °C";
        } else if (mayDerate && t.deratedPowerWatts() != null) {
            change = derate(unit);
            impact = derateImpact(unit);
            what = "its fans already run at " + Words.number(fanPercent, 0) + " %, so only less power helps: at "
                    + t.deratedPowerWatts() + " W the model forecasts "
                    + Words.number(t.chipTempAtDeratedC().high(), 1) + " °C at most";
        } else {
            return Optional.empty();
        }
        double confidence = clamp(trackRecord.confidence(RecommendationType.COOLING, unit.likelihood()));
        String label = EvidenceIndex.label(unit.miner());
        List<SettingChange> changes = List.of(change);
        String reasoning = "The thermal model forecasts the hottest chip of " + label + " at up to "
                + Words.number(t.chipTempAtCurrentC().high(), 1) + " °C against a limit of "
                + Words.number(t.chipTempLimitC(), 1) + " °C (" + Words.number(t.headroomC(), 1)
                + " °C headroom, " + Words.number(rules.minHeadroomC(), 1) + " °C wanted) with intake air"
                + " at " + Words.number(t.ambientC(), 1) + " °C (" + t.ambientSource() + "); " + what + ".";
        return Optional.of(new Recommendation(RecommendationIds.forChanges(RecommendationType.COOLING, changes),
                RecommendationType.COOLING, new RecommendationTarget(TargetScope.MINER, label,
                unit.miner().position().roomId(), List.of(t.miner())), changes, impact, confidence,
                "Cool " + label + ": " + Words.settings(change.to()), reasoning, evidenceLines(t), List.of(
                "Take the firmware's settings backup", "Set " + Words.settings(change.to()),
                "Watch the chip temperature over the settle window; roll back if the unit overheats or drops"),
                t.headroomC() < 0 ? Urgency.HIGH : Urgency.MEDIUM, now,
                now.plus(settings.rules(RecommendationType.COOLING).expiry()), List.of(t.modelVersion()),
                index.revenueUsdPerDay(t.miner()) * confidence, Optional.empty(), List.of()));
    }

    private Recommendation roomAdvice(String room, List<Short> shortUnits, List<ThermalOutlook> roomUnits,
                                      EvidenceIndex index, Instant now, TrackRecord trackRecord) {
        RecommendationSettings.CoolingRules rules = settings.cooling();
        double medianAmbient = median(roomUnits.stream().mapToDouble(ThermalOutlook::ambientC).sorted().toArray());
        List<Short> derate = shortUnits.stream().filter(u -> u.outlook().deratedPowerWatts() != null).toList();
        List<Short> clean = shortUnits.stream()
                .filter(u -> u.outlook().resistanceRisePercent() >= rules.cleanResistanceRisePercent()).toList();
        List<Short> move = shortUnits.stream()
                .filter(u -> u.outlook().ambientC() - medianAmbient >= rules.moveHotterThanRoomC()).toList();
        List<SettingChange> changes = derate.stream().map(CoolingAdvisor::derate).toList();
        List<MinerId> miners = shortUnits.stream().map(u -> u.outlook().miner()).toList();
        List<String> steps = new ArrayList<>();
        List<String> evidenceLines = new ArrayList<>();
        for (Short u : derate) {
            steps.add("Derate " + EvidenceIndex.label(u.miner()) + " to " + u.outlook().deratedPowerWatts() + " W");
        }
        for (Short u : clean) {
            steps.add("Clean " + EvidenceIndex.label(u.miner()) + ": its thermal resistance rose "
                    + Words.number(u.outlook().resistanceRisePercent(), 0) + " % (dust or worn fans)");
        }
        for (Short u : move) {
            steps.add("Move " + EvidenceIndex.label(u.miner()) + " out of its hot spot: intake air "
                    + Words.number(u.outlook().ambientC(), 1) + " °C against the room's median "
                    + Words.number(medianAmbient, 1) + " °C");
        }
        shortUnits.forEach(u -> evidenceLines.addAll(evidenceLines(u.outlook())));
        double likelihood = shortUnits.stream().mapToDouble(Short::likelihood).average().orElse(0);
        double confidence = clamp(trackRecord.confidence(RecommendationType.COOLING, likelihood));
        double atStake = miners.stream().mapToDouble(index::revenueUsdPerDay).sum();
        Estimate power = derate.stream().map(CoolingAdvisor::derateImpact).map(ExpectedImpact::powerWatts)
                .reduce((a, b) -> a == null || b == null ? null : a.plus(b)).orElse(null);
        String reasoning = shortUnits.size() + " of the " + roomUnits.size() + " units the thermal model covers in "
                + room + " are forecast within " + Words.number(rules.minHeadroomC(), 1)
                + " °C of their chip limit; the room's median intake air is " + Words.number(medianAmbient, 1)
                + " °C. " + derate.size() + " can be derated to restore headroom, " + clean.size()
                + " show a risen thermal resistance and need cleaning, " + move.size()
                + " sit where the air is hotter than the rest of the room.";
        boolean overLimit = shortUnits.stream().anyMatch(u -> u.outlook().headroomC() < 0);
        return new Recommendation(RecommendationIds.forAdvice(RecommendationType.COOLING, miners, "room-" + room
                + "|" + changes.stream().map(c -> c.miner() + "@" + c.to().powerTargetWatts()).toList()),
                RecommendationType.COOLING, new RecommendationTarget(TargetScope.ROOM, "Room " + room, room, miners),
                changes, new ExpectedImpact(null, power, null, null), confidence, "Room " + room + ": "
                + shortUnits.size() + " units short of thermal headroom", reasoning, evidenceLines, steps,
                overLimit ? Urgency.HIGH : Urgency.MEDIUM, now,
                now.plus(settings.rules(RecommendationType.COOLING).expiry()),
                shortUnits.stream().map(u -> u.outlook().modelVersion()).distinct().sorted().toList(),
                atStake * confidence, Optional.empty(), List.of());
    }

    private static SettingChange derate(Short unit) {
        String preset = unit.latest().map(TelemetrySnapshot::preset).orElse(null);
        return new SettingChange(unit.outlook().miner(), unit.miner().modelId(),
                preset == null ? SettingValues.none() : SettingValues.none().withPreset(preset),
                SettingValues.none().withPowerTarget(unit.outlook().deratedPowerWatts()));
    }

    private static ExpectedImpact derateImpact(Short unit) {
        Double watts = unit.latest().map(TelemetrySnapshot::powerWatts).orElse(null);
        if (watts == null) {
            return ExpectedImpact.none();
        }
        return new ExpectedImpact(null, Estimate.exactly(Math.min(0, unit.outlook().deratedPowerWatts() - watts)),
                null, null);
    }

    private static List<String> evidenceLines(ThermalOutlook t) {
        Estimate chip = t.chipTempAtCurrentC();
        return List.of(t.miner() + ": hottest chip forecast " + Words.number(chip.mean(), 1) + " °C ("
                + Words.number(chip.low(), 1) + " to " + Words.number(chip.high(), 1)
                + "), limit " + Words.number(t.chipTempLimitC(), 1) + " °C, intake " + Words.number(t.ambientC(), 1)
                + " °C (" + t.ambientSource() + ")");
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}

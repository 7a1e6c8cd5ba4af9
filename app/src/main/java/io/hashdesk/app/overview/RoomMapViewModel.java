package io.hashdesk.app.overview;

import io.hashdesk.app.overview.MapLayout.MapPlace;
import io.hashdesk.app.overview.MapLayout.MapRack;
import io.hashdesk.app.overview.MapLayout.MapRoom;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The room map: every registered miner placed by room, rack, shelf and slot, coloured by chip temperature (in the
 * bands of {@link OverviewSettings#chipTempBandsC()}) or by status, with a hover text; a click asks to open the miner.
 * Fed by a live refresh; touches no node.
 */
final class RoomMapViewModel {

    static final String NO_READING = "no-reading";
    /** Rack names sort as people read them: R2 before R10. */
    private static final Comparator<String> RACK_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final MinerModelCatalog catalog;
    private final OverviewSettings settings;
    private final ObjectProperty<MapColouring> colouring = new SimpleObjectProperty<>(this, "colouring",
            MapColouring.TEMPERATURE);
    private final ReadOnlyObjectWrapper<MapLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout",
            new MapLayout(List.of(), 0));
    private final ReadOnlyObjectWrapper<Map<MinerId, MapCell>> cells = new ReadOnlyObjectWrapper<>(this, "cells",
            Map.of());
    private final ReadOnlyObjectWrapper<List<LegendEntry>> legend = new ReadOnlyObjectWrapper<>(this, "legend");
    private RoomMapPicture last;
    private Consumer<MinerId> onOpenMiner = id -> { };

    RoomMapViewModel(MinerModelCatalog catalog, OverviewSettings settings) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.settings = Objects.requireNonNull(settings, "settings");
        legend.set(legendFor(colouring.get()));
        colouring.addListener((obs, old, now) -> {
            legend.set(legendFor(now));
            if (last != null) {
                cells.set(cellsOf(last));
            }
        });
    }

    /** Takes a new read; call on the FX thread. The layout is replaced only when the inventory changed. */
    void update(RoomMapPicture picture) {
        last = picture;
        MapLayout next = layoutOf(picture);
        if (!next.equals(layout.get())) {
            layout.set(next);
        }
        cells.set(cellsOf(picture));
    }

    /** The operator clicked a miner's cell. */
    void open(MinerId miner) {
        onOpenMiner.accept(miner);
    }

    void setOnOpenMiner(Consumer<MinerId> onOpenMiner) {
        this.onOpenMiner = Objects.requireNonNull(onOpenMiner, "onOpenMiner");
    }

    private static MapLayout layoutOf(RoomMapPicture picture) {
        Map<String, String> roomNames = picture.rooms().stream()
                .collect(Collectors.toMap(Room::id, Room::name, (a, b) -> a));
        Map<String, Map<String, List<Miner>>> byRoomAndRack = new TreeMap<>();
        for (Miner miner : picture.miners()) {
            byRoomAndRack.computeIfAbsent(miner.position().roomId(), room -> new TreeMap<>(RACK_ORDER))
                    .computeIfAbsent(miner.position().rack(), rack -> new ArrayList<>()).add(miner);
        }
        List<MapRoom> rooms = new ArrayList<>();
        byRoomAndRack.forEach((roomId, racks) -> {
            List<MapRack> mapRacks = new ArrayList<>();
            racks.forEach((rack, miners) -> mapRacks.add(rackOf(rack, miners)));
            int count = racks.values().stream().mapToInt(List::size).sum();
            rooms.add(new MapRoom(roomId, roomNames.getOrDefault(roomId, roomId), List.copyOf(mapRacks), count));
        });
        return new MapLayout(List.copyOf(rooms), picture.miners().size());
    }

    private static MapRack rackOf(String rack, List<Miner> miners) {
        List<MapPlace> places = miners.stream()
                .sorted(Comparator.comparingInt((Miner m) -> m.position().shelf()).thenComparingInt(m -> m.position().slot())
                        .thenComparing(m -> m.id().value()))
                .map(m -> new MapPlace(m.id(), m.position().shelf(), m.position().slot())).toList();
        int shelves = places.stream().mapToInt(MapPlace::shelf).max().orElse(1);
        int slots = places.stream().mapToInt(MapPlace::slot).max().orElse(1);
        return new MapRack(rack, shelves, slots, places);
    }

    private Map<MinerId, MapCell> cellsOf(RoomMapPicture picture) {
        Function<MinerId, Algorithm> algorithms = catalog.algorithmsOf(picture.miners());
        Map<MinerId, MapCell> out = new HashMap<>(picture.miners().size() * 2);
        for (Miner miner : picture.miners()) {
            TelemetrySnapshot latest = picture.latest().get(miner.id());
            boolean recent = latest != null
                    && Duration.between(latest.takenAt(), picture.readAt()).compareTo(settings.staleAfter()) <= 0;
            out.put(miner.id(), new MapCell(styleClass(recent ? latest : null),
                    describe(miner, recent ? latest : null, latest, algorithms.apply(miner.id()))));
        }
        return Map.copyOf(out);
    }

    /** The colour class of a miner whose latest snapshot is {@code recent}, or {@code null} when there is none. */
    private String styleClass(TelemetrySnapshot recent) {
        if (colouring.get() == MapColouring.STATUS) {
            return recent == null ? NO_READING : statusClass(recent.status());
        }
        if (recent == null || recent.chipTempMaxC() == null) {
            return NO_READING;
        }
        return "temp-" + band(recent.chipTempMaxC());
    }

    /** How many band limits the temperature has reached: 0 below the first limit, n at or above the last. */
    int band(double chipTempC) {
        int band = 0;
        while (band < settings.chipTempBandsC().size() && chipTempC >= settings.chipTempBandsC().get(band)) {
            band++;
        }
        return band;
    }

    private static String statusClass(MinerStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String statusText(MinerStatus status) {
        String text = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String describe(Miner miner, TelemetrySnapshot recent, TelemetrySnapshot latest, Algorithm algorithm) {
        StringBuilder text = new StringBuilder(miner.id().value()).append(" · ").append(miner.position().label());
        catalog.byId(miner.modelId()).ifPresent(model -> text.append('\n').append(model.name()));
        if (recent == null) {
            text.append('\n').append(latest == null ? "No reading yet" : "No reading for over "
                    + settings.staleAfter().toMinutes() + " min");
        } else {
            text.append('\n').append(statusText(recent.status()));
            text.append(" · chip ").append(recent.chipTempMaxC() == null ? "–"
                    : String.format(Locale.ROOT, "%.0f °C", recent.chipTempMaxC()));
            HashrateUnit unit = algorithm == null ? HashrateUnit.TH_S : algorithm.displayUnit();
            text.append(" · ").append(recent.hashrateThs() == null ? "no hashrate"
                    : String.format(Locale.ROOT, "%,.1f %s", unit.fromThs(recent.hashrateThs()), unit.label()));
        }
        return text.append("\nClick to open").toString();
    }

    private List<LegendEntry> legendFor(MapColouring mode) {
        List<LegendEntry> entries = new ArrayList<>();
        if (mode == MapColouring.TEMPERATURE) {
            List<Double> limits = settings.chipTempBandsC();
            entries.add(new LegendEntry("temp-0", String.format(Locale.ROOT, "< %.0f °C", limits.getFirst())));
            for (int i = 1; i < limits.size(); i++) {
                entries.add(new LegendEntry("temp-" + i, String.format(Locale.ROOT, "%.0f–%.0f °C", limits.get(i - 1),
                        limits.get(i))));
            }
            entries.add(new LegendEntry("temp-" + limits.size(), String.format(Locale.ROOT, "≥ %.0f °C",
                    limits.getLast())));
        } else {
            for (MinerStatus status : MinerStatus.values()) {
                entries.add(new LegendEntry(statusClass(status), statusText(status)));
            }
        }
        entries.add(new LegendEntry(NO_READING, "No recent reading"));
        return List.copyOf(entries);
    }

    /** What colours mean; the view's toggle writes it. */
    ObjectProperty<MapColouring> colouringProperty() {
        return colouring;
    }

    /** Rooms, racks and places; replaced only when the inventory changes. */
    ReadOnlyObjectProperty<MapLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** Each miner's colour class and hover text; replaced on every read and on a colouring change. */
    ReadOnlyObjectProperty<Map<MinerId, MapCell>> cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<LegendEntry>> legendProperty() {
        return legend.getReadOnlyProperty();
    }
}

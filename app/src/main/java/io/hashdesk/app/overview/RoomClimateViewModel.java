package io.hashdesk.app.overview;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The overview's room strip: per room with sensors, its intake and exhaust air and its measured power beside what the
 * miners report, as the words a card shows. Fed by a live refresh at most once a second; no toolkit needed.
 */
public final class RoomClimateViewModel {

    private static final double WATTS_PER_KW = 1000;
    private static final double PERCENT = 100;

    /**
     * One room's card.
     *
     * @param warning why some figure is missing, or empty
     */
    public record Card(String roomId, String title, String air, String power, String warning) {
    }

    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a view's listener on a fresh one would be lost. */
    private final ObservableList<Card> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);

    void update(List<RoomClimate> rooms) {
        List<Card> next = rooms.stream().map(RoomClimateViewModel::card).toList();
        if (!next.equals(cards)) {
            cards.setAll(next);
        }
        visible.set(!next.isEmpty());
    }

    static Card card(RoomClimate room) {
        String air = "Intake " + temperature(room.intakeC()) + "   Exhaust " + temperature(room.exhaustC());
        if (room.intakeC() != null && room.exhaustC() != null) {
            air += String.format(Locale.ROOT, "   (Δ %.1f °C)", room.exhaustC() - room.intakeC());
        }
        String power = "Measured " + kilowatts(room.measuredWatts()) + "   Miners report "
                + kilowatts(room.reportedWatts());
        Double gap = room.gapFraction();
        if (gap != null) {
            power += String.format(Locale.ROOT, "   (%+.1f %%)", gap * PERCENT);
        }
        String warning = room.sensorsFailing() == 0 ? ""
                : room.sensorsFailing() + " of " + room.sensors() + " sensors without a fresh reading — see Settings ›"
                + " Sensors";
        return new Card(room.roomId(), room.roomName(), air, power, warning);
    }

    private static String temperature(Double c) {
        return c == null ? "—" : String.format(Locale.ROOT, "%.1f °C", c);
    }

    private static String kilowatts(Double watts) {
        return watts == null ? "—" : String.format(Locale.ROOT, "%.1f kW", watts / WATTS_PER_KW);
    }

    public ObservableList<Card> cards() {
        return cardsView;
    }

    /** Whether any room has sensors; the strip takes no space otherwise. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }
}

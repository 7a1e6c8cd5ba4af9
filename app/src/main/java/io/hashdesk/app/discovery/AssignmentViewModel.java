package io.hashdesk.app.discovery;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.domain.Room;
import io.hashdesk.drivers.discovery.DiscoveredMiner;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's step 3: where the ticked miners go (a room, existing or new, a rack, a shelf and the first slot) and
 * how they are unlocked (the factory default, a vault entry, or a new password entered twice and saved to the vault);
 * then registers them on the job runner and says what was added.
 */
public final class AssignmentViewModel {

    /** How the new miners are unlocked. */
    public enum CredentialMode { FACTORY_DEFAULT, EXISTING, NEW_PASSWORD }

    private final MinerRegistration registration;
    private final JobRunner jobs;
    private final Runnable onRegistered;
    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ObservableList<CredentialEntry> credentials = FXCollections.observableArrayList();
    private final ObjectProperty<Room> room = new SimpleObjectProperty<>(this, "room");
    private final StringProperty newRoomName = new SimpleStringProperty(this, "newRoomName", "");
    private final StringProperty rack = new SimpleStringProperty(this, "rack", "");
    private final StringProperty shelf = new SimpleStringProperty(this, "shelf", "1");
    private final StringProperty firstSlot = new SimpleStringProperty(this, "firstSlot", "1");
    private final ObjectProperty<CredentialMode> mode = new SimpleObjectProperty<>(this, "mode",
            CredentialMode.FACTORY_DEFAULT);
    private final ObjectProperty<CredentialEntry> credential = new SimpleObjectProperty<>(this, "credential");
    private final StringProperty newLabel = new SimpleStringProperty(this, "newLabel", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private List<DiscoveredMiner> picked = List.of();

    private record Choices(List<Room> rooms, List<CredentialEntry> credentials) {
    }

    AssignmentViewModel(MinerRegistration registration, JobRunner jobs, Runnable onRegistered) {
        this.registration = registration;
        this.jobs = jobs;
        this.onRegistered = onRegistered;
    }

    /** Takes the ticked miners and reads the rooms and vault entries to choose from. */
    void prepare(List<DiscoveredMiner> miners) {
        picked = List.copyOf(miners);
        count.set(picked.size());
        problem.set("");
        jobs.submit("Read rooms and credentials", context -> new Choices(registration.rooms(),
                registration.credentials()), choices -> {
                    rooms.setAll(choices.rooms());
                    credentials.setAll(choices.credentials());
                    if (room.get() == null && newRoomName.get().isBlank() && !rooms.isEmpty()) {
                        room.set(rooms.getFirst());
                    }
                    if (credential.get() == null && !credentials.isEmpty()) {
                        credential.set(credentials.getFirst());
                    }
                }, failure -> problem.set(failure.getMessage()));
    }

    /** Registers the miners; a form mistake is named in {@link #problemProperty()} and nothing is saved. */
    public void register() {
        Placement placement;
        CredentialChoice choice;
        try {
            // a typed new room name wins over the chosen room
            Optional<Room> existing = newRoomName.get().isBlank() ? Optional.ofNullable(room.get()) : Optional.empty();
            placement = new Placement(existing.map(Room::id), newRoomName.get(), rack.get(),
                    number(shelf.get(), "Shelf"), number(firstSlot.get(), "First slot"));
            choice = credentialChoice();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        } finally {
            password.set("");
            repeat.set("");
        }
        problem.set("");
        busy.set(true);
        List<DiscoveredMiner> miners = picked;
        jobs.submit("Register " + miners.size() + " miners", context -> registration.register(miners, placement, choice),
                registered -> {
                    busy.set(false);
                    summary.set(registered.summary() + ". They are polled from the next cycle.");
                    onRegistered.run();
                }, failure -> {
                    busy.set(false);
                    problem.set(failure.getMessage());
                });
    }

    private CredentialChoice credentialChoice() {
        return switch (mode.get()) {
            case FACTORY_DEFAULT -> new CredentialChoice.FactoryDefault();
            case EXISTING -> {
                CredentialEntry entry = credential.get();
                if (entry == null) {
                    throw new IllegalArgumentException("Choose a vault entry, or pick another way to unlock the miners.");
                }
                yield new CredentialChoice.Existing(entry.ref(), entry.label());
            }
            case NEW_PASSWORD -> {
                String label = newLabel.get().strip();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException("Enter a label for the new password, e.g. the room it unlocks.");
                }
                if (password.get().isEmpty()) {
                    throw new IllegalArgumentException("Enter the miners' password twice.");
                }
                if (!password.get().equals(repeat.get())) {
                    throw new IllegalArgumentException("The two passwords differ; enter the same password twice.");
                }
                char[] secret = password.get().toCharArray();
                yield new CredentialChoice.NewPassword(label, secret);
            }
        };
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text.strip() + "' is not a number; enter 1 or more.", e);
        }
    }

    public ObservableList<Room> rooms() {
        return FXCollections.unmodifiableObservableList(rooms);
    }

    public ObservableList<CredentialEntry> credentials() {
        return FXCollections.unmodifiableObservableList(credentials);
    }

    /** The existing room chosen; a typed {@link #newRoomNameProperty() new room name} takes precedence. */
    public ObjectProperty<Room> roomProperty() {
        return room;
    }

    public StringProperty newRoomNameProperty() {
        return newRoomName;
    }

    public StringProperty rackProperty() {
        return rack;
    }

    public StringProperty shelfProperty() {
        return shelf;
    }

    public StringProperty firstSlotProperty() {
        return firstSlot;
    }

    public ObjectProperty<CredentialMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<CredentialEntry> credentialProperty() {
        return credential;
    }

    public StringProperty newLabelProperty() {
        return newLabel;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    /** How many miners will be registered. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "12 miners added to Hall A, R3. …" after registering. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

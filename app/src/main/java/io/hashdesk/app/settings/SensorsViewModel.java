package io.hashdesk.app.settings;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.sensor.Parity;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SensorInventory;
import io.hashdesk.core.sensor.SerialLine;
import io.hashdesk.core.store.SensorStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sensors part of Settings: the room sensors and power meters with each one's live status and value, and a form
 * to add, change or remove the operator's devices. Saving writes {@code sensors.json}, which the poller follows from
 * its next tick. Reads and writes run on the job runner; refusals name the field.
 */
public final class SensorsViewModel {

    private final SensorInventory inventory;
    private final SensorStore store;
    private final List<String> profiles;
    private final Supplier<List<String>> rooms;
    private final JobRunner jobs;
    private final Clock clock;
    private final ObservableList<SensorRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SensorRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> roomChoices = FXCollections.observableArrayList();
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty baudRate = new SimpleStringProperty("9600");
    private final ObjectProperty<Parity> parity = new SimpleObjectProperty<>(Parity.NONE);
    private final StringProperty dataBits = new SimpleStringProperty("8");
    private final StringProperty stopBits = new SimpleStringProperty("1");
    private final StringProperty unitId = new SimpleStringProperty("1");
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty room = new SimpleStringProperty("");
    private final StringProperty rack = new SimpleStringProperty("");
    private final ObjectProperty<SensorPosition> position = new SimpleObjectProperty<>(SensorPosition.INTAKE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    /** The id of the device the form edits; {@code null} while it describes a new one. */
    private SensorId editing;

    /**
     * @param profiles the ids of the device profiles there are
     * @param rooms    the registered rooms' ids, offered for the room field
     */
    public SensorsViewModel(SensorInventory inventory, SensorStore store, List<String> profiles,
                            Supplier<List<String>> rooms, JobRunner jobs, Clock clock) {
        this.inventory = inventory;
        this.store = store;
        this.profiles = List.copyOf(profiles);
        profile.set(this.profiles.isEmpty() ? "" : this.profiles.getFirst());
        this.rooms = rooms;
        this.jobs = jobs;
        this.clock = clock;
    }

    record Picture(List<SensorRow> rows, List<String> rooms) {
    }

    /** Re-reads the devices and their last reads; what the tab's live refresh calls. */
    public void refresh() {
        jobs.submit("Read the room sensors' status", context -> read(), this::show,
                failure -> report(failure.getMessage(), true));
    }

    /** The devices and their last reads, for a live refresh running off the FX thread. */
    Picture read() {
        List<SensorDevice> devices = inventory.devices();
        Map<SensorId, SensorReading> latest = store.latest();
        List<SensorRow> out = new ArrayList<>();
        for (SensorDevice device : devices) {
            out.add(row(device.id(), device.name(), device.placement(), device.line().port() + " · unit "
                    + device.unitId() + " · " + device.line().settingsLabel(), device.profile(),
                    latest.get(device.id()), true));
        }
        Set<SensorId> configured = new java.util.HashSet<>();
        devices.forEach(d -> configured.add(d.id()));
        latest.values().stream().filter(r -> !configured.contains(r.sensor())).forEach(r -> out.add(
                row(r.sensor(), r.sensor().value(), r.placement(), "demo farm", "—", r, false)));
        return new Picture(out, rooms.get());
    }

    private SensorRow row(SensorId id, String name, SensorPlacement placement, String connection, String profileId,
                          SensorReading last, boolean configured) {
        boolean failing = last != null && last.status() != io.hashdesk.core.domain.SensorStatus.OK;
        return new SensorRow(id, name, placement.label(), connection, profileId, SensorText.status(last),
                last == null ? "" : last.detail(), last == null ? "—" : SensorText.values(last.values()),
                SensorText.age(last == null ? null : last.takenAt(), clock.instant()), configured, failing);
    }

    void show(Picture picture) {
        rows.setAll(picture.rows());
        if (!roomChoices.equals(picture.rooms())) {
            roomChoices.setAll(picture.rooms());
        }
    }

    /** Fills the form with a configured device, to change it. */
    public void edit(SensorRow row) {
        inventory.devices().stream().filter(d -> d.id().equals(row.id())).findFirst().ifPresent(d -> {
            editing = d.id();
            id.set(d.id().value());
            name.set(d.name());
            port.set(d.line().port());
            baudRate.set(Integer.toString(d.line().baudRate()));
            parity.set(d.line().parity());
            dataBits.set(Integer.toString(d.line().dataBits()));
            stopBits.set(Integer.toString(d.line().stopBits()));
            unitId.set(Integer.toString(d.unitId()));
            profile.set(d.profile());
            room.set(d.placement().roomId());
            rack.set(d.placement().rack() == null ? "" : d.placement().rack());
            position.set(d.placement().position());
        });
    }

    /** Empties the form for a new device. */
    public void newDevice() {
        editing = null;
        id.set("");
        name.set("");
        unitId.set("1");
        rack.set("");
    }

    /** Adds the form's device, or replaces the one being edited; refused with the field named when invalid. */
    public void save() {
        SensorDevice device;
        try {
            device = formDevice();
        } catch (IllegalArgumentException e) {
            report(e.getMessage(), true);
            return;
        }
        List<SensorDevice> next = new ArrayList<>(inventory.devices());
        SensorId replaced = editing == null ? device.id() : editing;
        int at = indexOf(next, replaced);
        if (at >= 0) {
            next.set(at, device);
        } else if (indexOf(next, device.id()) >= 0) {
            report("A device with the id '" + device.id() + "' exists already; pick another id or edit that one.",
                    true);
            return;
        } else {
            next.add(device);
        }
        try {
            SensorInventory.check(next);
        } catch (IllegalArgumentException e) {
            report("Not saved: " + e.getMessage() + ".", true);
            return;
        }
        write(next, "Saved " + device.id() + " (" + device.name() + "); it is read from the next poll.");
        editing = device.id();
    }

    /** Removes a configured device; its history stays in the database. */
    public void remove(SensorRow row) {
        if (!row.configured()) {
            report(row.id() + " is not in sensors.json; the demo farm's sensors go when the demo farm is turned off.",
                    true);
            return;
        }
        List<SensorDevice> next = new ArrayList<>(inventory.devices());
        next.removeIf(d -> d.id().equals(row.id()));
        write(next, "Removed " + row.id() + "; its history stays in the database.");
        if (row.id().equals(editing)) {
            newDevice();
        }
    }

    private void write(List<SensorDevice> devices, String done) {
        jobs.submit("Save the room sensors", context -> {
            inventory.replace(devices);
            return read();
        }, picture -> {
            show(picture);
            report(done, false);
        }, failure -> report(failure instanceof IOException ? "Could not write " + inventory.file() + ": "
                + failure.getMessage() : failure.getMessage(), true));
    }

    private SensorDevice formDevice() {
        if (!profiles.contains(profile.get())) {
            throw new IllegalArgumentException("Profile: pick a device profile from the list.");
        }
        SerialLine line = field("Port or line settings", () -> new SerialLine(port.get(), number(baudRate, "Baud rate"),
                number(dataBits, "Data bits"), parity.get(), number(stopBits, "Stop bits")));
        SensorPlacement placement = field("Placement", () -> new SensorPlacement(room.get().strip(), rack.get(),
                position.get()));
        return field("Device", () -> new SensorDevice(SensorId.of(id.get().strip()), name.get(), line,
                number(unitId, "Unit id"), profile.get(), placement));
    }

    private static <T> T field(String what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static int number(StringProperty text, String field) {
        try {
            return Integer.parseInt(text.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, got '" + text.get() + "'", e);
        }
    }

    private static int indexOf(List<SensorDevice> devices, SensorId id) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void report(String sentence, boolean error) {
        message.set(sentence);
        failed.set(error);
    }

    public ObservableList<SensorRow> rows() {
        return rowsView;
    }

    /** The device profiles' ids, for the profile field. */
    public List<String> profiles() {
        return profiles;
    }

    public ObservableList<String> roomChoices() {
        return roomChoices;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty baudRateProperty() {
        return baudRate;
    }

    public ObjectProperty<Parity> parityProperty() {
        return parity;
    }

    public StringProperty dataBitsProperty() {
        return dataBits;
    }

    public StringProperty stopBitsProperty() {
        return stopBits;
    }

    public StringProperty unitIdProperty() {
        return unitId;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty roomProperty() {
        return room;
    }

    public StringProperty rackProperty() {
        return rack;
    }

    public ObjectProperty<SensorPosition> positionProperty() {
        return position;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}

package io.hashdesk.app.discovery;

import io.hashdesk.app.discovery.AssignmentViewModel.CredentialMode;
import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.domain.Room;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Step 3 of the wizard: where the ticked miners go and how they are unlocked, then "Register". */
final class AssignmentView {

    private final AssignmentViewModel model;
    private final VBox root;

    AssignmentView(AssignmentViewModel model, Runnable back) {
        this.model = model;
        Label heading = new Label();
        heading.getStyleClass().add("discovery-section");
        heading.textProperty().bind(model.countProperty().asString("Place the %d ticked miners"));

        ComboBox<Room> room = new ComboBox<>(model.rooms());
        room.setId("discovery-room");
        room.setConverter(converter(Room::name));
        room.valueProperty().bindBidirectional(model.roomProperty());
        TextField newRoom = field(model.newRoomNameProperty(), "discovery-new-room", "or a new room's name");
        room.disableProperty().bind(model.newRoomNameProperty().isNotEmpty());
        TextField rack = field(model.rackProperty(), "discovery-rack", "e.g. R3");
        TextField shelf = field(model.shelfProperty(), "discovery-shelf", "1");
        TextField slot = field(model.firstSlotProperty(), "discovery-first-slot", "1");
        shelf.setPrefColumnCount(4);
        slot.setPrefColumnCount(4);
        GridPane place = form();
        place.addRow(0, new Label("Room"), new HBox(8, room, newRoom));
        place.addRow(1, new Label("Rack"), rack);
        place.addRow(2, new Label("Shelf"), shelf);
        place.addRow(3, new Label("First slot"), new HBox(8, slot,
                DiscoveryView.message("the next miners take the slots after it", "discovery-hint")));

        Label unlock = new Label("How Hashdesk unlocks them");
        unlock.getStyleClass().add("discovery-section");
        VBox credentials = credentials();

        Label problem = DiscoveryView.message("", "discovery-problem");
        problem.setId("discovery-assign-problem");
        problem.textProperty().bind(model.problemProperty());
        Button backButton = new Button("← Results");
        backButton.setOnAction(event -> back.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button register = new Button();
        register.setId("discovery-register");
        register.textProperty().bind(model.countProperty().asString("Register %d miners"));
        register.setDefaultButton(true);
        register.disableProperty().bind(model.busyProperty());
        register.setOnAction(event -> model.register());
        HBox actions = new HBox(10, backButton, spacer, register);
        actions.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(heading, place, unlock, credentials, problem, actions);
        root.getStyleClass().add("discovery-step-body");
    }

    Node root() {
        return root;
    }

    private VBox credentials() {
        ToggleGroup group = new ToggleGroup();
        RadioButton factory = radio("The factory default password", group, CredentialMode.FACTORY_DEFAULT);
        RadioButton existing = radio("A password in the vault", group, CredentialMode.EXISTING);
        RadioButton fresh = radio("A new password, saved to the vault", group, CredentialMode.NEW_PASSWORD);
        fresh.setId("discovery-new-password-mode");
        group.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                model.modeProperty().set((CredentialMode) t.getUserData());
            }
        });
        model.modeProperty().subscribe(mode -> group.getToggles().stream().filter(t -> t.getUserData() == mode)
                .findFirst().ifPresent(group::selectToggle));

        ComboBox<CredentialEntry> entry = new ComboBox<>(model.credentials());
        entry.setConverter(converter(CredentialEntry::label));
        entry.valueProperty().bindBidirectional(model.credentialProperty());
        entry.disableProperty().bind(model.modeProperty().isNotEqualTo(CredentialMode.EXISTING));
        existing.disableProperty().bind(Bindings.isEmpty(model.credentials()));

        TextField label = field(model.newLabelProperty(), "discovery-new-label", "label, e.g. Hall A miners");
        PasswordField password = new PasswordField();
        password.setId("discovery-password");
        password.setPromptText("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("discovery-repeat");
        repeat.setPromptText("the same again");
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        HBox freshFields = new HBox(8, label, password, repeat);
        freshFields.disableProperty().bind(model.modeProperty().isNotEqualTo(CredentialMode.NEW_PASSWORD));

        VBox box = new VBox(8, factory, new HBox(8, existing, entry), fresh, freshFields);
        box.getStyleClass().add("discovery-credentials");
        return box;
    }

    private static RadioButton radio(String text, ToggleGroup group, CredentialMode mode) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setUserData(mode);
        return button;
    }

    private static TextField field(StringProperty value, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("discovery-form");
        return grid;
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list, never typed");
            }
        };
    }
}

package io.hashdesk.app.market;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One hour band as the operator types it in the tariff editor, checked only when the tariff is saved. */
final class BandDraft {

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty price = new SimpleStringProperty(this, "price", "");

    BandDraft(String name, String from, String to, String price) {
        this.name.set(name);
        this.from.set(from);
        this.to.set(to);
        this.price.set(price);
    }

    StringProperty nameProperty() {
        return name;
    }

    /** Local start time, "07:00". */
    StringProperty fromProperty() {
        return from;
    }

    /** Local end time, exclusive; "00:00" is midnight at the end of the day. */
    StringProperty toProperty() {
        return to;
    }

    /** Price per kWh in the tariff's currency. */
    StringProperty priceProperty() {
        return price;
    }
}

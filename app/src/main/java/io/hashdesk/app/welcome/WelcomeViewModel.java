package io.hashdesk.app.welcome;

import io.hashdesk.app.common.JobRunner;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run welcome: the electricity price and currency (suggested, editable, checked as typed) and the two
 * ways to start, demo farm or real miners. A choice is handed to {@link FirstRunSetup} in the background; the
 * screen closes when it is done and says why if it failed. Touches no node.
 */
public final class WelcomeViewModel {

    private final FirstRunSetup setup;
    private final JobRunner jobs;
    private final ElectricityPrice suggested;
    private final StringProperty priceText = new SimpleStringProperty(this, "priceText");
    private final StringProperty currencyText = new SimpleStringProperty(this, "currencyText");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper discoveryWanted = new ReadOnlyBooleanWrapper(this, "discoveryWanted");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanExpression executable;

    public WelcomeViewModel(FirstRunSetup setup, JobRunner jobs) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.suggested = setup.suggestedPrice();
        priceText.set(BigDecimal.valueOf(suggested.pricePerKwh()).stripTrailingZeros().toPlainString());
        currencyText.set(suggested.currency());
        priceText.addListener((obs, old, text) -> check());
        currencyText.addListener((obs, old, text) -> check());
        executable = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !running.get() && !done.get(),
                problem, running, done);
    }

    /** The price field's text, bound both ways by the view. */
    public StringProperty priceTextProperty() {
        return priceText;
    }

    /** The currency field's text, bound both ways by the view. */
    public StringProperty currencyTextProperty() {
        return currencyText;
    }

    /** What is wrong with the form, naming the field; empty when both fields are valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the choice is being stored and the farm started. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once the choice is stored; the welcome then closes for good. */
    /** True once the operator chose to find their own miners (the shell then opens discovery). */
    public ReadOnlyBooleanProperty discoveryWantedProperty() {
        return discoveryWanted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Why storing the choice failed, for the operator; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Whether a start button can be pressed: a valid form and nothing in progress. */
    public BooleanExpression executableProperty() {
        return executable;
    }

    public void startWithDemoFarm() {
        start(true);
    }

    public void findMyMiners() {
        start(false);
    }

    private void start(boolean demoFarm) {
        Optional<ElectricityPrice> price = check();
        if (price.isEmpty() || !executable.get()) {
            return;
        }
        WelcomeChoice choice = new WelcomeChoice(demoFarm, price.get(), !price.get().equals(suggested));
        running.set(true);
        failure.set("");
        jobs.submit("Saving your first-run choice", context -> {
            setup.complete(choice);
            return choice;
        }, stored -> {
            running.set(false);
            discoveryWanted.set(!stored.demoFarm());
            done.set(true);
        }, error -> {
            running.set(false);
            failure.set("Your choice could not be saved: " + error.getMessage() + ". See the log for details.");
        });
    }

    private Optional<ElectricityPrice> check() {
        try {
            ElectricityPrice price = ElectricityPrice.parse(priceText.get(), currencyText.get());
            problem.set("");
            return Optional.of(price);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }
}

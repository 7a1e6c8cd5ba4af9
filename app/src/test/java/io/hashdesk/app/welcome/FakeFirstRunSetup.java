package io.hashdesk.app.welcome;

import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** Suggests a fixed price and records each choice; fails the next completion when told to. */
final class FakeFirstRunSetup implements FirstRunSetup {

    final List<WelcomeChoice> completed = new CopyOnWriteArrayList<>();
    volatile IOException nextFailure;

    @Override
    public ElectricityPrice suggestedPrice() {
        return new ElectricityPrice(0.07, "USD");
    }

    @Override
    public void complete(WelcomeChoice choice) throws IOException {
        if (nextFailure != null) {
            IOException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        completed.add(choice);
    }
}

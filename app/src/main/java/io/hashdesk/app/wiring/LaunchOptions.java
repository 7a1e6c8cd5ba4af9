package io.hashdesk.app.wiring;

import java.util.List;

/**
 * Command-line switches of the console. {@code --real-miners} turns the demo farm off for this run (poll only
 * registered miners), {@code --demo-farm} turns it on; the last one given wins over the settings file.
 */
final class LaunchOptions {

    static final String REAL_MINERS = "--real-miners";
    static final String DEMO_FARM = "--demo-farm";

    private LaunchOptions() {
    }

    static AppSettings apply(List<String> args, AppSettings settings) {
        AppSettings result = settings;
        for (String arg : args) {
            switch (arg) {
                case REAL_MINERS -> result = result.withDemoFarm(false);
                case DEMO_FARM -> result = result.withDemoFarm(true);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'; Hashdesk understands "
                        + REAL_MINERS + " and " + DEMO_FARM);
            }
        }
        return result;
    }
}

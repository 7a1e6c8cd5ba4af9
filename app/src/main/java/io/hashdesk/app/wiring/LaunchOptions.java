package io.hashdesk.app.wiring;

import java.util.List;

/**
 * Command-line switches of the console. {@code --real-miners} turns the demo farm off for this run (poll only
 * registered miners), {@code --demo-farm} turns it on; the last one given wins over the settings file. The system
 * property {@value #DEMO_FARM_PROPERTY} ({@code true}/{@code false}) does the same for the Maven run command, where
 * an empty value leaves the choice to the settings.
 */
final class LaunchOptions {

    static final String REAL_MINERS = "--real-miners";
    static final String DEMO_FARM = "--demo-farm";
    static final String DEMO_FARM_PROPERTY = "hashdesk.demoFarm";

    private LaunchOptions() {
    }

    static AppSettings apply(List<String> args, String demoFarmProperty, AppSettings settings) {
        AppSettings result = settings;
        if (demoFarmProperty != null && !demoFarmProperty.isBlank()) {
            switch (demoFarmProperty.strip()) {
                case "true" -> result = result.withDemoFarm(true);
                case "false" -> result = result.withDemoFarm(false);
                default -> throw new IllegalArgumentException("-D" + DEMO_FARM_PROPERTY + " must be true or false, got '"
                        + demoFarmProperty + "'");
            }
        }
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

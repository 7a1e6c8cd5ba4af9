package io.hashdesk.app.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The site agent's command line after {@code --headless}: {@code --config <file>} reads the agent's settings from
 * that file instead of {@value AgentSettings#FILE_NAME} in the data folder; {@code --demo-farm} and
 * {@code --real-miners} override its {@code demoFarm} for this run (the last one given wins).
 *
 * @param config   the settings file given with {@code --config}, if any
 * @param demoFarm the demo farm switch given on the command line, if any
 */
public record AgentOptions(Optional<Path> config, Optional<Boolean> demoFarm) {

    public static final String HEADLESS = "--headless";
    static final String CONFIG = "--config";
    static final String DEMO_FARM = "--demo-farm";
    static final String REAL_MINERS = "--real-miners";
    static final String USAGE = "Usage: hashdesk " + HEADLESS + " [" + CONFIG + " <agent-settings.json>] [" + DEMO_FARM
            + " | " + REAL_MINERS + "]";

    /** Reads the arguments that follow {@code --headless}. */
    public static AgentOptions parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        Optional<Boolean> demoFarm = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case CONFIG -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new IllegalArgumentException(CONFIG + " needs a file name. " + USAGE);
                    }
                    config = Optional.of(Path.of(args.get(++i)));
                }
                case DEMO_FARM -> demoFarm = Optional.of(true);
                case REAL_MINERS -> demoFarm = Optional.of(false);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + USAGE);
            }
        }
        return new AgentOptions(config, demoFarm);
    }

    /** The settings this run uses: the config file's (or the data folder's), the command line's switch over them. */
    public AgentSettings settings(Path dataFolder) {
        AgentSettings settings = config.map(AgentSettings::loadConfig).orElseGet(() -> AgentSettings.load(dataFolder));
        return demoFarm.map(settings::withDemoFarm).orElse(settings);
    }
}

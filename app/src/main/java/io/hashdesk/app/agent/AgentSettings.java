package io.hashdesk.app.agent;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the headless site agent runs: defaults in {@code agent-defaults.json} beside this class, overridden by
 * {@value #FILE_NAME} in the data folder or by the file given with {@code --config}. Polling, storage, market and
 * profit are tuned by their own settings files in the data folder, as for the console.
 *
 * @param demoFarm       serve and poll the simulated demo farm (a trial on a box without miners); off, its miners
 *                       are retired from the inventory as in the console
 * @param marketAndProfit refresh market data (the providers enabled in {@code market-settings.json}) and keep the
 *                       daily profit history
 */
public record AgentSettings(boolean demoFarm, boolean marketAndProfit) {

    public static final String FILE_NAME = "agent-settings.json";
    private static final String DEFAULTS = "agent-defaults.json";

    /** The bundled defaults with {@value #FILE_NAME} in {@code dataFolder} over them, if it exists. */
    public static AgentSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(AgentSettings.class, DEFAULTS, dataFolder.resolve(FILE_NAME));
    }

    /** The bundled defaults with {@code configFile} over them; the file must exist, since it was asked for. */
    public static AgentSettings loadConfig(Path configFile) {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("The agent configuration " + configFile + " does not exist");
        }
        return JsonSettings.withOverrides(AgentSettings.class, DEFAULTS, configFile);
    }

    public AgentSettings withDemoFarm(boolean enabled) {
        return new AgentSettings(enabled, marketAndProfit);
    }
}

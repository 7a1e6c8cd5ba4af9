package io.hashdesk.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

    @TempDir
    Path dataFolder;

    @Test
    void withoutOptionsTheBundledDefaultsRunNoDemoAndKeepMarketAndProfit() {
        AgentSettings settings = AgentOptions.parse(List.of()).settings(dataFolder);

        assertThat(settings).isEqualTo(new AgentSettings(false, true));
    }

    @Test
    void theDataFoldersAgentSettingsOverrideTheDefaults() throws Exception {
        Files.writeString(dataFolder.resolve(AgentSettings.FILE_NAME), "{\"demoFarm\": true}");

        assertThat(AgentOptions.parse(List.of()).settings(dataFolder)).isEqualTo(new AgentSettings(true, true));
    }

    @Test
    void aConfigFileReplacesTheDataFoldersSettingsAndTheCommandLineHasTheLastWord() throws Exception {
        Files.writeString(dataFolder.resolve(AgentSettings.FILE_NAME), "{\"demoFarm\": true}");
        Path config = Files.writeString(dataFolder.resolve("site-7.json"), "{\"marketAndProfit\": false}");

        assertThat(AgentOptions.parse(List.of("--config", config.toString())).settings(dataFolder))
                .isEqualTo(new AgentSettings(false, false));
        assertThat(AgentOptions.parse(List.of("--config", config.toString(), "--real-miners", "--demo-farm"))
                .settings(dataFolder)).isEqualTo(new AgentSettings(true, false));
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingIt() {
        Path missing = dataFolder.resolve("nope.json");
        AgentOptions options = AgentOptions.parse(List.of("--config", missing.toString()));

        assertThatThrownBy(() -> options.settings(dataFolder))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void anUnknownFieldInTheConfigIsAnErrorNamingTheFile() throws Exception {
        Path config = Files.writeString(dataFolder.resolve("typo.json"), "{\"demoFram\": true}");

        assertThatThrownBy(() -> AgentOptions.parse(List.of("--config", config.toString())).settings(dataFolder))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typo.json")
                .hasMessageContaining("demoFram");
    }

    @Test
    void badCommandLinesSayWhatIsWrongAndHowToCallIt() {
        assertThatThrownBy(() -> AgentOptions.parse(List.of("--config")))
                .hasMessageContaining("--config needs a file name").hasMessageContaining("Usage:");
        assertThatThrownBy(() -> AgentOptions.parse(List.of("--config", "--demo-farm")))
                .hasMessageContaining("--config needs a file name");
        assertThatThrownBy(() -> AgentOptions.parse(List.of("--poll-faster")))
                .hasMessageContaining("Unknown option '--poll-faster'").hasMessageContaining("Usage:");
    }
}

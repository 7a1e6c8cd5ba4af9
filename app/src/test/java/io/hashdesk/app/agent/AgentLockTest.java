package io.hashdesk.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.app.agent.AgentLock.AgentLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLockTest {

    private static final long AGENT = 4242;
    private static final long OTHER = 5151;

    @TempDir
    Path dataFolder;

    private static LongPredicate alive(Long... pids) {
        Set<Long> running = Set.of(pids);
        return running::contains;
    }

    @Test
    void theAgentWritesItsPidAndTheConsoleReadsItBack() throws Exception {
        try (AgentLock lock = AgentLock.acquire(dataFolder, AGENT, alive(AGENT))) {
            assertThat(Files.readString(dataFolder.resolve(AgentLock.FILE_NAME))).isEqualTo("4242");
            assertThat(AgentLock.holder(dataFolder, alive(AGENT))).hasValue(AGENT);
            assertThat(lock.pid()).isEqualTo(AGENT);
        }
    }

    @Test
    void closingDeletesTheLockSoTheConsoleWritesAgain() {
        AgentLock.acquire(dataFolder, AGENT, alive(AGENT)).close();

        assertThat(dataFolder.resolve(AgentLock.FILE_NAME)).doesNotExist();
        assertThat(AgentLock.holder(dataFolder, alive(AGENT))).isEmpty();
    }

    @Test
    void aLockLeftByADeadAgentIsIgnoredAndTakenOver() throws Exception {
        Files.writeString(dataFolder.resolve(AgentLock.FILE_NAME), Long.toString(OTHER));

        assertThat(AgentLock.holder(dataFolder, alive(AGENT))).isEmpty();
        try (AgentLock lock = AgentLock.acquire(dataFolder, AGENT, alive(AGENT))) {
            assertThat(AgentLock.holder(dataFolder, alive(AGENT))).hasValue(AGENT);
        }
    }

    @Test
    void aSecondAgentIsRefusedWhileTheFirstRuns() {
        try (AgentLock first = AgentLock.acquire(dataFolder, AGENT, alive(AGENT, OTHER))) {
            assertThatThrownBy(() -> AgentLock.acquire(dataFolder, OTHER, alive(AGENT, OTHER)))
                    .isInstanceOf(AgentLockException.class)
                    .hasMessageContaining("pid 4242")
                    .hasMessageContaining(dataFolder.toString());
            assertThat(AgentLock.holder(dataFolder, alive(AGENT, OTHER))).hasValue(AGENT);
        }
    }

    @Test
    void aHalfWrittenLockCountsAsNone() throws Exception {
        Files.writeString(dataFolder.resolve(AgentLock.FILE_NAME), "");

        assertThat(AgentLock.holder(dataFolder, pid -> true)).isEmpty();
    }

    @Test
    void closingLeavesALockThatAnotherAgentTookOver() throws Exception {
        AgentLock stale = AgentLock.acquire(dataFolder, AGENT, alive(AGENT));
        Files.writeString(dataFolder.resolve(AgentLock.FILE_NAME), Long.toString(OTHER));

        stale.close();

        assertThat(Files.readString(dataFolder.resolve(AgentLock.FILE_NAME))).isEqualTo("5151");
    }

    @Test
    void thisProcessIsSeenAsALiveHolder() {
        try (AgentLock lock = AgentLock.acquire(dataFolder)) {
            assertThat(AgentLock.holder(dataFolder)).hasValue(ProcessHandle.current().pid());
        }
    }
}

package io.hashdesk.app.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * The {@value #FILE_NAME} file in the data folder that says a site agent is polling into it, holding the agent's
 * process id. The agent creates it when it starts and deletes it when it stops; the console reads it to open the
 * database read-only. A lock left by an agent that died (its pid no longer runs) counts as no lock.
 */
public final class AgentLock implements AutoCloseable {

    public static final String FILE_NAME = "agent.lock";

    private final Path file;
    private final long pid;

    private AgentLock(Path file, long pid) {
        this.file = file;
        this.pid = pid;
    }

    /** The pid of the live agent holding {@code dataFolder}, if any. */
    public static OptionalLong holder(Path dataFolder) {
        return holder(dataFolder, AgentLock::running);
    }

    static OptionalLong holder(Path dataFolder, LongPredicate alive) {
        Path file = dataFolder.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException missingOrUnreadable) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(text);
            return alive.test(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException notAPid) {
            // half-written by an agent killed while creating it: no agent can be holding it
            return OptionalLong.empty();
        }
    }

    /**
     * Takes the lock for this process, replacing a stale one.
     *
     * @throws AgentLockException when a live agent already holds it, or the file cannot be written
     */
    public static AgentLock acquire(Path dataFolder) {
        return acquire(dataFolder, ProcessHandle.current().pid(), AgentLock::running);
    }

    static AgentLock acquire(Path dataFolder, long pid, LongPredicate alive) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataFolder);
            OptionalLong other = holder(dataFolder, alive);
            if (other.isPresent() && other.getAsLong() != pid) {
                throw new AgentLockException("Another site agent (pid " + other.getAsLong() + ") is already polling"
                        + " into " + dataFolder + "; stop it first, or give this one another data folder");
            }
            Files.deleteIfExists(file);
            // createFile fails if another agent won the race since the check above
            Files.createFile(file);
            Files.writeString(file, Long.toString(pid), StandardCharsets.US_ASCII);
            return new AgentLock(file, pid);
        } catch (FileAlreadyExistsException raced) {
            throw new AgentLockException("Another site agent started polling into " + dataFolder
                    + " at the same moment");
        } catch (IOException e) {
            throw new AgentLockException("Cannot write " + file + ": " + e.getMessage());
        }
    }

    public long pid() {
        return pid;
    }

    /** Deletes the lock file, if it is still this process's. */
    @Override
    public void close() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.equals(Long.toString(pid))) {
                Files.delete(file);
            }
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The data folder is held by another agent, or the lock file cannot be written. */
    public static final class AgentLockException extends RuntimeException {

        AgentLockException(String message) {
            super(message);
        }
    }
}

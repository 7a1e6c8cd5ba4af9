package io.hashdesk.app.common;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way screens run background work (imports, scans, history loads): each job on its own virtual thread, with
 * progress and cancel through its {@link JobHandle}, and its result or failure handed over on the FX executor. The
 * running jobs are listed for the shell to show. A failure reaches the screen as the exception (whose message is
 * the operator's sentence) and goes to the log with its details.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Executor fx;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("hashdesk-job-", 0).factory());
    private final ObservableList<JobHandle> running = FXCollections.observableArrayList();
    private final ObservableList<JobHandle> runningView = FXCollections.unmodifiableObservableList(running);

    /** @param fx the FX thread ({@link FxExecutor#fx()}); tests pass a direct executor */
    public JobRunner(Executor fx) {
        this.fx = Objects.requireNonNull(fx, "fx executor");
    }

    /**
     * Starts a job.
     *
     * @param onSuccess called on the FX thread with the result
     * @param onFailure called on the FX thread with what went wrong; not called when the job was cancelled
     */
    public <T> JobHandle submit(String title, Job<T> job, Consumer<? super T> onSuccess,
                                Consumer<? super Exception> onFailure) {
        JobHandle handle = new JobHandle(title);
        fx.execute(() -> running.add(handle));
        JobContext context = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                if (handle.offer(fraction, message)) {
                    fx.execute(handle::showPending);
                }
            }

            @Override
            public boolean cancelled() {
                return handle.cancelRequested() || Thread.currentThread().isInterrupted();
            }
        };
        handle.attach(threads.submit(() -> {
            try {
                T result = job.run(context);
                if (context.cancelled()) {
                    end(handle, JobState.CANCELLED, "Cancelled");
                } else {
                    fx.execute(() -> {
                        handle.finish(JobState.SUCCEEDED, "Done");
                        running.remove(handle);
                        onSuccess.accept(result);
                    });
                }
            } catch (CancellationException | InterruptedException e) {
                end(handle, JobState.CANCELLED, "Cancelled");
            } catch (Exception e) {
                if (handle.cancelRequested()) {
                    end(handle, JobState.CANCELLED, "Cancelled");
                } else {
                    LOG.warn("Background job '{}' failed", title, e);
                    fx.execute(() -> {
                        handle.finish(JobState.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
                        running.remove(handle);
                        onFailure.accept(e);
                    });
                }
            }
        }));
        return handle;
    }

    private void end(JobHandle handle, JobState state, String message) {
        fx.execute(() -> {
            handle.finish(state, message);
            running.remove(handle);
        });
    }

    /** The jobs still running, changed on the FX thread. */
    public ObservableList<JobHandle> running() {
        return runningView;
    }

    /** Cancels every job and stops taking new ones. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}

package io.hashdesk.core.polling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands completed cycles to listeners without ever making the poller wait: each listener has its own delivery
 * thread and a one-cycle mailbox, and a cycle arriving while the listener is still busy replaces the one waiting
 * ("latest wins"). A listener that blocks forever holds up only itself; one that throws is logged and keeps
 * receiving.
 */
final class ListenerDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatch.class);

    private final Executor threads;
    private final List<Mailbox> mailboxes = new CopyOnWriteArrayList<>();

    ListenerDispatch(Executor threads) {
        this.threads = threads;
    }

    void add(PollListener listener) {
        mailboxes.add(new Mailbox(listener));
    }

    void remove(PollListener listener) {
        mailboxes.removeIf(m -> m.listener == listener);
    }

    /** Returns at once; delivery happens on the listeners' own threads. */
    void publish(PollCycle cycle) {
        for (Mailbox mailbox : mailboxes) {
            mailbox.post(cycle);
        }
    }

    private final class Mailbox implements Runnable {

        final PollListener listener;
        private final AtomicReference<PollCycle> waiting = new AtomicReference<>();
        private final AtomicBoolean delivering = new AtomicBoolean();

        Mailbox(PollListener listener) {
            this.listener = listener;
        }

        void post(PollCycle cycle) {
            waiting.set(cycle);
            if (delivering.compareAndSet(false, true)) {
                threads.execute(this);
            }
        }

        @Override
        public void run() {
            while (true) {
                PollCycle cycle = waiting.getAndSet(null);
                if (cycle == null) {
                    delivering.set(false);
                    // A cycle posted between the empty read and the reset found delivering still set and
                    // started no thread; take it on here unless a new delivery thread already has.
                    if (waiting.get() == null || !delivering.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                deliver(cycle);
            }
        }

        private void deliver(PollCycle cycle) {
            try {
                listener.cycleCompleted(cycle);
            } catch (RuntimeException e) {
                // Last-resort handler: a broken listener must not stop the others or polling.
                LOG.warn("Poll listener {} failed on the cycle of {}", listener, cycle.startedAt(), e);
            }
        }
    }
}

package io.hashdesk.core.action;

import java.time.Clock;

/** What every part of the executor works with, handed around as one. */
record ActionContext(MinerCalls calls, ActionJournal journal, ActionValidator validator, ActionSettings settings,
                     Clock clock, Sleeper sleeper) {

    /** Who the journal names for writes Hashdesk makes on its own (automatic rollbacks, recovery). */
    static final String HASHDESK = "Hashdesk";
}

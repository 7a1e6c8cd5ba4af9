package io.hashdesk.app.settings;

import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.stream.Collectors;

/** One vault entry as the credentials table shows it: never a secret. */
public record CredentialRow(CredentialsRef ref, String label, String username, int minerCount, String usedBy) {

    /** How many miner ids the "used by" column spells out before it says "and n more". */
    private static final int NAMED = 4;

    static CredentialRow of(CredentialEntry entry) {
        List<MinerId> users = entry.usedBy();
        String named = users.stream().limit(NAMED).map(MinerId::value).collect(Collectors.joining(", "));
        String usedBy = users.isEmpty() ? "no miner" : users.size() > NAMED
                ? named + " and " + (users.size() - NAMED) + " more" : named;
        return new CredentialRow(entry.ref(), entry.label(), entry.username().orElse("—"), users.size(), usedBy);
    }
}

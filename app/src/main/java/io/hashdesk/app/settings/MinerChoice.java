package io.hashdesk.app.settings;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;

/** A registered miner in the assignment list, with the credential it uses now. */
public record MinerChoice(MinerId id, String place, String credential) {

    static MinerChoice of(Miner miner, String credentialLabel) {
        return new MinerChoice(miner.id(), miner.position().roomId() + " · " + miner.position().rack(),
                credentialLabel);
    }

    /** What the list shows for the miner. */
    public String text() {
        return id.value() + "  (" + place + ")  —  " + credential;
    }
}

package io.hashdesk.core.reco;

/** What a recommendation is addressed to. */
public enum TargetScope {
    MINER,
    GROUP,
    ROOM,
    SITE
}

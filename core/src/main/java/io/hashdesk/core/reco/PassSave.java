package io.hashdesk.core.reco;

/**
 * What saving one pass did to the store.
 *
 * @param added      new advice (or advice back after it was closed)
 * @param updated    advice already open or snoozed, refreshed
 * @param reopened   snoozes that ended, shown again
 * @param superseded open or snoozed advice this pass no longer gave
 */
public record PassSave(int added, int updated, int reopened, int superseded) {
}

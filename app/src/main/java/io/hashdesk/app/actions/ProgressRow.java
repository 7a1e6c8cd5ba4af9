package io.hashdesk.app.actions;

import io.hashdesk.app.actions.ActionProgress.MinerProgress;
import io.hashdesk.app.actions.ActionProgress.Stage;

/** One miner's line in the live progress table. */
record ProgressRow(String miner, Stage stage, String status, String detail) {

    static ProgressRow of(MinerProgress progress) {
        return new ProgressRow(progress.name(), progress.stage(), status(progress), progress.detail());
    }

    /** "APPLYING 2/3", "ROLLED BACK": the stage as the technician reads it, with the step while applying. */
    static String status(MinerProgress progress) {
        String stage = progress.stage().name().replace('_', ' ');
        return progress.stage() == Stage.APPLYING && progress.steps() > 1
                ? stage + " " + progress.step() + "/" + progress.steps() : stage;
    }

    /**
     * How far one miner is, 0–1: its apply steps count for the first half, the settle watch (or a rollback) for the
     * second, so the bar moves steadily through a long watch instead of jumping at its end.
     */
    static double fraction(MinerProgress progress) {
        return switch (progress.stage()) {
            case QUEUED, BACKING_UP -> 0;
            case APPLYING -> 0.5 * Math.max(0, progress.step() - 1) / Math.max(1, progress.steps());
            case VERIFYING, WATCHING, ROLLING_BACK, UNREACHABLE -> 0.5;
            case KEPT, ROLLED_BACK, SKIPPED, FAILED -> 1;
        };
    }
}

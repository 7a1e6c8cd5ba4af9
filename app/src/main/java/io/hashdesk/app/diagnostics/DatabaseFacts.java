package io.hashdesk.app.diagnostics;

import io.hashdesk.core.store.StorageStats;
import java.util.Objects;

/**
 * What a diagnostics bundle says about the open database.
 *
 * @param schemaVersion the file's schema version
 * @param storage       row and chunk counts and the file's size on disk
 * @param readOnly      whether this console opened it read-only beside a site agent
 */
public record DatabaseFacts(int schemaVersion, StorageStats storage, boolean readOnly) {

    public DatabaseFacts {
        Objects.requireNonNull(storage, "storage");
    }

    /** Reads the facts now; throws (a {@link io.hashdesk.core.store.StoreException}) when the database is unusable. */
    @FunctionalInterface
    public interface Source {
        DatabaseFacts read();
    }
}

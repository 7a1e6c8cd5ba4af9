package io.hashdesk.core.domain.catalog;

import java.util.List;

/**
 * An operator's extra models file: {@code {"models": [...]}} with entries shaped like the bundled ones. A model whose
 * id is already in the catalog replaces it; a new id adds a model.
 */
record OverrideDocument(List<MinerModel> models) {

    OverrideDocument {
        models = CatalogDocument.requireEntries("models", models);
    }
}

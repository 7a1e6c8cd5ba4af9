package io.hashdesk.app.overview;

/** What the room map's colours say about each miner. */
public enum MapColouring {
    TEMPERATURE("Chip temperature"),
    STATUS("Status");

    private final String label;

    MapColouring(String label) {
        this.label = label;
    }

    /** The toggle's text. */
    public String label() {
        return label;
    }
}

package io.hashdesk.app.overview;

/** One swatch of the room map's legend: the colour class it shows and what that colour means. */
record LegendEntry(String styleClass, String text) {
}

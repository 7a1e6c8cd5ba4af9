package io.hashdesk.app.overview;

/**
 * How one miner's cell looks now: its colour class (a {@code temp-n} band or a {@code status-…} class) and the hover
 * text with id, place, status, chip temperature and hashrate.
 */
record MapCell(String styleClass, String description) {
}

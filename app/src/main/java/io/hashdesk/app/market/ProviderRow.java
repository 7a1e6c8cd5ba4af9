package io.hashdesk.app.market;

/**
 * One market data provider as listed on the screen.
 *
 * @param state       "On" or "Off (enable it in market-settings.json)"
 * @param lastSuccess when it last delivered figures, or "never"
 * @param lastFailure its last failure's time and message, or empty when it never failed
 * @param failing     whether its newest outcome is a failure
 */
record ProviderRow(String name, String state, String lastSuccess, String lastFailure, boolean failing) {
}

/**
 * Room sensors and power meters as core sees them: the operator's configured devices
 * ({@link io.hashdesk.core.sensor.SensorDevice}, {@link io.hashdesk.core.sensor.SerialLine}, kept in
 * {@code sensors.json} by {@link io.hashdesk.core.sensor.SensorInventory}), how often they are read
 * ({@link io.hashdesk.core.sensor.SensorSettings}), and the port the serial drivers implement
 * ({@link io.hashdesk.core.sensor.SensorReader}). Polling is {@code polling.SensorPolling}, storage
 * {@code store.SensorStore}; the readings themselves are domain records ({@code domain.SensorReading}).
 */
package io.hashdesk.core.sensor;

/**
 * Room sensors and power meters over Modbus RTU (RS-485), read through jSerialComm; see
 * {@code docs/decisions/0008-serial-sensors.md}.
 *
 * <p>Public API:
 * <ul>
 *   <li>{@link io.hashdesk.drivers.serial.SerialSensorReader} — the core {@code SensorReader}: reads a configured
 *       device's register blocks on its bus and returns a reading whose status says what went wrong, if anything;</li>
 *   <li>{@link io.hashdesk.drivers.serial.DeviceProfiles} — register maps as data ({@code device-profiles.json}
 *       beside these classes, plus an operator's file), {@link io.hashdesk.drivers.serial.DeviceProfile} and
 *       {@link io.hashdesk.drivers.serial.RegisterField};</li>
 *   <li>{@link io.hashdesk.drivers.serial.SerialTransport} and {@link io.hashdesk.drivers.serial.TransportOpener} —
 *       the byte stream to a bus: {@link io.hashdesk.drivers.serial.JSerialCommTransport} for real ports and
 *       pseudo-terminals, {@link io.hashdesk.drivers.serial.PipeTransport} in-process;</li>
 *   <li>{@link io.hashdesk.drivers.serial.ModbusFrames} — request and answer frames, shared with the simulated
 *       devices in {@link io.hashdesk.drivers.serial.sim}.</li>
 * </ul>
 */
package io.hashdesk.drivers.serial;

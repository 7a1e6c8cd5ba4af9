/**
 * Simulated Modbus devices for tests and the demo farm: {@link io.hashdesk.drivers.serial.sim.SimulatedModbusSlave}
 * answers for {@link io.hashdesk.drivers.serial.sim.SimulatedSensorDevice}s (with switchable faults: silence, CRC
 * errors, busy) on a byte stream; {@link io.hashdesk.drivers.serial.sim.VirtualSerialPair} is a socat
 * pseudo-terminal pair standing in for an adapter; {@link io.hashdesk.drivers.serial.sim.DemoRoomSensors} puts each
 * simulated room's intake and exhaust sensors and feed meter on a bus.
 */
package io.hashdesk.drivers.serial.sim;

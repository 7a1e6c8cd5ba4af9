package io.hashdesk.drivers.serial;

import io.hashdesk.core.domain.SensorStatus;

/** A Modbus request that did not get a usable answer, with the sensor status it means and the operator's sentence. */
final class ModbusFailure extends Exception {

    private final SensorStatus status;

    ModbusFailure(SensorStatus status, String message) {
        super(message);
        this.status = status;
    }

    SensorStatus status() {
        return status;
    }

    /** The standard names of the exception codes a device may answer with. */
    static String exceptionName(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "device failure";
            case 5 -> "acknowledge";
            case 6 -> "device busy";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target did not respond";
            default -> "unknown code";
        };
    }
}

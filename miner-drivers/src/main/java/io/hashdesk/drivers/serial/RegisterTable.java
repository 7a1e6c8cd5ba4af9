package io.hashdesk.drivers.serial;

/** The two register tables sensors and meters publish measurements in, with the function code that reads each. */
public enum RegisterTable {
    HOLDING(3),
    INPUT(4);

    private final int functionCode;

    RegisterTable(int functionCode) {
        this.functionCode = functionCode;
    }

    public int functionCode() {
        return functionCode;
    }

    static RegisterTable ofFunctionCode(int code) {
        for (RegisterTable table : values()) {
            if (table.functionCode == code) {
                return table;
            }
        }
        return null;
    }
}

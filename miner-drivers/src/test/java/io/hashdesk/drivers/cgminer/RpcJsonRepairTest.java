package io.hashdesk.drivers.cgminer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Bitmain JSON defects pyasic repairs are repaired here too; valid JSON passes untouched. */
class RpcJsonRepairTest {

    @Test
    void missingCommaBetweenObjectsIsInserted() {
        assertEquals("{\"A\":[{\"x\":1},{\"y\":2}]}", RpcJsonRepair.repair("{\"A\":[{\"x\":1}{\"y\":2}]}"));
    }

    @Test
    void leadingCommaInAnArrayIsDropped() {
        assertEquals("{\"A\":[{\"x\":1}]}", RpcJsonRepair.repair("{\"A\":[,{\"x\":1}]}"));
    }

    @Test
    void bareInfinityAndNanBecomeNull() {
        assertEquals("{\"a\":null,\"b\": null,\"c\":[null,1]}",
                RpcJsonRepair.repair("{\"a\":inf,\"b\": -inf,\"c\":[nan,1]}"));
    }

    @Test
    void validJsonAndWordsInsideStringsAreLeftAlone() {
        String valid = "{\"Msg\":\"inference\",\"Type\":\"nano\",\"GHS 5s\":\"1.5\"}";
        assertEquals(valid, RpcJsonRepair.repair(valid));
    }
}

package io.hashdesk.drivers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Typed reads of miner replies: absent means not reported, a wrong type is an error naming the field. */
class ReplyNodeTest {

    private static ReplyNode reply(String json) throws MalformedReplyException {
        return ReplyNode.parse("summary", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void absentAndNullOptionalFieldsReadAsNotReported() throws Exception {
        ReplyNode node = reply("{\"a\":null}");

        assertNull(node.optionalDouble("a"));
        assertNull(node.optionalDouble("missing"));
        assertTrue(node.optionalArray("missing").isEmpty());
    }

    @Test
    void missingRequiredFieldNamesItsFullPath() throws Exception {
        ReplyNode chain = reply("{\"miner\":{\"chains\":[{},{\"id\":2}]}}").object("miner").array("chains").get(1);

        MalformedReplyException e = assertThrows(MalformedReplyException.class,
                () -> chain.requiredDouble("hashrate_rt"));
        assertEquals("summary.miner.chains[1].hashrate_rt", e.fieldPath());
    }

    @Test
    void wrongTypesAreErrorsNotZeros() throws Exception {
        ReplyNode node = reply("{\"n\":\"12\",\"o\":{},\"big\":1e400,\"frac\":1.5,\"whole\":3733.0}");

        assertThrows(MalformedReplyException.class, () -> node.optionalDouble("n"));
        assertThrows(MalformedReplyException.class, () -> node.optionalText("o"));
        assertThrows(MalformedReplyException.class, () -> node.optionalDouble("big"), "infinite");
        assertThrows(MalformedReplyException.class, () -> node.optionalLong("frac"));
        assertEquals(3733L, node.optionalLong("whole"));
    }

    @Test
    void lenientNumbersAcceptNumericTextAsCgminerSendsIt() throws Exception {
        ReplyNode node = reply("{\"GHS 5s\":\"140258.58\",\"GHS av\":142562.48,\"e\":\"\",\"bad\":\"fast\"}");

        assertEquals(140258.58, node.optionalLenientDouble("GHS 5s"));
        assertEquals(142562.48, node.optionalLenientDouble("GHS av"));
        assertNull(node.optionalLenientDouble("e"));
        MalformedReplyException e = assertThrows(MalformedReplyException.class,
                () -> node.optionalLenientDouble("bad"));
        assertEquals("summary.bad", e.fieldPath());
    }

    @Test
    void notJsonTrailingGarbageAndDeepNestingAreMalformed() {
        assertThrows(MalformedReplyException.class, () -> reply(""));
        assertThrows(MalformedReplyException.class, () -> reply("{} trailing"));
        assertThrows(MalformedReplyException.class, () -> reply("[".repeat(5_000) + "]".repeat(5_000)));
    }
}

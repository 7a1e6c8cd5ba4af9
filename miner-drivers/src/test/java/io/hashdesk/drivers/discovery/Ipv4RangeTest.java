package io.hashdesk.drivers.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4RangeTest {

    @Test
    void aSlash22LeavesOutTheNetworkAndBroadcastAddresses() {
        Ipv4Range range = Ipv4Range.parse("10.0.4.0/22");
        assertEquals(1022, range.size());
        assertEquals("10.0.4.1", range.addresses().getFirst());
        assertEquals("10.0.7.254", range.addresses().getLast());
    }

    @Test
    void aHostAddressWithAPrefixStillScansItsWholeNetwork() {
        assertEquals(Ipv4Range.parse("192.168.1.0/24"), Ipv4Range.parse(" 192.168.1.77/24 "));
    }

    @Test
    void aSingleAddressAndTheSmallestPrefixesAreTakenAsTyped() {
        assertEquals(List.of("127.0.0.1"), Ipv4Range.parse("127.0.0.1").addresses());
        assertEquals(List.of("127.0.0.8"), Ipv4Range.parse("127.0.0.8/32").addresses());
        assertEquals(List.of("127.0.0.8", "127.0.0.9"), Ipv4Range.parse("127.0.0.8/31").addresses());
    }

    @Test
    void rangesLargerThanASlash16AreRefusedBeforeAnythingIsScanned() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Range.parse("10.0.0.0/8"));
        assertTrue(e.getMessage().contains("/16"), e.getMessage());
        assertEquals(65_534, Ipv4Range.parse("10.1.0.0/16").size());
    }

    @Test
    void malformedInputIsRejectedSayingWhatIsWrong() {
        for (String bad : List.of("10.0.0/24", "10.0.0.256/24", "10.0.0.1/33", "10.0.0.1/x", "ten.0.0.1", "", "10.0.0.1/")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Range.parse(bad), bad);
            assertTrue(e.getMessage().contains("'"), bad + " -> " + e.getMessage());
        }
    }
}

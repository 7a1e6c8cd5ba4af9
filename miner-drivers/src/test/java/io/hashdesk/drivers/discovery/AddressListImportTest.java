package io.hashdesk.drivers.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.domain.MinerAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressListImportTest {

    @Test
    void readsHostsWithOptionalPortsSkippingHeaderCommentsAndBlankLines() {
        String csv = """
                host,http_port,rpc_port
                # rack 12
                10.0.0.5
                10.0.0.6,8080

                10.0.0.7,8081,4029
                """;
        assertEquals(List.of(new MinerAddress("10.0.0.5", 80, 4028), new MinerAddress("10.0.0.6", 8080, 4028),
                new MinerAddress("10.0.0.7", 8081, 4029)),
                AddressListImport.parse(csv, 80, 4028).stream().map(DiscoveryTarget::address).toList());
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndNothingIsReturned() {
        String csv = "10.0.0.5\n10.0.0.300\n10.0.0.6,http\n10.0.0.7,80,70000\n10.0.0.8,1,2,3\n";
        AddressListImport.AddressListException e = assertThrows(AddressListImport.AddressListException.class,
                () -> AddressListImport.parse(csv, 80, 4028));
        assertEquals(List.of(
                "line 2: '10.0.0.300' is not an IPv4 address: 300 is not 0–255",
                "line 3: http_port 'http' is not a number",
                "line 4: rpc_port 70000 is not a port (1–65535)",
                "line 5: expected host[,http_port[,rpc_port]], found 4 columns"), e.problems());
    }
}

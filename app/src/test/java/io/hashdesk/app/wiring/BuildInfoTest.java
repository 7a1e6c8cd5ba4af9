package io.hashdesk.app.wiring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void versionIsStampedByTheBuild() {
        String version = BuildInfo.load().version();
        assertFalse(version.contains("${"), "Maven filtered build.properties: " + version);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }
}

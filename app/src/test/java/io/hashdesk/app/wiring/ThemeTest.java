package io.hashdesk.app.wiring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The build copies the repository's assets/ folder into the jar; the theme depends on it. */
class ThemeTest {

    @Test
    void stylesheetAndEveryWindowIconShipInTheJar() {
        assertNotNull(Theme.asset(Theme.STYLESHEET));
        Theme.ICONS.forEach(icon -> assertNotNull(Theme.asset(icon)));
    }

    @Test
    void stylesheetLogoPointsAtAnIconThatShips() throws IOException {
        try (InputStream css = Theme.asset(Theme.STYLESHEET).openStream()) {
            String text = new String(css.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("url(\"../icons/hashdesk-64.png\")"));
        }
        assertNotNull(Theme.asset("/assets/icons/hashdesk-64.png"));
    }
}

package io.hashdesk.app.wiring;

import atlantafx.base.theme.PrimerDark;
import java.net.URL;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;

/**
 * The look of the console: AtlantaFX's Primer Dark as the base theme (docs/decisions/0002-ui-libraries.md)
 * and Hashdesk's own stylesheet and icons from the {@code assets/} folder, which the build copies
 * into the jar under {@code /assets}.
 */
final class Theme {

    static final String STYLESHEET = "/assets/css/hashdesk.css";
    static final List<String> ICONS = List.of(
            "/assets/icons/hashdesk-16.png", "/assets/icons/hashdesk-32.png", "/assets/icons/hashdesk-48.png",
            "/assets/icons/hashdesk-64.png", "/assets/icons/hashdesk-128.png", "/assets/icons/hashdesk-256.png");

    private Theme() {
    }

    static void installUserAgentStylesheet() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    static void style(Scene scene) {
        scene.getStylesheets().add(asset(STYLESHEET).toExternalForm());
    }

    static List<Image> windowIcons() {
        return ICONS.stream().map(path -> new Image(asset(path).toExternalForm())).toList();
    }

    static URL asset(String path) {
        URL url = Theme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Asset " + path + " is missing from the app jar; the build is broken");
        }
        return url;
    }
}

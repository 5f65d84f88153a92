package org.policykb.render;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.policykb.testing.Browser;

import java.nio.file.Files;
import java.nio.file.Path;

class ScratchShotsTest {
    @Test
    void shots() throws Exception {
        String[] spec = System.getProperty("shots", "").split(";");
        int width = Integer.getInteger("shots.width", 1280);
        var browser = Browser.start(width, Integer.getInteger("shots.height", 1000));
        try {
            int i = 0;
            for (String url : spec) {
                if (url.isBlank()) continue;
                browser.get(url);
                Thread.sleep(300);
                Files.write(Path.of("/tmp/shots/shot" + (i++) + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            browser.quit();
        }
    }
}

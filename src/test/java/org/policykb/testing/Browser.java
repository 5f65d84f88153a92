package org.policykb.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless chromium driven through Debian's chromedriver (installed by .ci/run). The paths are fixed
 * so Selenium never tries to download a browser; the background-networking flags keep chromium off the
 * closed network of the build machines.
 */
public final class Browser {
    private Browser() {
    }

    public static ChromeDriver start(int width, int height) {
        File driver = new File(System.getProperty("policykb.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("policykb.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("Browser tests need chromium and chromedriver: apt-get install -y chromium chromium-driver");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        try {
            Path profile = Files.createTempDirectory("policykb-chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a chromium profile folder", e);
        }
        return new ChromeDriver(service, options);
    }
}

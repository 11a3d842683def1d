package org.driftwatch.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The saved report in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * .ci/run): it loads without console errors and needs no horizontal scrolling on a 375 px phone.
 * Screenshots go to target/screenshots.
 */
class BrowserRenderingTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;

    static ChromeDriver browser;
    static Path page;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
            "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver (.ci/run does)");
        page = ReportFixtures.written(tmp).html();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long load(int width) throws Exception {
        return load(page, width, "report-" + width + ".png");
    }

    private long load(Path html, int width, String shot) throws Exception {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(html.toUri().toString());
        Object overflow = ((JavascriptExecutor) browser).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(shot), browser.getScreenshotAs(OutputType.BYTES));
        return ((Number) overflow).longValue();
    }

    @Test
    void phoneWidthNeedsNoHorizontalScrolling() throws Exception {
        assertEquals(0, load(375), "horizontal overflow at 375 px");
    }

    /** Every bundled example fits a phone; the model example's table once needed 346 px of 333 (#30 item 10). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"late-flights,2026-11-26", "seattle-weather,2026-11-26", "synthetic-drift,2026-11-26",
        "regional-orders,2026-11-26", "nightly-orders,2026-11-10"})
    void everyExampleFitsAPhone(String example, String date) throws Exception {
        org.driftwatch.CliRun run = org.driftwatch.CliRun.of("run", "--rules", "rules/" + example + ".yaml", "--date", date,
            "--out", tmp.resolve("examples").toString(), "--no-email");
        assertEquals(0, run.exitCode(), run.err());
        long over = load(tmp.resolve("examples/" + example + "/" + date + "/report.html"), 375, example + "-375.png");
        Object wide = ((JavascriptExecutor) browser).executeScript("const w = document.documentElement.clientWidth; return Array.from("
            + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 0.5"
            + " && !Array.from(e.children).some(c => c.getBoundingClientRect().right > w + 0.5)).slice(0, 4)"
            + ".map(e => e.tagName + ' ' + e.outerHTML.slice(0, 200)).join('\\n');");
        assertEquals(0, over, example + ": horizontal overflow at 375 px:\n" + wide);
    }

    @Test
    void desktopLoadsWithoutConsoleErrors() throws Exception {
        assertEquals(0, load(1280));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
        Object images = ((JavascriptExecutor) browser).executeScript(
            "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length;");
        assertEquals(0L, ((Number) images).longValue(), "every image decodes");
    }
}

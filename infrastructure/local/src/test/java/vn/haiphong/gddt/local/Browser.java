package vn.haiphong.gddt.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The distribution's headless Chromium through its own chromedriver (Debian's chromium-headless-shell and
 * chromium-driver packages; Selenium Manager never downloads anything). One per test class.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    /** The Office's screens. */
    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension WIDE = new Dimension(1920, 1080);
    /** The screens every part of the Office-tools issue is shown on: a school clerk's phone, the Office's two. */
    static final java.util.List<Dimension> SCREENS = java.util.List.of(PHONE, LAPTOP, WIDE);

    /**
     * Chromium's old headless mode, the same Blink without a browser around it: the four page test classes,
     * with all they start, took 62 s of CPU in it against 73 s in {@code chromium --headless}, which runs the
     * whole windowed browser without showing it.
     */
    static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");

    final ChromeDriver driver;
    /** The browser's profile and its launcher, removed on close. */
    private final Path home;

    private Browser(ChromeDriver driver, Path home) {
        this.driver = driver;
        this.home = home;
    }

    static Browser start() {
        System.setProperty("SE_OFFLINE", "true");
        if (!Files.isExecutable(HEADLESS_SHELL)) {
            throw new IllegalStateException(HEADLESS_SHELL + " is missing: install Debian's chromium-headless-shell"
                    + " (bash .ci/run does)");
        }
        try {
            Path home = Files.createTempDirectory("chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(launcher(home).toFile());
            options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--lang=vi", "--user-data-dir=" + home.resolve("profile"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().window().setSize(DESKTOP);
            return new Browser(driver, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shell with chromedriver's arguments and a first page: chromedriver names no page to open, and the
     * shell, unlike {@code chromium}, opens none without one (the session then fails, "unable to discover
     * open pages"). Passed as an argument, a page is dropped by chromedriver.
     */
    private static Path launcher(Path home) throws IOException {
        Path script = home.resolve("headless-shell");
        Files.writeString(script, "#!/bin/sh\nexec " + HEADLESS_SHELL + " \"$@\" about:blank\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /**
     * Selenium's wait, looking every 50 ms instead of its default 500 ms: each wait ended up to half a second
     * after the page was ready, dozens of times per class.
     */
    FluentWait<WebDriver> waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(50));
    }

    /** Saves what the page shows now as target/screenshots/<name>.png, a test artefact. */
    Path screenshot(String name) {
        return capture(name, Map.of());
    }

    /**
     * Saves a PNG of the page as target/screenshots/<name>.png; {@code options} are Page.captureScreenshot's
     * (a clip, say). The PNG is encoded for speed, not size: the screenshots are for people to look at, and
     * compressing them hard was the browser's biggest share of the browser tests' CPU.
     */
    Path capture(String name, Map<String, Object> options) {
        Map<String, Object> parameters = new HashMap<>(options);
        parameters.put("format", "png");
        parameters.put("optimizeForSpeed", true);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Object data = driver.executeCdpCommand("Page.captureScreenshot", parameters).get("data");
            Files.write(file, Base64.getDecoder().decode((String) data));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the page's viewport exactly {@code size} (a window's size includes its frame); a phone's
     * viewport is a mobile one. {@link #windowViewport()} gives the page back to the window.
     */
    void viewport(Dimension size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getWidth(),
                "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", size.getWidth() < 600));
        settle();
    }

    void windowViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        settle();
    }

    /** A touch screen: {@code (pointer: coarse)} matches, as on a phone or tablet. */
    void touchScreen(boolean on) {
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", on
                ? Map.of("enabled", true, "maxTouchPoints", 5) : Map.of("enabled", false));
    }

    /**
     * The page as it stands on each of {@link #SCREENS}, as target/screenshots/<name>-390x844.png,
     * -1366x768.png and -1920x1080.png; then the page is the window's size again.
     */
    java.util.List<Path> screenshots(String name) {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (Dimension size : SCREENS) {
            viewport(size);
            files.add(screenshot(name + "-" + size.getWidth() + "x" + size.getHeight()));
        }
        windowViewport();
        return files;
    }

    /**
     * Waits until the page is laid out for its present size (our pages mark it on {@code <html>} once a
     * resize has settled: common.js's onResize; a page without the mark has no relayout of its own), at
     * most two seconds, then for that layout to be painted.
     */
    void settle() {
        driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var painted = () => requestAnimationFrame(() => requestAnimationFrame(() => done()));"
                + "var giveUp = Date.now() + 2000;"
                + "(function look() {"
                + "  var mark = document.documentElement.getAttribute('data-laid-out-for');"
                + "  if (mark === null || mark === innerWidth + 'x' + innerHeight || Date.now() > giveUp) { painted(); }"
                + "  else { setTimeout(look, 20); }"
                + "})();");
    }

    /**
     * What axe-core (the npm package in infrastructure/, from the lockfile) finds wrong with the page as it
     * stands, WCAG 2.1 A and AA: one line per violation and element, empty when there is none.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> accessibilityViolations() {
        String axe;
        try {
            axe = Files.readString(Running.ROOT.resolve("infrastructure/node_modules/axe-core/axe.min.js"));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by `npm ci --prefix infrastructure`", e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeScript(axe);
        java.util.List<Object> violations = (java.util.List<Object>) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                        + " resultTypes: ['violations']}).then(function (r) {"
                        + "  done(r.violations.flatMap(function (v) { return v.nodes.map(function (n) {"
                        + "    return v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' — ' + v.help; }); }));"
                        + "}, function (e) { done(['axe failed: ' + e]); });");
        return violations.stream().map(String::valueOf).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

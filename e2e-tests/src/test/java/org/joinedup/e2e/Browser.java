package org.joinedup.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.joinedup.testing.Processes;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's headless Chromium, driven through its own ChromeDriver (never a downloaded one), for one person's
 * session: sign in through Keycloak's page, check each page with axe-core (WCAG 2.2 A and AA; a serious or
 * critical violation fails the test), and save screenshots under docs/screenshots/.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Processes.projectRoot().resolve("docs/screenshots");
    final WebDriver driver;
    final WebDriverWait wait;
    private final String console;
    private final Path profile;

    Browser(String console) {
        this(console, true);
    }

    /** A browser with JavaScript switched off when {@code javascript} is false, as some people's are. */
    Browser(String console, boolean javascript) {
        this.console = console;
        try {
            profile = Files.createTempDirectory("joinedup-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Headless, as root, on a closed network: without these Chromium keeps trying to reach outside hosts.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens a console page; when not signed in yet, signs in on Keycloak's page as {@code user}. */
    Browser open(String path) {
        driver.get(console + path);
        return this;
    }

    Browser signIn(String user, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        return this;
    }

    /**
     * Moves focus with the Tab key, as a keyboard user does, until the element matching {@code css} has it, and
     * checks that the focus can be seen there. Fails when Tab never reaches it.
     */
    WebElement tabTo(String css) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (int i = 0; i < 80; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(js.executeScript("return document.activeElement.matches(arguments[0])", css))) {
                Object visible = js.executeScript("""
                        const s = getComputedStyle(document.activeElement);
                        return (s.outlineStyle !== 'none' && s.outlineColor !== 'rgba(0, 0, 0, 0)')
                            || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';""");
                assertEquals(Boolean.TRUE, visible, "the keyboard focus on " + css + " can be seen");
                return driver.switchTo().activeElement();
            }
        }
        throw new AssertionError("the Tab key never reaches " + css + " on " + driver.getCurrentUrl());
    }

    /** Types into the focused element, as a keyboard user does (Enter submits a form from a text field). */
    Browser type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    private String scanned;

    /**
     * Waits for the element, and checks each page the journey reaches (once per address) for ids where names are
     * meant: so every page a journey visits is scanned, not only those checked with axe.
     */
    WebElement find(String css) {
        WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        String url = driver.getCurrentUrl();
        if (url != null && url.startsWith(console) && !url.equals(scanned)) {
            scanned = url;
            namesNotIds("the page at " + url);
        }
        return found;
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String heading() {
        return find("h1").getText();
    }

    /** Sign-in names and agency ids of the test realm and directory: never what a page shows for a person or agency. */
    private static final java.util.regex.Pattern IDS = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "|(?<![@\\w.-])(lead\\.haringey|nurse\\.okoro|pc\\.adeyemi|sw\\.haringey|teacher\\.hughes|inspector\\.ofsted"
                    + "|dsl\\.[a-z-]+|haringey-csc|met-police|whittington-health|riverside-academy|northside-primary)(?![\\w.@-])");

    /**
     * Fails when the page shows a UUID, a sign-in name or an agency id where a person, agency or child is meant:
     * people read names. (A mailbox such as duty@haringey-csc.example is an address, not an id.)
     */
    Browser namesNotIds(String page) {
        String text = String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText"));
        java.util.regex.Matcher m = IDS.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertEquals(List.of(), found, "ids shown where names are meant on " + page + " (" + driver.getCurrentUrl() + ")");
        return this;
    }

    /**
     * At a phone's width (375 CSS pixels) the page must not scroll sideways: checks the document is no wider than
     * the window. Leaves the window narrow (for a screenshot) until {@link #wide()}.
     */
    Browser narrow(String page) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375 + chromeFrame(), 900));
        Object widths = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        List<?> w = (List<?>) widths;
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(),
                page + " at 375 px is " + w.get(0) + " px wide: it scrolls sideways");
        return this;
    }

    Browser wide() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        return this;
    }

    /** The width of the window's frame beyond its viewport (0 headless). */
    private int chromeFrame() {
        Object outer = ((JavascriptExecutor) driver).executeScript("return window.outerWidth - window.innerWidth");
        return outer instanceof Number n ? Math.max(0, n.intValue()) : 0;
    }

    /** Checks the page with axe-core: fails on any serious or critical violation of WCAG 2.2 A or AA. */
    Browser accessible(String page) {
        namesNotIds(page);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertEquals("", serious.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")), "axe-core found serious violations on " + page);
        return this;
    }

    /** Saves the page as docs/screenshots/{name}.png. */
    Browser screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile: the next run makes its own
        }
    }
}

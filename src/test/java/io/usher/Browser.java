package io.usher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by its chromedriver through Selenium (no browser
 * download: both come from the chromium and chromium-driver packages). Screenshots go to
 * {@code target/widget-screenshots/}.
 */
public final class Browser implements AutoCloseable {
  /** The flags CI's closed network needs (no calls home, no first-run work). */
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--window-size=1000,720", "--autoplay-policy=no-user-gesture-required");
  public static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() {
    try {
      Path profile = Files.createTempDirectory("usher-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(executable("/usr/bin/chromium", "chromium"));
      options.addArguments(FLAGS);
      options.addArguments("--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(executable("/usr/bin/chromedriver", "chromium-driver")))
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String executable(String path, String debianPackage) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(path + " is missing: install Debian's " + debianPackage
          + " (.ci/run does)");
    }
    return path;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * The rendered text of the first element matching {@code css}, or "" if none: read in one
   * script call, so a page re-rendering meanwhile cannot leave a stale element.
   */
  public String text(String css) {
    return (String) driver.executeScript("const e = document.querySelector(arguments[0]);"
        + " return e ? e.innerText.trim() : '';", css);
  }

  /** The rendered texts of every element matching {@code css}, in document order. */
  @SuppressWarnings("unchecked")
  public List<String> texts(String css) {
    return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
        + "arguments[0])).map(e => e.innerText.trim());", css);
  }

  /** An attribute of every element matching {@code css}, in document order. */
  @SuppressWarnings("unchecked")
  public List<String> attributes(String css, String name) {
    return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
        + "arguments[0])).map(e => e.getAttribute(arguments[1]));", css, name);
  }

  /** Shows pages in {@code zone} (an IANA id), as a viewer there sees them. */
  public void timeZone(String zone) {
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  /** Saves what the page looks like now as {@code target/widget-screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}

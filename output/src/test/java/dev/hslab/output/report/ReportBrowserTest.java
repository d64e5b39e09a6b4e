package dev.hslab.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeCodec;
import dev.hslab.model.message.ServerHello;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.explore.ExplorationReport;
import dev.hslab.output.OutputFiles;
import dev.hslab.output.diagram.PathGraph;
import dev.hslab.output.diagram.RenderOptions;
import dev.hslab.output.testkit.Explorations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html in a real browser: Debian's headless Chromium, driven through chromedriver, opens a
 * run's report from {@code file://}, clicks messages of the sequence diagram and checks that the
 * fields and highlighted bytes shown are that message's, as our decoders and the engines'
 * negotiated values say; steps with the keyboard; and fails on any JavaScript error in the
 * console. A missing browser fails the test (CI installs it, .ci/run);
 * {@code -Dhslab.browser.skip=true} skips it on a developer's machine without Chromium.
 */
class ReportBrowserTest {

  private static final String CHROMEDRIVER = System.getProperty("hslab.chromedriver", "/usr/bin/chromedriver");

  @TempDir static Path dir;
  @TempDir static Path profile;

  private static ChromeDriver browser;
  private static String runReport;
  private static String explorationReport;
  private static ExplorationReport explored;
  private static Trace trace;
  private static Negotiated negotiated;

  @BeforeAll
  static void open() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("hslab.browser.skip"),
        "hslab.browser.skip is set: the browser test is skipped");
    assertThat(HeadlessChromium.binary()).as("Chromium (Debian package chromium)").isExecutable();
    assertThat(Path.of(CHROMEDRIVER)).as("chromedriver (Debian package chromium-driver)").isExecutable();

    HandshakeConfig hc = HandshakeConfig.reference();
    List<LoopbackRun.Connection> run = LoopbackRun.run(hc);
    trace = run.get(0).trace();
    negotiated = run.get(0).client().negotiated().orElseThrow();
    RenderOptions render = RenderOptions.defaults().withEngine(RenderOptions.Engine.EMBEDDED)
        .withEmbeddedLibraryDir(Path.of("target/j2v8"));
    OutputFiles.RunFiles f = OutputFiles.writeRun(hc, List.of(trace), hc.seed(), dir.resolve("run"), render);
    assertThat(f.problems()).isEmpty();
    runReport = f.report().toUri().toString();
    explored = Explorations.tls12EcdheRsa();
    OutputFiles.ExplorationFiles e = OutputFiles.writeExploration(explored, null, dir.resolve("explore"), render);
    assertThat(e.problems()).isEmpty();
    explorationReport = e.report().toUri().toString();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(HeadlessChromium.binary().toFile());
    options.addArguments(HeadlessChromium.FLAGS);
    options.addArguments("--user-data-dir=" + profile, "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  /** Opens {@code url} unless it is open already (the tests share one browser). */
  private static void at(String url) {
    if (!url.equals(browser.getCurrentUrl())) {
      browser.get(url);
    }
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static int number(String type) {
    return trace.sent().stream().filter(s -> s.message().type().equals(type)).findFirst().orElseThrow().n();
  }

  private static Trace.Sent sent(int n) {
    return trace.sent().get(n - 1);
  }

  private static void click(int n) {
    at(runReport);
    WebElement label = browser.findElement(By.cssSelector(".inspector svg g[id='message-" + n + "'] text"));
    label.click();
  }

  private static String title() {
    return browser.findElement(By.cssSelector(".inspector .panel .msg-title")).getText();
  }

  private static WebElement field(String name) {
    return browser.findElement(By.cssSelector(".inspector .panel .field-row[data-name='" + name + "']"));
  }

  /** The bytes the page highlights, as hex, and where they start. */
  private static String highlighted() {
    return browser.findElements(By.cssSelector(".inspector .panel .hex .b.hl")).stream().map(WebElement::getText)
        .collect(Collectors.joining());
  }

  private static int highlightStart() {
    return Integer.parseInt(browser.findElement(By.cssSelector(".inspector .panel .hex .b.hl")).getAttribute("data-i"));
  }

  private static String hex(Bytes b) {
    return b.hex().toLowerCase(Locale.ROOT);
  }

  @Test
  void clickingTheServerHelloShowsItsFieldsAndTheNegotiatedSuitesBytes() throws Exception {
    int n = number("server_hello");
    click(n);
    assertThat(title()).isEqualTo(n + ". server_hello");
    Bytes encoding = sent(n).message().encoding();
    // The hex shown is the message as the trace holds it.
    String shown = browser.findElements(By.cssSelector(".inspector .panel .hex .b")).stream().map(WebElement::getText)
        .collect(Collectors.joining());
    assertThat(shown).isEqualTo(hex(encoding));

    field("cipher_suite").click();
    String suite = String.format(Locale.ROOT, "%04x", negotiated.cipherSuite().code());
    assertThat(highlighted()).isEqualTo(suite);
    // Where the highlight sits is where the suite lies in the ServerHello (RFC 5246 §7.4.1.3):
    // header 4, server_version 2, random 32, session_id 1 + its length.
    ServerHello sh = (ServerHello) HandshakeCodec.decode(encoding, DecodeContext.of(ProtocolVersion.TLS12));
    assertThat(highlightStart()).isEqualTo(4 + 2 + 32 + 1 + sh.sessionId().length());
    assertThat(field("cipher_suite").getText()).contains(negotiated.cipherSuite().ianaName());

    field("random").click();
    assertThat(highlighted()).isEqualTo(hex(sh.random()));
    assertThat(browser.findElement(By.cssSelector(".inspector .panel")).getText())
        .contains("server_version", "session_id", "compression_method", "extensions");
    assertNoJavaScriptErrors();
  }

  @Test
  void clickingTheClientHelloShowsItsVersionAndEveryOfferedSuite() {
    int n = number("client_hello");
    click(n);
    assertThat(title()).isEqualTo(n + ". client_hello");
    ClientHello ch;
    try {
      ch = (ClientHello) HandshakeCodec.decode(sent(n).message().encoding(), DecodeContext.of(ProtocolVersion.TLS12));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    field("client_version").click();
    assertThat(highlighted()).isEqualTo(String.format(Locale.ROOT, "%04x", ch.clientVersion().code()));
    field("cipher_suites").click();
    // The vector: its two-byte length, then each offered suite.
    StringBuilder expected = new StringBuilder(String.format(Locale.ROOT, "%04x", ch.cipherSuites().size() * 2));
    ch.cipherSuites().forEach(c -> expected.append(String.format(Locale.ROOT, "%04x", c)));
    assertThat(highlighted()).isEqualTo(expected.toString());
    assertThat(browser.findElements(By.cssSelector(".inspector .panel .field-row[data-name='cipher_suites']")))
        .hasSize(1 + ch.cipherSuites().size());
    assertNoJavaScriptErrors();
  }

  @Test
  void theKeyboardStepsThroughTheSequenceAndTheKeysFollowChangeCipherSpec() {
    int ccs = trace.sent().stream().filter(s -> s.from() == Side.CLIENT && s.message().type().equals("change_cipher_spec"))
        .findFirst().orElseThrow().n();
    click(ccs);
    assertThat(title()).isEqualTo(ccs + ". change_cipher_spec");
    // Sent under the initial epoch: the client's keys are pending, none is active yet (RFC 5246 §7.1).
    assertThat(sideRow("client")).contains("none", "pending: handshake 1");
    new Actions(browser).sendKeys("j").perform();
    assertThat(title()).isEqualTo((ccs + 1) + ". " + sent(ccs + 1).message().label());
    assertThat(sent(ccs + 1).message().type()).isEqualTo("finished");
    // The client's Finished goes out under the new keys, and the page shows them: the master
    // secret the engines agreed on and the record it travelled in.
    assertThat(sideRow("client")).contains("active: handshake 1");
    String panel = browser.findElement(By.cssSelector(".inspector .panel")).getText();
    assertThat(panel).contains(hex(negotiated.masterSecret()), "client_write_key", "server_write_IV");
    assertThat(browser.findElement(By.cssSelector(".inspector .panel table.record")).getText())
        .contains(Integer.toString(sent(ccs + 1).record()));
    new Actions(browser).sendKeys(Keys.ARROW_UP).perform();
    assertThat(title()).isEqualTo(ccs + ". change_cipher_spec");
    new Actions(browser).sendKeys("k").perform();
    assertThat(title()).isEqualTo((ccs - 1) + ". " + sent(ccs - 1).message().label());
    new Actions(browser).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
    assertThat(title()).isEqualTo((ccs + 1) + ". finished");
    assertNoJavaScriptErrors();
  }

  @Test
  void theScreenshotShowsTheInspector() throws Exception {
    click(number("server_hello"));
    Path png = Path.of("target", "report-screenshot.png");
    // The README's picture is taken by the gallery (hslab render gallery) with the same browser and flags.
    Files.createDirectories(png.getParent());
    Files.write(png, browser.getScreenshotAs(OutputType.BYTES));
    // A PNG of the window's size: the browser drew the page.
    byte[] b = Files.readAllBytes(png);
    assertThat(new String(b, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertNoJavaScriptErrors();
  }

  @Test
  void pickingAPathLightsItsWalkThroughThePathGraphAndShowsItsMessages() {
    at(explorationReport);
    List<List<String>> distinct = explored.distinctPaths();
    assertThat(distinct.size()).isGreaterThan(2);
    int n = distinct.size() / 2 + 1;
    browser.findElement(By.cssSelector(".pathview ol.pathlist li[data-path='" + n + "']")).click();
    assertPathShown(distinct, n);
    new Actions(browser).sendKeys("j").perform();
    assertPathShown(distinct, n + 1);
    new Actions(browser).sendKeys(Keys.ARROW_UP).sendKeys("k").perform();
    assertPathShown(distinct, n - 1);
    assertNoJavaScriptErrors();
  }

  private static void assertPathShown(List<List<String>> distinct, int n) {
    List<String> messages = distinct.get(n - 1);
    // The chips shown are the path's messages, in order (their titles are the side.type labels).
    List<String> shown = browser.findElements(By.cssSelector(".pathview .picked-path .msg")).stream()
        .map(e -> e.getAttribute("title")).toList();
    assertThat(shown).isEqualTo(messages);
    // The graph's lit nodes are exactly the places the path walks through, named as the DOT names them.
    java.util.Set<String> lit = browser.findElements(By.cssSelector(".pathview svg g.node.on title")).stream()
        .map(e -> e.getAttribute("textContent")).collect(Collectors.toSet());
    assertThat(lit).isEqualTo(new java.util.HashSet<>(PathGraph.nodeIds(messages)));
    List<WebElement> edges = browser.findElements(By.cssSelector(".pathview svg g.edge.on"));
    assertThat(edges).hasSize(messages.size() + 1);
  }

  private static String sideRow(String side) {
    return browser.findElement(By.cssSelector(".inspector .panel table.sides tr.side-" + side)).getText();
  }

  private static void assertNoJavaScriptErrors() {
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    assertThat(errors).as("the browser console").isEmpty();
  }
}

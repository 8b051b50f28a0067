package vn.langso.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.Browser;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.TestAccounts;

/**
 * Two headless Chromium participants with fake cameras join one room through the room view, the real backend jar's
 * signalling and peer-to-peer WebRTC; each must decode the other's video. A cooperative member signed in through the
 * sign-in page lists the cooperative's rooms and joins one without an invitation.
 */
class RoomCallBrowserTest extends BrowserTestSupport {

    private static final Logger log = LoggerFactory.getLogger(RoomCallBrowserTest.class);
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(45);
    private static final String ADMIN = "quan.tri.phong";
    private static final String ADMIN_PASSWORD = "mật khẩu quản trị phòng họp";
    private static final String MEMBER = "thanh.vien.htx";
    private static final String MEMBER_PASSWORD = "mật khẩu thành viên hợp tác xã";
    /** Chromium flags beside those of {@link Browser}: a fake camera and microphone and loopback ICE candidates. */
    private static final List<String> MEDIA_FLAGS = List.of("--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection");

    private static String roomId;
    private static String invitation;

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase database = createDatabase();
        invitation = newToken();
        roomId = insertRoom(database, invitation);
        TestAccounts.createAdministrator(database, ADMIN, "Quản trị phòng họp", ADMIN_PASSWORD);
        BackendProcess backend = startBackend(registry, database);
        TestAccounts.createUser(backend.baseUrl(), ADMIN, ADMIN_PASSWORD, Map.of("username", MEMBER,
                "displayName", "Thành viên Cúc", "password", MEMBER_PASSWORD,
                "roles", List.of("cooperative_member"), "cooperativeIds", List.of("701")));
    }

    /** Returns false, because every participant needs a browser of its own with fake media devices. */
    @Override
    protected boolean usesSharedBrowser() {
        return false;
    }

    @Test
    void twoParticipantsReceiveEachOthersVideo() throws Exception {
        ChromeDriver first = open("Nông dân Ánh");
        awaitState(first, "joined");
        ChromeDriver second = open("Kỹ sư Bình");

        awaitState(second, "joined");
        for (ChromeDriver driver : List.of(first, second)) {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "2".equals(callElement(driver).getDomAttribute("participant-count")));
        }
        long firstFrames = awaitDecodedFrames(first);
        long secondFrames = awaitDecodedFrames(second);

        log.info("Frames decoded: first {}, second {}", firstFrames, secondFrames);
        assertThat(firstFrames).as("frames the first participant decoded from the second").isPositive();
        assertThat(secondFrames).as("frames the second participant decoded from the first").isPositive();
        assertThat(first.findElement(By.cssSelector("langso-room-call [data-action=audio]")).getText()).isEqualTo("Tắt micrô");

        @SuppressWarnings("unchecked")
        Map<String, Object> lowVideo = (Map<String, Object>) first.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const call = document.querySelector('langso-room-call');"
                        + "call.setBandwidthMode('low-video').then(() => {"
                        + "  const settings = call.cameraTrack.getSettings();"
                        + "  const sender = [...call.peers.values()][0].pc.getSenders().find(s => s.track && s.track.kind === 'video');"
                        + "  done({width: settings.width, height: settings.height, frameRate: settings.frameRate,"
                        + "        maxBitrate: sender.getParameters().encodings[0].maxBitrate});"
                        + "}, e => done({error: String(e)}));");
        assertThat(lowVideo).as("camera settings in low-video mode").containsEntry("width", 320L).containsEntry("height", 180L);
        assertThat(((Number) lowVideo.get("frameRate")).doubleValue()).isLessThanOrEqualTo(10.0);
        assertThat(((Number) lowVideo.get("maxBitrate")).longValue()).isEqualTo(150_000L);
        new WebDriverWait(second, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("langso-room-call .room-participants"))
                .getText().contains("📶"));
        assertThat(first.findElement(By.cssSelector("langso-room-call .room-participants")).getText())
                .contains("Nông dân Ánh").contains("Kỹ sư Bình");
    }

    @Test
    void roomWithoutInvitationExplainsAccess() throws Exception {
        ChromeDriver driver = driver();
        driver.get(uiUrl() + "/rooms/" + roomId);

        String text = new WebDriverWait(driver, Browser.WAIT_TIMEOUT)
                .until(d -> d.findElement(By.id("room-missing-access"))).getText();
        assertThat(text).contains("Cần lời mời");
    }

    @Test
    void memberListsRoomsAndJoins() throws Exception {
        Browser member = startMediaBrowser();
        ChromeDriver driver = member.driver();
        try {
            TestAccounts.signIn(driver, port, MEMBER, MEMBER_PASSWORD);
            driver.get(uiUrl() + "/cooperatives/701/rooms");

            WebElement link = new WebDriverWait(driver, Browser.WAIT_TIMEOUT)
                    .withMessage(() -> "no link to the room; page: " + driver.findElement(By.tagName("body")).getText())
                    .until(d -> d.findElement(By.cssSelector("a[href*='rooms/" + roomId + "']")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Phòng họp của HTX Thanh Bình");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Tập huấn sầu riêng");
            link.click();

            awaitState(driver, "joined");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(
                    By.cssSelector("langso-room-call .room-participants")).getText().contains("Thành viên Cúc"));
        } finally {
            // Leave the room, so that the other tests count only their own participants.
            member.close();
        }
    }

    @Test
    void anonymousRoomsPageAsksSignIn() throws Exception {
        ChromeDriver driver = driver();
        driver.get(uiUrl() + "/cooperatives/701/rooms");

        String text = new WebDriverWait(driver, Browser.WAIT_TIMEOUT)
                .until(d -> d.findElement(By.id("rooms-sign-in"))).getText();
        assertThat(text).contains("đăng nhập");
    }

    @Test
    void mapShowsCooperativeWithRoom() throws Exception {
        ChromeDriver driver = driver();
        driver.get(uiUrl() + "/");

        String count = new WebDriverWait(driver, Browser.WAIT_TIMEOUT)
                .withMessage(() -> "the rooms overlay drew no cooperative; console: " + console(driver))
                .until(d -> d.findElement(By.tagName("langso-rooms-overlay")).getDomAttribute("feature-count"));
        assertThat(count).isEqualTo("1");
    }

    private ChromeDriver open(String name) throws IOException {
        ChromeDriver driver = driver();
        driver.get(uiUrl() + "/rooms/" + roomId + "?invitation=" + invitation + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return driver;
    }

    private static void awaitState(ChromeDriver driver, String state) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "room call never reached state " + state
                        + "; console: " + console(driver))
                .until(d -> state.equals(callElement(driver).getDomAttribute("state")));
    }

    private static org.openqa.selenium.WebElement callElement(ChromeDriver driver) {
        return driver.findElement(By.tagName("langso-room-call"));
    }

    /** Polls getStats until the participant decoded video frames from every other one; returns the smallest count. */
    @SuppressWarnings("unchecked")
    private static long awaitDecodedFrames(ChromeDriver driver) throws InterruptedException {
        long deadline = System.nanoTime() + MEDIA_TIMEOUT.toNanos();
        Map<String, Object> stats = Map.of();
        while (System.nanoTime() < deadline) {
            stats = (Map<String, Object>) driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "document.querySelector('langso-room-call').videoStats().then(done, e => done({error: String(e)}));");
            long min = stats.values().stream().mapToLong(value -> value instanceof Number n ? n.longValue() : 0).min().orElse(0);
            if (!stats.isEmpty() && min > 0) {
                return min;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No video frames decoded within " + MEDIA_TIMEOUT + "; last stats " + stats
                + "; console: " + console(driver));
    }

    private static String console(ChromeDriver driver) {
        StringBuilder text = new StringBuilder();
        driver.manage().logs().get("browser").forEach(entry -> text.append(entry.getMessage()).append('\n'));
        return text.toString();
    }

    /** Starts Chromium with {@link #MEDIA_FLAGS}, closed after the class unless a test closes it earlier. */
    private static Browser startMediaBrowser() throws IOException {
        Browser browser = closeAfterAll(Browser.start(MEDIA_FLAGS, new Dimension(1200, 800)));
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return browser;
    }

    private static ChromeDriver driver() throws IOException {
        return startMediaBrowser().driver();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Inserts a cooperative, a room starting now and a reusable speaker invitation that skips the lobby. */
    private static String insertRoom(TestDatabase database, String token) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO cooperative (id, name, geom) VALUES "
                        + "(701, 'HTX Thanh Bình', ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326))");
            }
            String id;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("INSERT INTO room (cooperative_id, topic, starts_at, created_by) "
                            + "VALUES (701, 'Tập huấn sầu riêng', now(), 'test') RETURNING id")) {
                row.next();
                id = row.getString(1);
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO room_invitation "
                    + "(room_id, token_hash, role, single_use, requires_admission, expires_at, created_by) "
                    + "VALUES (CAST(? AS uuid), ?, 'speaker', false, false, now() + interval '1 hour', 'test')")) {
                statement.setString(1, id);
                statement.setBytes(2, hash);
                statement.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Room fixture failed: " + e.getMessage(), e);
        }
    }
}

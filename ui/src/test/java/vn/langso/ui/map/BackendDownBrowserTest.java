package vn.langso.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.ui.testing.BrowserTestSupport;

/** The map page when nothing listens at the backend URL: the page still opens and shows what to do. */
class BackendDownBrowserTest extends BrowserTestSupport {

    private static String backendUrl;

    /** Points the ui at a loopback port that was free a moment ago, so that connections to it are refused. */
    @DynamicPropertySource
    static void unreachableBackend(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            backendUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        useBackend(registry, URI.create(backendUrl));
    }

    @Test
    void vietnamesePageNamesBackendUrlAndFix() throws IOException {
        browser.driver().get(uiUrl() + "/");

        WebElement notification = browser.waiting().until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-notification-card")));
        assertThat(notification.getText())
                .contains("Không kết nối được máy chủ dữ liệu")
                .contains(backendUrl)
                .contains("./langso start");
        assertThat(browser.driver().findElement(By.id("layer-switcher")).getText())
                .contains("Chưa tải được danh sách lớp dữ liệu");
        browser.waiting().until(ExpectedConditions.attributeContains(By.tagName("langso-map"), "data-load-failed", backendUrl));
        browser.screenshot("map-backend-down.png");
    }

    @Test
    void englishSearchNamesBackendUrl() {
        browser.driver().get(uiUrl() + "/?lang=en");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#commune-search input")));

        browser.driver().findElement(By.cssSelector("#commune-search input")).sendKeys("My Tra", Keys.ENTER);

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("commune-search-status"), "data-outcome", "error"));
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-notification-card")))
                .extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Cannot reach the data server at " + backendUrl));
    }
}

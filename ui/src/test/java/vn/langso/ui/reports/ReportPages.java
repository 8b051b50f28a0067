package vn.langso.ui.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.langso.ui.testing.Browser;

/** Steps on the report pages in a real browser, shared by the browser tests of reports. */
final class ReportPages {

    private final Browser browser;
    private final String uiUrl;

    ReportPages(Browser browser, String uiUrl) {
        this.browser = browser;
        this.uiUrl = uiUrl;
    }

    JavascriptExecutor js() {
        return browser.driver();
    }

    void open(String path) {
        browser.driver().get(uiUrl + path);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reports-title")));
    }

    /** Opens the form and waits until its map has drawn the communes. */
    void openForm(String query) {
        open("/reports/new" + query);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report-location-map[data-ready] langso-map[data-communes-loaded]")));
    }

    void chooseCategory(String name) {
        browser.driver().findElement(By.id("report-category")).click();
        WebElement item = browser.waiting().until(driver -> driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(candidate -> candidate.isDisplayed() && candidate.getText().strip().equals(name))
                .findFirst().orElse(null));
        item.click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-select-item")));
    }

    void typeDescription(String text) {
        WebElement field = browser.driver().findElement(By.cssSelector("#report-description textarea"));
        field.clear();
        field.sendKeys(text);
    }

    /** Centres the form's map on the point and clicks the map's centre, as a person picks a location. */
    void pickLocation(double lon, double lat) {
        WebElement map = browser.driver().findElement(By.id("report-location-map"));
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "arguments[0].centerOn(arguments[1], arguments[2], 15).then(done);", map, lon, lat);
        new Actions(browser.driver()).moveToElement(map).click().perform();
        try {
            browser.waiting().until(ExpectedConditions.attributeToBeNotEmpty(
                    browser.driver().findElement(By.id("report-location")), "data-lon"));
        } catch (TimeoutException e) {
            throw new AssertionError("The picked location did not reach the server: the map's data-point is '"
                    + map.getAttribute("data-point") + "', data-ready '" + map.getAttribute("data-ready")
                    + "', picking '" + js().executeScript("return String(arguments[0].picking);", map)
                    + "', element at the centre '" + elementAtCentre(map) + "'; see "
                    + screenshotQuietly("reports-pick-failed.png"), e);
        }
    }

    /** Describes the innermost element at the centre of the element, looking into shadow roots. */
    private Object elementAtCentre(WebElement element) {
        return js().executeScript("""
                const box = arguments[0].getBoundingClientRect();
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                let node = document.elementFromPoint(x, y), path = [];
                while (node) {
                  path.push(node.tagName + (node.id ? '#' + node.id : '') + (node.className && node.className.baseVal === undefined ? '.' + node.className : ''));
                  const inner = node.shadowRoot ? node.shadowRoot.elementFromPoint(x, y) : null;
                  node = inner && inner !== node ? inner : null;
                }
                return path.join(' > ') + ' at ' + x + ',' + y + ' in viewport ' + innerWidth + 'x' + innerHeight;
                """, element);
    }

    private String screenshotQuietly(String name) {
        try {
            return browser.screenshot(name).toString();
        } catch (IOException | RuntimeException e) {
            return "no screenshot (" + e + ")";
        }
    }

    /** Attaches a file to the upload and waits until this server has received it. */
    void attach(Path file) {
        WebElement upload = browser.driver().findElement(By.id("report-media"));
        WebElement input = (WebElement) js().executeScript(
                "const upload = arguments[0];"
                        + "return upload.querySelector('input[type=file]')"
                        + " || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));", upload);
        // ChromeDriver rejects paths with ".." in them, such as the default ../shared/data.
        input.sendKeys(file.toAbsolutePath().normalize().toString());
        browser.waiting().until(driver -> (Boolean) js().executeScript(
                "const files = arguments[0].files || [];"
                        + "return files.length > 0 && files.every(file => file.complete || file.error);", upload));
    }

    void submit() {
        browser.driver().findElement(By.id("report-submit")).click();
    }

    /** Waits for the error box above the content and returns its text. */
    String errorText() {
        return errorTextOtherThan("");
    }

    /** Waits until the error box shows a text other than the given one (an earlier error) and returns it. */
    String errorTextOtherThan(String earlier) {
        WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reports-error")));
        browser.waiting().until(driver -> !error.getText().isBlank() && !error.getText().equals(earlier));
        return error.getText();
    }

    /** Waits for the follow page of a report after a submission and returns the report id. */
    long awaitFollowPage() {
        browser.waiting().until(ExpectedConditions.urlMatches(".*/reports/[0-9]+$"));
        WebElement details = browser.waiting().until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".report-details[data-report-id]")));
        return Long.parseLong(details.getAttribute("data-report-id"));
    }

    String status() {
        return browser.driver().findElement(By.id("report-status")).getAttribute("data-status");
    }

    List<WebElement> messages() {
        return browser.driver().findElements(By.cssSelector("#report-messages .report-message"));
    }

    Browser browser() {
        return browser;
    }
}

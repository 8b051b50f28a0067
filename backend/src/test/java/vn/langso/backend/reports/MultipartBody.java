package vn.langso.backend.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * A multipart/form-data body written by hand with a fixed boundary. Spring's writer draws its boundary from
 * {@code SecureRandom}, which reads {@code /dev/urandom} on the test client's event loop, where BlockHound rejects it.
 */
public final class MultipartBody {

    private static final String BOUNDARY = "report-test-boundary-7Kq2";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public MultipartBody json(String name, String json) {
        return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody text(String name, String value) {
        return part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody file(String name, String fileName, String contentType, byte[] content) {
        return part(name, fileName, contentType, content);
    }

    private MultipartBody part(String name, String fileName, String contentType, byte[] content) {
        StringBuilder header = new StringBuilder("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            header.append("; filename=\"").append(fileName).append('"');
        }
        header.append("\r\n");
        if (contentType != null) {
            header.append("Content-Type: ").append(contentType).append("\r\n");
        }
        header.append("\r\n");
        bytes.writeBytes(header.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(content);
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(bytes.toByteArray());
        copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    public static MediaType contentType() {
        return new MediaType("multipart", "form-data", java.util.Map.of("boundary", BOUNDARY));
    }
}

package lab.resilience.lockdown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * For answers without an HTTP status line, which the kit's {@code RawHttp} cannot parse: Tomcat
 * still speaks HTTP/0.9 (a request line without a version gets the bare body back). Sends the same
 * bytes and returns everything the server says until it closes.
 */
final class Http09 {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Http09() {}

    static String exchange(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException e) {
                // the server kept the connection open: what it sent so far is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

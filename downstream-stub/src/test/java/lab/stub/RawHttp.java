package lab.stub;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over one plain socket, written and read by hand: for what a pooled client does (many
 * requests on one keep-alive connection) and what none of the usual clients can (pipelining).
 */
final class RawHttp implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = (int) Duration.ofSeconds(30).toMillis();

    /** One response: status, content length and body. */
    record Response(int status, int contentLength, byte[] body) {}

    private final Socket socket;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        this.in = socket.getInputStream();
    }

    /** Writes GET requests for every path back to back, without waiting for any answer. */
    void get(String... pathsAndQueries) throws IOException {
        StringBuilder requests = new StringBuilder();
        for (String target : pathsAndQueries) {
            requests.append("GET ").append(target).append(" HTTP/1.1\r\nHost: stub\r\n\r\n");
        }
        socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads the next response: it must have a Content-Length (every /delay answer has). */
    Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        header.substring(header.indexOf(':') + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("no content-length in the response with status " + status);
        }
        return new Response(status, length, in.readNBytes(length));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package lab.contract.kit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends bytes exactly as written over a plain socket, for the malformed requests the JDK client
 * refuses to send (bad request lines, bad percent-escapes, raw non-ASCII, huge headers), and parses
 * the answer (status, headers, body by {@code Content-Length}, chunks, or until the server closes).
 */
public final class RawHttp {

    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private RawHttp() {}

    /**
     * Sends {@code rawRequest} (encoded as UTF-8; include the final blank line yourself) and reads
     * one response.
     */
    public static Response send(String host, int port, String rawRequest) {
        return send(host, port, rawRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static Response send(String host, int port, byte[] rawRequest) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(rawRequest);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading a huge request; read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + host + ":" + port + " failed", e);
        }
    }

    /**
     * {@code GET <target>} with {@code Host}, {@code Accept: application/json} and
     * {@code Connection: close}; {@code target} goes on the request line byte for byte.
     */
    public static Response get(int port, String target) {
        return send(
                "127.0.0.1",
                port,
                "GET " + target + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\n"
                        + "Accept: application/json\r\n"
                        + "Connection: close\r\n\r\n");
    }

    /** Opens a connection to keep: several requests, written as given, answers read one by one. */
    public static Connection open(String host, int port, Duration readTimeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            return new Connection(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that never connected
            }
            throw new UncheckedIOException("connecting to " + host + ":" + port + " failed", e);
        }
    }

    /**
     * One kept-alive (or pipelining) connection, as real clients use them: Gatling, scrapers, load
     * balancers and the apps' own pools all send the next request on the connection the last answer
     * came on.
     */
    public static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Writes {@code raw} (UTF-8) in one write: several requests in it are pipelined. */
        public void write(String raw) {
            write(raw.getBytes(StandardCharsets.UTF_8));
        }

        public void write(byte[] raw) {
            try {
                out.write(raw);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to " + socket.getRemoteSocketAddress() + " failed", e);
            }
        }

        /**
         * The next answer; empty when none came within the read timeout (the connection is then
         * unusable: close it). Status {@code -1} when the server closed the connection instead.
         */
        public Optional<Response> read() {
            try {
                return Optional.of(RawHttp.read(in));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (IOException e) {
                // reset by the server: no answer on this connection, as a close
                return Optional.of(new Response(-1, Map.of(), "", ""));
            }
        }

        /**
         * Waits up to the read timeout for the server to close the connection, discarding whatever it
         * sends first; true if it did (end of stream or reset).
         */
        public boolean awaitClose() {
            byte[] discard = new byte[4096];
            try {
                while (in.read(discard) >= 0) {
                    // an answer before the close (e.g. a 408) is not what is measured
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do about a failed close in a test client
            }
        }
    }

    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) {
            return new Response(-1, Map.of(), "", "");
        }
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        String length = first(headers, "content-length");
        String encoding = first(headers, "transfer-encoding");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else {
            body = readToEnd(in);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), head);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - end.length);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            in.transferTo(body);
        } catch (SocketTimeoutException e) {
            // a keep-alive connection without length: what we have is the body
        }
        return body.toByteArray();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Status ({@code -1} if the server closed without answering), headers (lower-case names), body, raw head. */
    public record Response(int status, Map<String, List<String>> headers, String body, String head) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(first(headers, name.toLowerCase(Locale.ROOT)));
        }

        public Optional<String> mediaType() {
            return header("content-type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
        }
    }
}

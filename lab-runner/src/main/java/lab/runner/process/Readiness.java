package lab.runner.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waits for a started app: its port file, then its readiness probe; fails fast if it dies. */
public final class Readiness {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 30;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Returns the port the app bound, once {@code /actuator/health/readiness} answers 200. */
    public int awaitReady(ManagedProcess process, Path portFile, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int port = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(process + " exited during start-up; last lines of " + process.log() + ":\n"
                        + tail(process.log()));
            }
            if (port < 0) {
                port = readPort(portFile);
            }
            if (port > 0 && ready(port)) {
                return port;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException(process + " not ready within " + timeout.toSeconds() + " s; last lines of "
                + process.log() + ":\n" + tail(process.log()));
    }

    private boolean ready(int port) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int readPort(Path portFile) {
        try {
            String text = Files.readString(portFile).trim();
            return text.isEmpty() ? -1 : Integer.parseInt(text);
        } catch (IOException | NumberFormatException notYet) {
            return -1;
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

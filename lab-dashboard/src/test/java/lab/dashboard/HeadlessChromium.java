package lab.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium (Debian's {@code chromium}) with one page, driven over the DevTools
 * protocol: evaluate JavaScript in the page while it runs, take a screenshot. The flags are those
 * the report's browser test uses on this machine; the profile is fresh.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RELAYOUT = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> exceptions = new ArrayList<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** {@code chromium} on the PATH, if any. */
    static Optional<Path> locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static HeadlessChromium open(Path chromium, String url, Path dir, int width, int height)
            throws IOException, InterruptedException {
        Path profile = dir.resolve("profile");
        Files.createDirectories(profile);
        Process process = new ProcessBuilder(List.of(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--window-size=" + width + "," + height,
                        url))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        try {
            int port = devToolsPort(process, profile.resolve("DevToolsActivePort"));
            String pageSocket = pageSocket(port, url);
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create(pageSocket), new Listener(() -> self[0]))
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(process, socket);
            self[0].call("Runtime.enable", JSON.createObjectNode());
            return self[0];
        } catch (Exception e) {
            stop(process);
            throw new IOException("headless Chromium did not come up: " + e.getMessage(), e);
        }
    }

    /** Evaluates {@code expression} in the page; returns its value (JSON-serialisable values only). */
    JsonNode evaluate(String expression) {
        ObjectNode params = JSON.createObjectNode();
        params.put("expression", expression);
        params.put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page at {@code width} CSS pixels (the viewport grows to the page's height). */
    byte[] screenshot(int width) throws InterruptedException {
        int height = evaluate("document.documentElement.scrollHeight").asInt();
        ObjectNode metrics = JSON.createObjectNode();
        metrics.put("width", width);
        metrics.put("height", height);
        metrics.put("deviceScaleFactor", 1);
        metrics.put("mobile", false);
        call("Emulation.setDeviceMetricsOverride", metrics);
        Thread.sleep(RELAYOUT.toMillis()); // the page redraws its charts on the resize
        ObjectNode params = JSON.createObjectNode();
        params.put("format", "png");
        return Base64.getDecoder()
                .decode(call("Page.captureScreenshot", params).path("data").asString());
    }

    /** Uncaught exceptions the page has thrown so far. */
    synchronized List<String> exceptions() {
        return List.copyOf(exceptions);
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        try {
            JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.path("error"));
            }
            return reply.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer: " + e.getMessage(), e);
        } finally {
            pending.remove(id);
        }
    }

    private void onMessage(String text) {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if ("Runtime.exceptionThrown".equals(message.path("method").asString())) {
            synchronized (this) {
                exceptions.add(message.path("params").path("exceptionDetails").toString());
            }
        }
    }

    private static int devToolsPort(Process process, Path portFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && lines.getFirst().matches("\\d+")) {
                    return Integer.parseInt(lines.getFirst());
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no " + portFile + " within " + START_TIMEOUT);
    }

    private static String pageSocket(int port, String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String list = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (JsonNode target : JSON.readTree(list)) {
                if ("page".equals(target.path("type").asString())
                        && target.path("url").asString().startsWith(url)) {
                    return target.path("webSocketDebuggerUrl").asString();
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no page for " + url);
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts fragmented frames back together and hands whole messages over. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Supplier<HeadlessChromium> owner;
        private final StringBuilder buffer = new StringBuilder();

        Listener(java.util.function.Supplier<HeadlessChromium> owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                buffer.append(data);
                if (last) {
                    String text = buffer.toString();
                    buffer.setLength(0);
                    HeadlessChromium chromium = owner.get();
                    if (chromium != null) {
                        chromium.onMessage(text);
                    }
                }
            } finally {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            HeadlessChromium chromium = owner.get();
            if (chromium != null) {
                chromium.pending.values().forEach(p -> p.completeExceptionally(error));
            }
        }
    }
}

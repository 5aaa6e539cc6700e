package lab.runner.demo;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import lab.variants.Variant;

/**
 * What {@code ./lab demo} was asked for, checked before anything starts: a bad value is one line
 * and exit 2, with nothing left running.
 *
 * @param targets the apps to watch when they run elsewhere (name to URL), else empty
 * @param stub a stub running elsewhere, else null
 */
record DemoSettings(
        List<String> variants,
        int port,
        String bind,
        Map<String, String> targets,
        String stub,
        String limits,
        int heapMiB) {

    static final int DEFAULT_PORT = 8088;
    static final String LOOPBACK = "127.0.0.1";
    static final int DEFAULT_HEAP_MIB = 512;
    private static final int MAX_PORT = 65_535;
    private static final int MIN_HEAP_MIB = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    static DemoSettings of(
            List<String> variants, int port, String bind, String targets, String stub, String limits, int heapMiB) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("--port must be between 0 and " + MAX_PORT + ", got " + port);
        }
        if (heapMiB < MIN_HEAP_MIB) {
            throw new IllegalArgumentException("--heap-mib must be at least " + MIN_HEAP_MIB + ", got " + heapMiB);
        }
        address(bind);
        Map<String, String> parsed = targets == null ? Map.of() : targets(targets);
        if (stub != null) {
            url("--stub", stub);
        }
        if (!parsed.isEmpty() && limits != null) {
            throw new IllegalArgumentException("--limits applies to apps the demo starts, not to --targets");
        }
        List<String> apps = List.copyOf(variants);
        if (parsed.isEmpty()) {
            if (apps.isEmpty()) {
                throw new IllegalArgumentException("--variants must name at least one app");
            }
            if (apps.stream().distinct().count() != apps.size()) {
                throw new IllegalArgumentException("--variants names an app twice: " + apps);
            }
            for (String v : apps) {
                try {
                    Variant.named(v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--variants: " + e.getMessage());
                }
            }
        }
        return new DemoSettings(apps, port, bind, parsed, stub, limits, heapMiB);
    }

    /** Whether the dashboard listens only on this machine. */
    boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void address(String bind) {
        if (bind == null || bind.isBlank() || !bind.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw new IllegalArgumentException("--bind must be an IP address or host name, got '" + bind + "'");
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown host '" + bind + "'");
        }
    }

    private static Map<String, String> targets(String text) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "--targets is NAME=URL,... (e.g. mvc=http://127.0.0.1:18081), got '" + part + "'");
            }
            String name = part.substring(0, eq).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("--targets: a name is 1-32 of a-z, 0-9 and -, got '" + name + "'");
            }
            if (targets.put(
                            name,
                            url("--targets " + name, part.substring(eq + 1).trim()))
                    != null) {
                throw new IllegalArgumentException("--targets names " + name + " twice");
            }
        }
        return targets;
    }

    private static String url(String what, String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be an http:// or https:// URL, got '" + text + "'");
    }

    /** {@code LAB_HOME} (set by ./lab), else the nearest parent holding the stub's module. */
    static Path repoRoot() {
        String home = System.getenv("LAB_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("downstream-stub")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}

package lab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The realistic fixture run, and small synthetic runs built step by step. */
final class Fixtures {

    static final String FIXTURE = "report/results.json";

    private Fixtures() {}

    static JsonNode fixtureTree() {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            return ResultsReader.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Results fixture() {
        return ResultsReader.fromTree(fixtureTree());
    }

    static Path writeResults(Path dir, JsonNode tree) throws IOException {
        Files.writeString(dir.resolve(ReportWriter.RESULTS), ResultsReader.MAPPER.writeValueAsString(tree));
        return dir;
    }

    /** A run with a 100 ms downstream and one CPU for the app. */
    static Run run() {
        return new Run();
    }

    static final class Run {

        private final ObjectNode root = JsonNodeFactory.instance.objectNode();
        private final ArrayNode variants = root.putArray("variants");

        private Run() {
            root.putObject("settings").put("delayMs", 100).put("appCpus", 1);
        }

        Run variant(String name, Integer maxThreads, StepSpec... steps) {
            ObjectNode variant = variants.addObject().put("name", name);
            if (maxThreads != null) {
                variant.put("maxThreads", maxThreads);
            }
            ArrayNode list = variant.putArray("steps");
            for (StepSpec step : steps) {
                ObjectNode node = list.addObject()
                        .put("users", step.users())
                        .put("throughputRps", step.rps())
                        .put("appCpuCores", step.cpu())
                        .put("p50Ms", step.users() / step.rps() * 1000)
                        .put("p99Ms", step.users() / step.rps() * 1000 * 1.2)
                        .put("valid", step.reason() == null);
                if (step.reason() != null) {
                    node.put("invalidReason", step.reason());
                }
            }
            return this;
        }

        Results results() {
            return ResultsReader.fromTree(root);
        }
    }

    record StepSpec(int users, double rps, double cpu, String reason) {}

    static StepSpec step(int users, double rps, double cpu) {
        return new StepSpec(users, rps, cpu, null);
    }

    static StepSpec invalid(int users, double rps, double cpu, String reason) {
        return new StepSpec(users, rps, cpu, reason);
    }
}

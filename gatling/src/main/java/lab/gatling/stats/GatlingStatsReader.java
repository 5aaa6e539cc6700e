package lab.gatling.stats;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RunInfo;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.stats.ErrorStats;
import io.gatling.core.stats.writer.StringInternals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Gatling run folder into {@link StepStats}.
 *
 * <p>Gatling 3.15 writes no {@code stats.json}, and {@code simulation.log} is binary, so this
 * decodes it with Gatling's own reader (the classes that build the HTML report). That reader needs
 * {@code --add-opens=java.base/java.lang=ALL-UNNAMED}; {@link lab.gatling.RunSimulation} therefore
 * also saves the stats as {@value #SUMMARY_FILE} in the run folder right after the run, and this
 * reader uses that file when it is there, so callers without the flag can still read runs.
 */
public final class GatlingStatsReader {

    /** Stats saved next to {@code simulation.log} by the JVM that ran the simulation. */
    public static final String SUMMARY_FILE = "step-stats.json";

    public static final String SIMULATION_LOG = "simulation.log";

    private static final double P50 = 50;
    private static final double P95 = 95;
    private static final double P99 = 99;
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatlingStatsReader() {}

    /** Stats of one run folder (the one holding {@code simulation.log}). */
    public static StepStats read(Path runDir) {
        Path summary = runDir.resolve(SUMMARY_FILE);
        if (Files.isRegularFile(summary)) {
            return JSON.readValue(summary.toFile(), StepStats.class);
        }
        return decode(runDir);
    }

    /** Stats decoded from {@code simulation.log}, ignoring any saved summary. */
    public static StepStats decode(Path runDir) {
        Path log = runDir.resolve(SIMULATION_LOG);
        if (!Files.isRegularFile(log)) {
            throw new IllegalArgumentException("no " + SIMULATION_LOG + " in " + runDir);
        }
        requireStringInternals();
        LogFileData data = new LogFileReader(log.toFile(), GatlingConfiguration.load()).read();
        return toStepStats(data);
    }

    /** Decodes the run and saves the result as {@value #SUMMARY_FILE} in the run folder. */
    public static StepStats decodeAndSave(Path runDir) {
        StepStats stats = decode(runDir);
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(runDir.resolve(SUMMARY_FILE).toFile(), stats);
        return stats;
    }

    /**
     * The most recent run folder under a results folder (Gatling names them
     * {@code <simulation>-<timestamp>}), if any run wrote a {@code simulation.log} there.
     */
    public static Optional<Path> latestRun(Path resultsFolder) {
        if (!Files.isDirectory(resultsFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(resultsFolder)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve(SIMULATION_LOG)))
                    .max(Comparator.comparing(GatlingStatsReader::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StepStats toStepStats(LogFileData data) {
        RunInfo run = data.runInfo();
        Optional<GeneralStats> all = generalStats(data, Option.empty());
        long ok = generalStats(data, Option.apply(OK$.MODULE$))
                .map(GeneralStats::count)
                .orElse(0L);
        long ko = generalStats(data, Option.apply(KO$.MODULE$))
                .map(GeneralStats::count)
                .orElse(0L);
        Instant start = Instant.ofEpochMilli(run.injectStart());
        Instant end = Instant.ofEpochMilli(run.injectEnd());
        double seconds = Duration.between(start, end).toMillis() / MILLIS_PER_SECOND;
        return new StepStats(
                ok,
                ko,
                seconds > 0 ? (ok + ko) / seconds : 0,
                all.map(GeneralStats::mean).orElse(0),
                all.map(stats -> percentile(stats, P50)).orElse(0L),
                all.map(stats -> percentile(stats, P95)).orElse(0L),
                all.map(stats -> percentile(stats, P99)).orElse(0L),
                all.map(stats -> (long) stats.max()).orElse(0L),
                errorClasses(data),
                start,
                end);
    }

    private static Optional<GeneralStats> generalStats(LogFileData data, Option<Status> status) {
        Option<GeneralStats> stats = data.requestGeneralStats(Option.empty(), Option.empty(), status);
        return stats.isDefined() ? Optional.of(stats.get()) : Optional.empty();
    }

    private static long percentile(GeneralStats stats, double rank) {
        return ((Number) stats.percentile().apply(rank)).longValue();
    }

    private static Map<String, Long> errorClasses(LogFileData data) {
        return ErrorClassifier.mostFrequentFirst(
                CollectionConverters.asJava(data.errors(Option.empty(), Option.empty())).stream()
                        .collect(Collectors.groupingBy(
                                error -> ErrorClassifier.classify(error.message()),
                                Collectors.summingLong(ErrorStats::count))));
    }

    static void requireStringInternals() {
        try {
            StringInternals.checkAvailability();
        } catch (Throwable cause) {
            throw new IllegalStateException(
                    "decoding simulation.log needs the JVM flag "
                            + "--add-opens=java.base/java.lang=ALL-UNNAMED (Gatling's reader uses String internals)",
                    cause);
        }
    }

    private static Instant modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(SIMULATION_LOG)).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

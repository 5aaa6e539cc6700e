package lab.gatling.stats;

import io.gatling.charts.stats.LogFileParser;
import io.gatling.commons.util.GatlingVersion;
import io.gatling.core.stats.writer.RecordHeader;
import java.io.EOFException;
import java.nio.file.Path;
import java.util.List;

/**
 * Gatling's raw records, one at a time, from a binary {@code simulation.log}: every user start and
 * end and every request with its own start and end instants, which Gatling's report reader only
 * hands out aggregated over the whole run.
 *
 * <p>Reads with Gatling's own decoding primitives ({@link LogFileParser}: strings, the string
 * cache, the version check's data) and follows the record layout of Gatling's writer
 * ({@code LogFileDataWriter}, 3.15). Like Gatling's reader it needs
 * {@code --add-opens=java.base/java.lang=ALL-UNNAMED}, and it reads only logs of the Gatling
 * version it runs with.
 */
final class SimulationLog {

    /** What a pass over the log is told, in file order. Timestamps are epoch milliseconds. */
    interface Visitor {

        /** The first record: when the run started and its scenario names (indexed by the user records). */
        default void run(long runStart, List<String> scenarios) {}

        default void user(int scenario, boolean start, long timestamp) {}

        /** A request; {@code message} is empty for an OK. */
        default void request(String name, long start, long end, boolean ok, String message) {}
    }

    private SimulationLog() {}

    /** Reads the whole log once, in order, telling the visitor about each record. */
    static void read(Path log, Visitor visitor) {
        try (Parser parser = new Parser(log, visitor)) {
            parser.parse();
        } catch (Exception e) { // Scala code throws checked exceptions undeclared
            throw e instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("unreadable " + log + ": " + e, e);
        }
    }

    private static final class Parser extends LogFileParser<Void> {

        private static final byte RUN = header("Run");
        private static final byte REQUEST = header("Request");
        private static final byte USER = header("User");
        private static final byte GROUP = header("Group");
        private static final byte ERROR = header("Error");
        private static final int END_OF_FILE = -1;

        /**
         * Gatling's record header values, read from its own {@code RecordHeader} objects (Scala
         * objects nested in an object, which Java source cannot name).
         */
        private static byte header(String name) {
            try {
                Class<?> type = Class.forName(RecordHeader.class.getName() + "$" + name + "$");
                return ((RecordHeader) type.getField("MODULE$").get(null)).value();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "Gatling's record header " + name + " is gone: another Gatling version?", e);
            }
        }

        private final Path log;
        private final Visitor visitor;
        private long runStart;

        Parser(Path log, Visitor visitor) {
            super(log.toFile());
            this.log = log;
            this.visitor = visitor;
        }

        @Override
        public Void parse() {
            if (readByte() != RUN) {
                throw new IllegalArgumentException(log + " does not start with Gatling's run record");
            }
            runRecord();
            try {
                for (int header = read(); header != END_OF_FILE; header = read()) {
                    record((byte) header);
                }
            } catch (Exception e) { // Scala code throws checked exceptions undeclared
                if (!(e instanceof EOFException)) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
                // a run killed mid-write: the records before the last one are still valid (as in Gatling's reader)
            }
            return null;
        }

        private void runRecord() {
            String version = readString();
            String ours = GatlingVersion.ThisVersion().fullVersion();
            if (!version.equals(ours)) {
                throw new IllegalArgumentException(log + " was written by Gatling " + version
                        + " and can only be read by that version (this is " + ours + ")");
            }
            readString(); // simulation class
            runStart = readLong();
            readString(); // run description
            int scenarioCount = readInt();
            String[] scenarios = new String[scenarioCount];
            for (int i = 0; i < scenarioCount; i++) {
                scenarios[i] = readSanitizedString();
            }
            int assertions = readInt();
            for (int i = 0; i < assertions; i++) {
                skip(readInt());
            }
            visitor.run(runStart, List.of(scenarios));
        }

        private void record(byte header) {
            if (header == USER) {
                int scenario = readInt();
                boolean start = readBoolean();
                visitor.user(scenario, start, runStart + readInt());
            } else if (header == REQUEST) {
                skipGroups();
                String name = readCachedSanitizedString();
                long start = runStart + readInt();
                long end = runStart + readInt();
                boolean ok = readBoolean();
                visitor.request(name, start, end, ok, readCachedSanitizedString());
            } else if (header == GROUP) {
                skipGroups();
                skip(Integer.BYTES * 3 + 1); // start, end, cumulated response time, status
            } else if (header == ERROR) {
                skipCachedString(); // message
                skipInt(); // timestamp
            } else {
                throw new IllegalArgumentException("unknown record header " + header + " in " + log);
            }
        }

        private void skipGroups() {
            int groups = readInt();
            for (int i = 0; i < groups; i++) {
                skipCachedString();
            }
        }
    }
}

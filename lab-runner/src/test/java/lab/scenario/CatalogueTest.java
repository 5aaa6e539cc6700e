package lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.runrecord.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real catalogue in {@code scenarios/}, and broken copies of it. */
class CatalogueTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path FOLDER = ROOT.resolve(Catalogue.FOLDER);

    private static List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyEntryOfTheRealCatalogueLoadsUnderItsFilesName() throws IOException {
        Catalogue catalogue = Catalogue.load(ROOT);

        assertThat(catalogue.entries()).extracting(ScenarioSpec::name).containsExactlyElementsOf(fileNames());
        assertThat(fileNames())
                .contains(
                        "ladder",
                        "c10k",
                        "cpu",
                        "blocking-io",
                        "offloaded-io",
                        "fanout",
                        "slowdown",
                        "pool",
                        "coldstart");
        assertThat(catalogue.entries())
                .allSatisfy(
                        s -> assertThat(ScenarioCheck.problems(s)).as(s.name()).isEmpty());
    }

    @Test
    void everyEntrysQuickRunIsValidToo() {
        Overrides quick = new Overrides(true, null, null, null, null, null, null, null, null, null, null, null, null);

        for (ScenarioSpec s : Catalogue.load(ROOT).entries()) {
            ScenarioSpec q = quick.apply(s);
            assertThat(q.repeats()).as(s.name()).isEqualTo(s.quick().repeats());
            assertThat(q.load().stepSeconds()).as(s.name()).isEqualTo(s.quick().stepSeconds());
        }
    }

    @Test
    void theEntriesSayWhatTheyShow() {
        Catalogue catalogue = Catalogue.load(ROOT);

        assertThat(catalogue.lines()).hasSize(catalogue.entries().size());
        assertThat(catalogue.lines())
                .anySatisfy(line -> assertThat(line).startsWith("ladder ").contains("users 50..3200"));
        // the names are padded to one column: every summary starts after the longest name ("offloaded-io")
        for (int i = 0; i < catalogue.entries().size(); i++) {
            assertThat(catalogue.lines().get(i).substring("offloaded-io".length() + 2))
                    .isEqualTo(catalogue.entries().get(i).summary());
        }
        assertThat(catalogue.resolve("slowdown", ROOT).phases())
                .singleElement()
                .satisfies(p -> assertThat(p.extraLatencyMs()).isEqualTo(900));
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        Catalogue catalogue = Catalogue.load(ROOT);

        assertThatThrownBy(() -> catalogue.resolve("ladders", ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scenario 'ladders'; known: blocking-io, c10k, coldstart, cpu, fanout, ladder,"
                        + " offloaded-io, pool, slowdown (or a path to a .yaml file)");
        assertThatThrownBy(() -> catalogue.resolve("missing.yaml", ROOT))
                .hasMessageStartingWith("unknown scenario 'missing.yaml'");
    }

    @Test
    void aPathToAYamlFileIsReadAsAScenario(@TempDir Path dir) throws IOException {
        String mine = Files.readString(FOLDER.resolve("ladder.yaml"))
                .replace("name: ladder", "name: mine")
                .replace("users: [50, 200, 800, 1600, 3200]", "users: [100, 1000]");
        Files.writeString(dir.resolve("mine.yaml"), mine);
        Catalogue catalogue = Catalogue.load(ROOT);

        ScenarioSpec byRelativePath = catalogue.resolve("mine.yaml", dir);
        ScenarioSpec byAbsolutePath = catalogue.resolve(dir.resolve("mine.yaml").toString(), ROOT);
        ScenarioSpec theRealOne = catalogue.resolve("scenarios/ladder.yaml", ROOT);

        assertThat(byRelativePath.name()).isEqualTo("mine");
        assertThat(byRelativePath.load().users()).containsExactly(100, 1000);
        assertThat(byAbsolutePath).isEqualTo(byRelativePath);
        assertThat(theRealOne).isEqualTo(catalogue.resolve("ladder", ROOT));
    }

    /** A copy of the real catalogue in a temporary root, with one file changed. */
    private static Path copyWith(Path root, String file, String from, String to) throws IOException {
        Path folder = Files.createDirectories(root.resolve(Catalogue.FOLDER));
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Path broken = folder.resolve(file);
        String text = Files.readString(broken);
        assertThat(text).contains(from);
        Files.writeString(broken, text.replace(from, to));
        return broken;
    }

    @Test
    void aBrokenEntryIsRefusedNamingTheFileAndTheProblem(@TempDir Path root) throws IOException {
        Path broken = copyWith(root, "pool.yaml", "users: [25, 50, 100, 400, 1600]", "users: [25, 50, 40]");

        assertThatThrownBy(() -> Catalogue.load(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(broken.toString() + ": ")
                .hasMessageContaining("load.users must rise step by step");
    }

    @Test
    void anUnknownFieldIsRefused(@TempDir Path root) throws IOException {
        Path broken = copyWith(root, "cpu.yaml", "repeats: 3", "repeats: 3\nrepeatCount: 5");

        assertThatThrownBy(() -> Catalogue.load(root))
                .hasMessageStartingWith(broken.toString() + ": ")
                .hasMessageContaining("repeatCount");
    }

    @Test
    void aMissingFieldIsRefused(@TempDir Path root) throws IOException {
        Path broken = copyWith(root, "fanout.yaml", "repeats: 2\n", "");

        assertThatThrownBy(() -> Catalogue.load(root))
                .hasMessageStartingWith(broken.toString() + ": ")
                .hasMessageContaining("repeats");
    }

    @Test
    void aNameOtherThanTheFilesIsRefused(@TempDir Path root) throws IOException {
        Path broken = copyWith(root, "coldstart.yaml", "name: coldstart", "name: cold-start");

        assertThatThrownBy(() -> Catalogue.load(root))
                .hasMessage(broken + ": name 'cold-start' must match the file name 'coldstart'");
    }

    @Test
    void aFolderThatIsNotThereIsSaidSo(@TempDir Path root) {
        assertThatThrownBy(() -> Catalogue.load(root)).hasMessageContaining("cannot read the scenario catalogue");
    }
}

package lab.runrecord;

import java.util.List;

/**
 * What it takes to reproduce a run.
 *
 * @param gitCommit the commit the jars were built from ({@code null} outside a git checkout)
 * @param gitDirty whether the working tree had uncommitted changes
 * @param commandLine the {@code ./lab} arguments as given
 * @param versions the JDK, Spring Boot, Reactor Netty, Tomcat and Gatling versions that ran
 */
public record Reproduction(String gitCommit, Boolean gitDirty, List<String> commandLine, Versions versions) {

    public Reproduction {
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** Versions of what ran; {@code null} where unknown. */
    public record Versions(
            String jdk,
            String springBoot,
            String springFramework,
            String reactorNetty,
            String tomcat,
            String gatling) {}
}

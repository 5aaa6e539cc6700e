package lab.runner.engine;

/**
 * How an app JVM that exited on its own died, read from its log: Java refusing to create another
 * thread (the OS would not give it one: a thread or memory limit), its own OutOfMemoryError (the
 * heap, with {@code -XX:+ExitOnOutOfMemoryError}), or any other exit. A kill by the cgroup's memory
 * limit is told by the cgroup, not the log.
 *
 * @param kind as in {@link lab.results.VariantRun.Failure#kind()}
 * @param words what happened, as the progress line and the report say it
 */
record Death(String kind, String words) {

    /** What HotSpot prints when {@code pthread_create} fails, whatever the reason it gives after. */
    static final String NO_NATIVE_THREAD = "unable to create native thread";

    static Death fromLog(String log, int exitCode) {
        if (log.contains(NO_NATIVE_THREAD)) {
            return new Death(
                    "no-native-thread", "could not create another thread (OutOfMemoryError: " + NO_NATIVE_THREAD + ")");
        }
        if (log.contains("OutOfMemoryError")) {
            return new Death("out-of-memory", "died of OutOfMemoryError");
        }
        return new Death("exited", "exited with code " + exitCode);
    }
}

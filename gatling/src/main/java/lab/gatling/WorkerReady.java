package lab.gatling;

/**
 * The first line {@link LoadWorker} writes, once it can take commands.
 *
 * @param pid the worker JVM's process id (sample its CPU with it)
 * @param token the token it was started with, so that the caller knows who connected
 * @param gatlingVersion the Gatling version that runs the simulations and reads their logs
 */
public record WorkerReady(long pid, String token, String gatlingVersion) {}

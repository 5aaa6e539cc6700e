package lab.runner.sampling;

/** One request the lab sent to check a server's latency: when, and how long it took (-1 when it failed). */
public record Probe(long epochMs, double latencyMs) {}

package lab.variants;

/** The concurrency models, named as the apps report them ({@code "model":"event-loop"}). */
public enum Model {
    THREAD_PER_REQUEST("thread-per-request"),
    VIRTUAL_THREADS("virtual-threads"),
    EVENT_LOOP("event-loop");

    private final String id;

    Model(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A pool of platform threads caps the requests in flight (Little's law: threads / latency). */
    public boolean threadBound() {
        return this == THREAD_PER_REQUEST;
    }
}

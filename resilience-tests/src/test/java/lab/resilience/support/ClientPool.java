package lab.resilience.support;

import java.util.List;
import lab.variants.App;
import lab.variants.Variant;

/**
 * The meters that show connections of an app's downstream client pool that are busy or awaited:
 * all of them must return to 0 once the load stops, or the pool leaks.
 */
public final class ClientPool {

    /** A meter and the tags that select the busy part of it. */
    public record Gauge(String name, String... tags) {
        @Override
        public String toString() {
            return name + (tags.length == 0 ? "" : String.join(",", tags));
        }
    }

    private static final List<Gauge> APACHE_HC5 = List.of(
            new Gauge("httpcomponents.httpclient.pool.total.connections", "state:leased"),
            new Gauge("httpcomponents.httpclient.pool.total.pending"));
    private static final List<Gauge> REACTOR_NETTY = List.of(
            new Gauge("reactor.netty.connection.provider.active.connections"),
            new Gauge("reactor.netty.connection.provider.pending.connections"));

    private ClientPool() {}

    /** The busy/pending gauges of the client that {@code /api/io} uses in {@code variant}. */
    public static List<Gauge> busyGauges(Variant variant) {
        return variant.app() == App.MVC ? APACHE_HC5 : REACTOR_NETTY;
    }
}

package lab.resilience.support;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Collectors;

/** The stub's runtime fault mix ({@code /admin/faults}, enabled with {@code --stub.admin.enabled=true}). */
public final class StubFaults {

    /** The kinds of failure the mix can inject into every later {@code /delay} call, by JSON member. */
    public enum Fault {
        SERVER_ERROR("errorPercent"),
        RESET("resetPercent"),
        HANG("hangPercent"),
        CLOSE("closePercent");

        private final String member;

        Fault(String member) {
            this.member = member;
        }
    }

    /** Each call on a fresh client: the stub gets killed and restarted, and a pooled connection would outlive it. */
    private final String url;

    StubFaults(String stubBaseUrl) {
        this.url = stubBaseUrl + "/admin/faults";
    }

    /** Every later {@code /delay} call fails this way with the given percentages, on top of its own parameters. */
    public void set(Map<Fault, Integer> percents) {
        String members = percents.entrySet().stream()
                .map(e -> "\"" + e.getKey().member + "\":" + e.getValue())
                .collect(Collectors.joining(","));
        String json = "{\"extraLatencyMs\":0,\"jitterMs\":0" + (members.isEmpty() ? "" : "," + members) + "}";
        expectOk(
                Client.send(
                        Client.newHttpClient(),
                        Client.request(url)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json))
                                .build()),
                "PUT " + json);
    }

    public void set(Fault fault, int percent) {
        set(Map.of(fault, percent));
    }

    public void clear() {
        expectOk(
                Client.send(Client.newHttpClient(), Client.request(url).DELETE().build()), "DELETE");
    }

    private void expectOk(Reply reply, String what) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(what + " " + url + " -> " + reply);
        }
    }
}

package lab.dashboard.stub;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lab.dashboard.DashboardProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stub's fault mix: reads it once per interval (someone may change it with curl straight at
 * the stub), and sets or clears it for the controls. A fresh connection per call, as for scrapes.
 */
@Component
public class StubAdmin implements SmartLifecycle {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int NOT_FOUND = 404;
    private static final int BAD_REQUEST = 400;

    private final String faultsUrl;
    private final Duration interval;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newConnection()
            .keepAlive(false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
            .responseTimeout(TIMEOUT);
    private volatile FaultMix current;
    private volatile Disposable polling;

    StubAdmin(DashboardProperties properties, JsonMapper json) {
        URI stub = properties.stub();
        this.faultsUrl = stub == null ? null : stub.toString().replaceAll("/$", "") + "/admin/faults";
        this.interval = properties.sampling().interval();
        this.json = json;
    }

    public boolean configured() {
        return faultsUrl != null;
    }

    /** The mix last read from or written to the stub; null when unknown (no stub, or it is down). */
    public FaultMix current() {
        return current;
    }

    public Mono<FaultMix> read() {
        return call(http.get().uri(faultsUrl));
    }

    public Mono<FaultMix> replace(FaultMix mix) {
        byte[] body = json.writeValueAsBytes(mix);
        return call(http.headers(h -> h.set("Content-Type", "application/json"))
                .put()
                .uri(faultsUrl)
                .send(ByteBufFlux.fromString(Mono.just(new String(body, StandardCharsets.UTF_8)))));
    }

    public Mono<FaultMix> clear() {
        return call(http.delete().uri(faultsUrl));
    }

    private Mono<FaultMix> call(HttpClient.ResponseReceiver<?> request) {
        if (faultsUrl == null) {
            return Mono.error(new StubException(StubException.Kind.NOT_CONFIGURED, "no stub was given"));
        }
        return request.responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .flatMap(text -> {
                            int status = response.status().code();
                            if (status == 200) {
                                return Mono.just(json.readValue(text, FaultMix.class));
                            }
                            if (status == NOT_FOUND) {
                                return Mono.error(new StubException(
                                        StubException.Kind.ADMIN_OFF,
                                        "the stub's fault admin is off: start it with --stub.admin.enabled=true"));
                            }
                            return Mono.error(new StubException(
                                    status == BAD_REQUEST ? StubException.Kind.REFUSED : StubException.Kind.FAILED,
                                    "the stub answered " + status + (text.isBlank() ? "" : ": " + text)));
                        }))
                .timeout(TIMEOUT)
                .onErrorMap(
                        e -> !(e instanceof StubException),
                        e -> new StubException(
                                StubException.Kind.UNREACHABLE,
                                "the stub at " + faultsUrl + " did not answer ("
                                        + e.getClass().getSimpleName() + ")"))
                .doOnNext(mix -> current = mix)
                .doOnError(e -> current = null);
    }

    @Override
    public void start() {
        if (faultsUrl != null) {
            polling = Flux.interval(Duration.ZERO, interval)
                    .onBackpressureDrop()
                    .flatMap(tick -> read().onErrorResume(e -> Mono.empty()), 1)
                    .subscribe();
        }
    }

    @Override
    public void stop() {
        Disposable p = polling;
        if (p != null) {
            p.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}

package lab.stub.delay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import lab.stub.StubProperties;
import lab.stub.faults.FaultMix;
import lab.stub.faults.FaultMixHolder;
import lab.stub.metrics.Outcome;
import lab.stub.metrics.StubMeters;
import lab.stub.problem.InvalidParameterException;
import lab.stub.problem.Problem;
import lab.stub.problem.ProblemWriter;
import org.reactivestreams.Publisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Serves {@code /delay} on plain Reactor Netty, below WebFlux. Why not a WebFlux handler: this
 * is the only hot path of a process that must never be the bottleneck, so it skips the
 * exchange, codecs, filters and per-request observation (measured CPU per request is in
 * docs/stub.md); and every fault needs the raw Netty channel anyway. The delay is a timer on the
 * connection's own event loop: no thread sleeps, and the answer is written from the thread that
 * owns the socket, without a hand-off.
 */
@Component
class DelayHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    static final String PATH = "/delay";

    private static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");
    private static final String ALLOWED = "GET, HEAD";
    private static final int OK = 200;
    private static final int NO_CONTENT = 204;
    private static final int NOT_MODIFIED = 304;
    private static final int FIRST_ERROR = 400;
    private static final int ALL = 100;
    /** The plan of nearly every request: a plain 200. */
    private static final Plan ANSWER = new Plan(null, OK);

    private final DelayQuery query;
    private final DelayBody body;
    private final FaultMixHolder faultMix;
    private final StubMeters meters;
    private final ProblemWriter problems;
    private final long maxHangMs;
    private final int mixErrorStatus;
    private final int defaultBytes;
    private final AsciiString defaultContentLength;

    DelayHandler(StubProperties properties, FaultMixHolder faultMix, StubMeters meters, ProblemWriter problems) {
        this.query = new DelayQuery(properties.limits(), properties.defaults());
        this.body = new DelayBody(properties.limits().maxBytes());
        this.faultMix = faultMix;
        this.meters = meters;
        this.problems = problems;
        this.maxHangMs = properties.limits().maxHang().toMillis();
        this.mixErrorStatus = properties.faults().mixErrorStatus();
        this.defaultBytes = properties.defaults().bytes();
        this.defaultContentLength = AsciiString.cached(Integer.toString(defaultBytes));
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        meters.started();
        return Mono.defer(() -> serve(request, response)).doFinally(signal -> meters.finished());
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        long startNanos = System.nanoTime();
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            response.header(HttpHeaderNames.ALLOW, ALLOWED);
            return problem(response, Problem.methodNotAllowed(method.name(), ALLOWED, PATH));
        }
        DelayParameters params;
        try {
            params = query.parse(request.uri());
        } catch (InvalidParameterException e) {
            return problem(response, Problem.invalidParameter(e.parameter(), e.detail(), PATH));
        }
        FaultMix mix = faultMix.current();
        Plan plan = plan(params, mix);
        Channel channel = channelOf(request);
        if (plan.fault() == Fault.HANG) {
            meters.ended(Outcome.HANG);
            return after(channel.eventLoop(), maxHangMs).then(close(channel));
        }
        long delayMs = params.ms() + mix.extraLatencyMs() + random(params.jitterMs()) + random(mix.jitterMs());
        long dueNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(delayMs);
        if (plan == ANSWER && params.bytes() > 0 && HttpMethod.GET.equals(method)) {
            return answer(channel.eventLoop(), dueNanos, params.bytes(), response);
        }
        return after(channel.eventLoop(), delayMs).then(Mono.defer(() -> {
            meters.late(System.nanoTime() - dueNanos);
            return act(plan, params, request, response, channel);
        }));
    }

    /**
     * The hot path, a 200 with a body: headers are set now, and the body is a Mono that the timer
     * completes, so Reactor Netty writes status, headers and body as one message with one flush,
     * with no operator in between.
     */
    private Mono<Void> answer(EventLoop loop, long dueNanos, int bytes, HttpServerResponse response) {
        response.status(OK)
                .header(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM)
                .header(HttpHeaderNames.CONTENT_LENGTH, contentLength(bytes));
        Mono<ByteBuf> delayedBody = Mono.create(sink -> {
            Runnable emit = () -> {
                meters.late(System.nanoTime() - dueNanos);
                meters.ended(Outcome.OK);
                sink.success(body.slice(bytes));
            };
            long nanos = dueNanos - System.nanoTime();
            if (nanos <= 0) {
                emit.run();
                return;
            }
            ScheduledFuture<?> timer = loop.schedule(emit, nanos, TimeUnit.NANOSECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
        return response.send(delayedBody).then();
    }

    private CharSequence contentLength(int bytes) {
        return bytes == defaultBytes ? defaultContentLength : Integer.toString(bytes);
    }

    private Plan plan(DelayParameters params, FaultMix mix) {
        if (params.fault() != null) {
            return new Plan(params.fault(), OK);
        }
        if (params.status() != DelayParameters.NO_STATUS) {
            return params.status() == OK ? ANSWER : new Plan(null, params.status());
        }
        if (mix.faultPercent() == 0) {
            return ANSWER;
        }
        // One draw, cut into consecutive ranges: error, reset, close, hang, then no fault.
        int roll = ThreadLocalRandom.current().nextInt(ALL);
        int bound = mix.errorPercent();
        if (roll < bound) {
            return new Plan(null, mixErrorStatus);
        }
        bound += mix.resetPercent();
        if (roll < bound) {
            return new Plan(Fault.RESET, OK);
        }
        bound += mix.closePercent();
        if (roll < bound) {
            return new Plan(Fault.CLOSE, OK);
        }
        bound += mix.hangPercent();
        if (roll < bound) {
            return new Plan(Fault.HANG, OK);
        }
        return ANSWER;
    }

    private Mono<Void> act(
            Plan plan,
            DelayParameters params,
            HttpServerRequest request,
            HttpServerResponse response,
            Channel channel) {
        if (plan.fault() == Fault.RESET) {
            meters.ended(Outcome.RESET);
            // SO_LINGER 0 makes close() send RST instead of FIN.
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            return close(channel);
        }
        if (plan.fault() == Fault.CLOSE) {
            meters.ended(Outcome.CLOSE);
            return close(channel);
        }
        if (plan.status() >= FIRST_ERROR) {
            return problem(response, Problem.injected(plan.status(), PATH));
        }
        meters.ended(Outcome.OK);
        response.status(plan.status());
        if (plan.status() == NO_CONTENT || plan.status() == NOT_MODIFIED) {
            return response.send().then();
        }
        response.header(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(params.bytes()));
        if (HttpMethod.HEAD.equals(request.method())) {
            return response.send().then();
        }
        // A Mono body lets Reactor Netty write headers and body as one full response: one flush.
        return response.send(Mono.just(body.slice(params.bytes()))).then();
    }

    private Mono<Void> problem(HttpServerResponse response, Problem problem) {
        meters.ended(Outcome.ERROR);
        byte[] json = problems.toJson(problem);
        return response.status(problem.status())
                .header(HttpHeaderNames.CONTENT_TYPE, ProblemWriter.MEDIA_TYPE)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(json.length))
                .sendByteArray(Mono.just(json))
                .then();
    }

    /** Completes after {@code ms} on the given event loop; cancelling (client gone) drops the timer. */
    private static Mono<Void> after(EventLoop loop, long ms) {
        if (ms <= 0) {
            return Mono.empty();
        }
        return Mono.create(sink -> {
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(), ms, TimeUnit.MILLISECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
    }

    private static Mono<Void> close(Channel channel) {
        return Mono.create(sink -> channel.close().addListener(done -> sink.success()));
    }

    private static Channel channelOf(HttpServerRequest request) {
        AtomicReference<Channel> channel = new AtomicReference<>();
        request.withConnection(connection -> channel.set(connection.channel()));
        return channel.get();
    }

    private static long random(long upToInclusive) {
        return upToInclusive <= 0 ? 0 : ThreadLocalRandom.current().nextLong(upToInclusive + 1);
    }

    /** What to do once the delay is over: a fault, or answer with this status. */
    private record Plan(Fault fault, int status) {}
}

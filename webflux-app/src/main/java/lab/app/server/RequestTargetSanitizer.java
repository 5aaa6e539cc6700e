package lab.app.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemType;
import lab.app.core.render.ProblemRenderer;

/**
 * Gives request targets that {@code java.net.URI} cannot parse the same answers Tomcat gives in
 * mvc-app, instead of WebFlux's bare 400 without body:
 * <ul>
 * <li>a character not allowed in a URI (e.g. {@code |}, {@code {}, a raw non-ASCII byte): 400
 * {@code bad-request} for instance {@code /}, like Tomcat's request-line parser;</li>
 * <li>a malformed percent-escape in the path: 400 {@code bad-request} for that path;</li>
 * <li>a malformed percent-escape in the query ({@code %zz}, a truncated {@code %2}): the {@code %} is
 * escaped and the request goes on, so app-core's parser answers as in mvc-app ("delayMs must be an
 * integer ...").</li>
 * </ul>
 * One instance per connection: after a refusal the rest of that connection's input is dropped.
 */
final class RequestTargetSanitizer extends ChannelInboundHandlerAdapter {

    private static final String HEX = "0123456789ABCDEF";
    // RFC 3986 characters besides letters, digits and '%'.
    private static final String URI_SYMBOLS = "-._~!$&'()*+,;=:@/?";
    private static final String ROOT = "/";

    private final ProblemRenderer renderer;
    private boolean refused;

    RequestTargetSanitizer(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (refused) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpRequest request) {
            String target = request.uri();
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            if (!allLegal(target)) {
                refuse(context, message, ROOT);
                return;
            }
            if (!escapesWellFormed(path)) {
                refuse(context, message, path);
                return;
            }
            if (query >= 0) {
                request.setUri(path + "?" + escapeStrayPercents(target.substring(query + 1)));
            }
        }
        context.fireChannelRead(message);
    }

    private void refuse(ChannelHandlerContext context, Object message, String instance) {
        refused = true;
        ReferenceCountUtil.release(message);
        Problem problem = ProblemType.BAD_REQUEST.at(instance);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status()),
                Unpooled.wrappedBuffer(renderer.body(problem)));
        renderer.headers(problem).forEach((name, values) -> response.headers().add(name, values));
        response.headers()
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    static boolean allLegal(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c != '%' && !isUnescaped(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean escapesWellFormed(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '%' && !isEscape(path, i)) {
                return false;
            }
        }
        return true;
    }

    /** Every {@code %} that does not start a valid escape becomes {@code %25}. */
    static String escapeStrayPercents(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%' && !isEscape(query, i)) {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length() && isHex(text.charAt(percent + 1)) && isHex(text.charAt(percent + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnescaped(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || URI_SYMBOLS.indexOf(c) >= 0;
    }
}

package org.imssim.firmware.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP request into an API call: {@code Host}, {@code Origin}, credentials, then the
 * call (SPEC §13), and writes the answer back. Handlers complete asynchronously; nothing here
 * blocks the channel's thread.
 */
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpApiHandler.class);

    static final String NEED_CREDENTIALS =
            "Give the username and password of an enabled profile (HTTP Basic).";
    static final String NO_SUCH_CALL = "There is no such call; see the API in the README.";
    static final String NOT_JSON_TYPE = "Send the body as application/json.";
    static final String UNIT_FAILED = "The unit could not answer this call; see its log.";

    private final RequestGuard guard;
    private final Authenticator authenticator;
    private final Router router;

    HttpApiHandler(RequestGuard guard, Authenticator authenticator, Router router) {
        this.guard = guard;
        this.authenticator = authenticator;
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            write(ctx, ApiResponse.error(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP."), false);
            return;
        }
        ApiResponse early = screen(request);
        if (early != null) {
            write(ctx, early, keepAlive);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        Optional<String> username = Optional.empty();
        if (!router.isOpen(path)) {
            username = credentials(request);
            if (username.isEmpty()) {
                write(ctx, ApiResponse.error(HttpResponseStatus.UNAUTHORIZED, NEED_CREDENTIALS)
                        .withHeader("WWW-Authenticate", "Basic realm=\"IMS-4000\", charset=\"UTF-8\""), keepAlive);
                return;
            }
        }
        Optional<Router.Match> match = router.find(request.method(), path);
        if (match.isEmpty()) {
            ApiResponse refusal = router.hasPath(path)
                    ? ApiResponse.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                            "This call does not take " + request.method().name() + ".")
                    : ApiResponse.error(HttpResponseStatus.NOT_FOUND, NO_SUCH_CALL);
            write(ctx, refusal, keepAlive);
            return;
        }
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        if (HttpMethod.POST.equals(request.method()) && body.length > 0 && !isJson(request)) {
            write(ctx, ApiResponse.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON_TYPE), keepAlive);
            return;
        }
        ApiCall call = new ApiCall(request.method(), path, match.get().pathParams(), uri.parameters(), body, username);
        CompletionStage<ApiResponse> answer;
        try {
            answer = match.get().route().handler().handle(call);
        } catch (RuntimeException e) {
            log.error("API call {} {} failed", request.method(), path, e);
            write(ctx, ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, UNIT_FAILED), keepAlive);
            return;
        }
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                log.error("API call {} {} failed", call.method(), path, failure);
                write(ctx, ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, UNIT_FAILED), keepAlive);
            } else {
                write(ctx, response, keepAlive);
            }
        });
    }

    /** The Host and Origin checks, which come before everything else. */
    private ApiResponse screen(FullHttpRequest request) {
        Optional<String> refusal = guard.check(request.headers().get(HttpHeaderNames.HOST),
                request.headers().get(HttpHeaderNames.ORIGIN));
        return refusal.map(s -> ApiResponse.error(HttpResponseStatus.FORBIDDEN, s)).orElse(null);
    }

    private Optional<String> credentials(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static boolean isJson(FullHttpRequest request) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String mime = type.split(";", 2)[0].trim();
        return mime.equalsIgnoreCase("application/json");
    }

    static void write(ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                Unpooled.wrappedBuffer(response.body()));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        http.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        http.headers().set("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            http.headers().set(h.getKey(), h.getValue());
        }
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(http);
        } else {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection closed after an error", cause);
        ctx.close();
    }
}

package org.imssim.firmware.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's web server (Netty, HTTP/1.1): the JSON API of SPEC §13 on {@code web.bind:web.port}.
 * Request bodies over 64 KiB are refused with 413 before they are read whole.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** The largest request body the API reads (SPEC §13). */
    public static final int MAX_BODY = 64 * 1024;

    static final String TOO_LARGE = "The request body is over 64 KiB.";

    private final EventLoopGroup group;
    private final String bind;
    private final int port;
    private final RequestGuard guard;
    private final Authenticator authenticator;
    private final Router router;
    private Channel channel;

    /**
     * @param group the event loops that serve connections (may be shared with units)
     * @param port  0 picks a free port; {@link #port()} tells which after {@link #start()}
     */
    public WebServer(EventLoopGroup group, String bind, int port, List<String> hosts,
                     Authenticator authenticator, Router router) {
        this.group = group;
        this.bind = bind;
        this.port = port;
        this.guard = new RequestGuard(bind, hosts);
        this.authenticator = authenticator;
        this.router = router;
    }

    /** Binds and starts serving; throws {@link WebServerException} with a clear sentence when it cannot bind. */
    public WebServer start() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new BoundedAggregator())
                                .addLast(new HttpApiHandler(guard, authenticator, router));
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(bind, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new WebServerException("The web server cannot listen on " + bind + ":" + port
                    + " (" + describe(bound.cause()) + "); choose another web.port or web.bind.", bound.cause());
        }
        channel = bound.channel();
        log.info("Web server listening on http://{}:{}/", bind, port());
        return this;
    }

    /** The port actually bound. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof java.net.BindException) {
            return "the address is in use or not available";
        }
        return cause == null ? "unknown reason" : cause.getClass().getSimpleName();
    }

    /** Aggregates a request up to 64 KiB; a larger one gets the API's JSON 413 and the connection is closed. */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        BoundedAggregator() {
            super(MAX_BODY);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            HttpApiHandler.write(ctx, ApiResponse.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, TOO_LARGE), false);
            ctx.channel().closeFuture().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}

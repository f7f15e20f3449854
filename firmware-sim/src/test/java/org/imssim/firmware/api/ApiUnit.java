package org.imssim.firmware.api;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.firmware.web.WebServer;

/**
 * A unit on a virtual clock ({@link UnitFixture}) with its API served over real HTTP on a free
 * loopback port, and a client that calls it with a profile's credentials.
 */
final class ApiUnit implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final UnitFixture fixture;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final WebServer web;

    ApiUnit(String yaml) {
        fixture = UnitFixture.start(yaml);
        web = new WebServer(group, "127.0.0.1", 0, List.of(),
                (user, password) -> fixture.unit().profiles().authenticate(user, password).map(ProfileConfig::username),
                ApiRoutes.of(fixture.unit())).start();
    }

    UnitFixture fixture() {
        return fixture;
    }

    /** A POST with a JSON body ({@code null}: none) as {@code user}. */
    HttpResponse<String> post(String path, String user, String password, String json) throws Exception {
        HttpRequest.Builder request = request(path, user, password);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as {@code user}. */
    HttpResponse<String> get(String path, String user, String password) throws Exception {
        return HTTP.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic);
    }

    @Override
    public void close() {
        web.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        fixture.close();
    }
}

package org.imssim.firmware.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebServerTest {

    record Thing(String n, String body) {
    }

    private static EventLoopGroup group;
    private static WebServer server;
    private static int port;

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Router router = new Router()
                .addOpen(HttpMethod.GET, "/api/health", call -> CompletableFuture.completedFuture(
                        ApiResponse.ok(Map.of("status", "up"))))
                .add(HttpMethod.GET, "/api/whoami", call -> CompletableFuture.completedFuture(
                        ApiResponse.ok(Map.of("username", call.username().orElse("?")))))
                .add(HttpMethod.POST, "/api/things/{n}", call -> CompletableFuture.completedFuture(
                        ApiResponse.ok(new Thing(call.pathParams().get("n"),
                                new String(call.body(), StandardCharsets.UTF_8)))))
                .add(HttpMethod.GET, "/api/broken", call -> {
                    throw new IllegalStateException("secret internals");
                });
        Authenticator auth = (u, p) -> u.equalsIgnoreCase("alice") && p.equals("s3cret")
                ? Optional.of("alice") : Optional.empty();
        server = new WebServer(group, "127.0.0.1", 0, List.of(), auth, router).start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void healthNeedsNoCredentials() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/health", "");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(answer.headers()).containsIgnoringCase("content-type: application/json");
    }

    @Test
    void foreignHostIsRefusedEvenForHealth() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port,
                "GET /api/health HTTP/1.1\r\nHost: rebind.attacker.example:" + port + "\r\n", new byte[0]);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"error\":\"" + RequestGuard.WRONG_HOST + "\"}");
    }

    @Test
    void foreignOriginIsRefusedBeforeCredentials() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/whoami", "Origin: http://evil.example\r\n");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains(RequestGuard.FOREIGN_ORIGIN);
    }

    @Test
    void sameOriginPasses() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/whoami",
                "Origin: http://127.0.0.1:" + port + "\r\n" + RawHttp.basic("ALICE", "s3cret"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"username\":\"alice\"}");
    }

    @Test
    void missingOrWrongCredentialsGet401WithAChallenge() throws Exception {
        RawHttp.Answer none = RawHttp.get(port, "/api/whoami", "");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers()).contains("WWW-Authenticate: Basic");
        assertThat(none.body()).contains(HttpApiHandler.NEED_CREDENTIALS);

        RawHttp.Answer wrong = RawHttp.get(port, "/api/whoami", RawHttp.basic("alice", "S3CRET"));
        assertThat(wrong.status()).isEqualTo(401);

        RawHttp.Answer garbage = RawHttp.get(port, "/api/whoami", "Authorization: Basic %%%not-base64\r\n");
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void unknownCallsNeedCredentialsFirstThenGet404() throws Exception {
        assertThat(RawHttp.get(port, "/api/nothing", "").status()).isEqualTo(401);
        RawHttp.Answer answer = RawHttp.get(port, "/api/nothing", RawHttp.basic("alice", "s3cret"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains(HttpApiHandler.NO_SUCH_CALL);
    }

    @Test
    void postMustBeJson() throws Exception {
        byte[] body = "{\"action\":\"on\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer plain = RawHttp.send(port, "POST /api/things/3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + RawHttp.basic("alice", "s3cret") + "Content-Type: text/plain\r\n", body);
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.body()).contains(HttpApiHandler.NOT_JSON_TYPE);

        RawHttp.Answer json = RawHttp.send(port, "POST /api/things/3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + RawHttp.basic("alice", "s3cret") + "Content-Type: application/json; charset=utf-8\r\n", body);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"n\":\"3\",\"body\":\"{\\\"action\\\":\\\"on\\\"}\"}");
    }

    @Test
    void bodyOver64KiBGets413() throws Exception {
        byte[] body = new byte[WebServer.MAX_BODY + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/things/3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + RawHttp.basic("alice", "s3cret") + "Content-Type: application/json\r\n", body);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains(WebServer.TOO_LARGE);
    }

    @Test
    void wrongMethodGets405() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "DELETE /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n", new byte[0]);
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.body()).contains("This call does not take DELETE.");
    }

    @Test
    void aFailingHandlerGivesASentenceNeverTheException() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/broken", RawHttp.basic("alice", "s3cret"));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("{\"error\":\"" + HttpApiHandler.UNIT_FAILED + "\"}");
        assertThat(answer.body()).doesNotContain("secret internals").doesNotContain("Exception");
    }

    @Test
    void aSecondServerOnTheSamePortFailsWithASentence() {
        WebServer clash = new WebServer(group, "127.0.0.1", port, List.of(), Authenticator.nobody(), new Router());
        org.assertj.core.api.Assertions.assertThatThrownBy(clash::start)
                .isInstanceOf(WebServerException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
                .hasMessageContaining("choose another web.port");
    }
}

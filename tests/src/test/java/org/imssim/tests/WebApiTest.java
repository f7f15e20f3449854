package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation API (SPEC §13) and the console page, over HTTP against a running unit. */
class WebApiTest {

    @TempDir
    static Path dir;

    private static Firmware unit;
    private static int port;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        ConfigResult config = ConfigLoader.load("""
                unit: {name: Lab, temperature-unit: F, time-zone: UTC}
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: 0}
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, calibration: 0.5, backend: mock, initial: 72}
                  - {channel: 2, type: dry-contact, name: Door, backend: mock}
                  - {channel: 3, type: water, name: Floor, backend: mock}
                  - {channel: 5, type: smoke, name: "<script>alert(1)</script>", backend: mock}
                  - {channel: 4, type: dry-contact, name: Gate, backend: gpio, gpio: {pin: 17}}
                nodes:
                  - {number: 2, inputs: [{channel: 1, type: humidity, backend: mock}]}
                profiles:
                  - {username: alice, password: wonderland, level: master, classes: [Temperature, Other, Water, Humidity, Smoke],
                     contacts: [{email: alice@example.com}]}
                  - {username: bob, password: builder, level: user, units: [host], classes: [Temperature],
                     contacts: [{email: bob@example.com}]}
                """, dir, name -> null);
        assertThat(config.errors()).isEmpty();
        unit = Firmware.start(config.config());
        port = unit.webPort();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private HttpResponse<String> sim(String address, String body) throws Exception {
        return Http.post(port, "/api/sim/inputs/" + address, "alice", "wonderland", body);
    }

    private JsonNode hostInput(int channel) throws Exception {
        JsonNode status = json.readTree(Http.get(port, "/api/status", "alice", "wonderland").body());
        for (JsonNode input : status.at("/units/0/inputs")) {
            if (input.get("channel").asInt() == channel) {
                return input;
            }
        }
        throw new AssertionError("no input " + channel);
    }

    @Test
    void aValueIsReadWithItsCalibration() throws Exception {
        HttpResponse<String> answer = sim("host/1", "{\"value\": 90.5}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("value").asDouble()).isEqualTo(91.0);
        assertThat(hostInput(1).get("value").asDouble()).isEqualTo(91.0);
        assertThat(hostInput(1).get("unit").asText()).isEqualTo("F");
    }

    @Test
    void contactsAndStatesTakeTheirWords() throws Exception {
        assertThat(sim("host/2", "{\"contact\": \"open\"}").statusCode()).isEqualTo(200);
        assertThat(hostInput(2).get("value").asText()).isEqualTo("open");
        assertThat(sim("host/3", "{\"state\": \"wet\"}").statusCode()).isEqualTo(200);
        assertThat(hostInput(3).get("value").asText()).isEqualTo("wet");
        assertThat(sim("host/3", "{\"state\": \"dry\"}").statusCode()).isEqualTo(200);
        assertThat(hostInput(3).get("value").asText()).isEqualTo("dry");
    }

    @Test
    void unpluggingAndPluggingASensor() throws Exception {
        assertThat(sim("node-2/1", "{\"connected\": false}").statusCode()).isEqualTo(200);
        JsonNode status = json.readTree(Http.get(port, "/api/status", "alice", "wonderland").body());
        assertThat(status.at("/units/1/inputs/0/value").isNull()).as(status.toString()).isTrue();
        HttpResponse<String> plugged = sim("node-2/1", "{\"connected\": true, \"type\": \"humidity\"}");
        assertThat(plugged.statusCode()).isEqualTo(200);
        assertThat(json.readTree(plugged.body()).get("value").isNumber()).isTrue();
        assertThat(sim("node-2/1", "{\"connected\": true, \"type\": \"toaster\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void badBodiesGet400WithTheSyntax() throws Exception {
        for (String body : new String[] {"{\"value\": \"hot\"}", "{\"state\": \"damp\"}", "{\"contact\": \"open\", \"value\": 1}",
                "[]", "{}", "not json", "{\"value\": 1e999}"}) {
            HttpResponse<String> answer = sim("host/1", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("Send one of");
        }
        assertThat(sim("host/3", "{\"contact\": \"open\"}").statusCode()).isEqualTo(400);
        assertThat(sim("host/1", "{\"state\": \"wet\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theConsolePageShowsWhatTheProfileMaySeeWithEveryTextEscaped() throws Exception {
        HttpResponse<String> page = Http.get(port, "/", "alice", "wonderland");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        assertThat(page.body()).contains("<h1>IMS-4000 Lab</h1>", "<h2>Host</h2>", "Room Temp", "Unit started")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        HttpResponse<String> bob = Http.get(port, "/", "bob", "builder");
        assertThat(bob.body()).contains("Room Temp").doesNotContain("Floor").doesNotContain("Node 2");
        assertThat(Http.get(port, "/").statusCode()).isEqualTo(401);
    }

    @Test
    void eventsTakeALimitFrom1To1000AndRefuseAnythingElseWithASentence() throws Exception {
        HttpResponse<String> one = Http.get(port, "/api/events?limit=1", "alice", "wonderland");
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode events = json.readTree(one.body());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z|.*[+-]\\d\\d:\\d\\d");
        assertThat(events.get(0).get("unit").asText()).isEqualTo("host");
        for (String bad : new String[] {"0", "1001", "-5", "ten", ""}) {
            HttpResponse<String> answer = Http.get(port, "/api/events?limit=" + bad, "alice", "wonderland");
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.body()).as(bad).isEqualTo("{\"error\":\"limit must be a whole number from 1 to 1000.\"}");
        }
    }

    @Test
    void onlyMockChannelsOfExistingInputsAndOnlyMasters() throws Exception {
        assertThat(sim("host/4", "{\"contact\": \"open\"}").statusCode()).isEqualTo(409);
        assertThat(sim("host/7", "{\"value\": 1}").statusCode()).isEqualTo(404);
        assertThat(sim("node-1/1", "{\"value\": 1}").statusCode()).isEqualTo(404);
        assertThat(sim("node-9/1", "{\"value\": 1}").statusCode()).isEqualTo(404);
        assertThat(sim("host/x", "{\"value\": 1}").statusCode()).isEqualTo(404);
        HttpResponse<String> bob = Http.post(port, "/api/sim/inputs/host/1", "bob", "builder", "{\"value\": 1}");
        assertThat(bob.statusCode()).isEqualTo(403);
        assertThat(bob.body()).contains("Only a master profile may drive the simulation.");
        assertThat(Http.post(port, "/api/sim/inputs/host/1", "alice", "wrong", "{\"value\": 1}").statusCode()).isEqualTo(401);
    }
}

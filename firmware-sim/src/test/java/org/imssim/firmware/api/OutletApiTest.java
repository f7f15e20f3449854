package org.imssim.firmware.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.OutletState;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/powergates/{n}/outlets/{m}} (SPEC §13) over real HTTP, on a unit with a virtual
 * clock: the answers 200, 404, 400, 409 and what each switched, stored and recorded.
 */
class OutletApiTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            powergates:
              - {number: 1, name: Rack A, outlets: 2, outlet-names: [Router, Switch], cycle-time: 5s, backend: mock}
              - {number: 2, name: Rack B, unit: node-2, outlets: 1, backend: mock}
            profiles:
              - {username: alice, password: wonderland, level: master, contacts: [{email: alice@example.com}]}
              - {username: bob, password: builder, level: user, units: [node-2], contacts: [{email: bob@example.com}]}
            """;

    private final ApiUnit api = new ApiUnit(CONFIG);
    private final UnitFixture fixture = api.fixture();

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<String> post(String path, String user, String password, String body) throws Exception {
        return api.post(path, user, password, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return api.get(path, "alice", "wonderland");
    }

    private HttpResponse<String> alice(String path, String body) throws Exception {
        return post(path, "alice", "wonderland", body);
    }

    private MockPowerGate gate(int n) {
        return fixture.onLoop(() -> (MockPowerGate) fixture.unit().hardware().powergates().get(n));
    }

    private OutletState state(int n, int m) {
        MockPowerGate gate = gate(n);
        return fixture.onLoop(() -> gate.outlet(m).state());
    }

    @Test
    void onOffAndCycleAnswerTheOutletAsTheStatusShowsIt() throws Exception {
        HttpResponse<String> off = alice("/api/powergates/1/outlets/2", "{\"action\": \"off\"}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).isEqualTo("{\"number\":2,\"name\":\"Switch\",\"state\":\"OFF\"}");
        assertThat(state(1, 2)).isEqualTo(OutletState.OFF);
        assertThat(fixture.store().call(s -> s.outletStates().load()).join().values())
                .extracting(c -> c.state()).startsWith("ON", "OFF");

        assertThat(alice("/api/powergates/1/outlets/2", "{\"action\": \"ON\"}").body())
                .isEqualTo("{\"number\":2,\"name\":\"Switch\",\"state\":\"ON\"}");
        HttpResponse<String> cycle = alice("/api/powergates/1/outlets/1", "{\"action\": \"cycle\"}");
        assertThat(cycle.statusCode()).isEqualTo(200);
        assertThat(cycle.body()).isEqualTo("{\"number\":1,\"name\":\"Router\",\"state\":\"CYCLING\"}");
        assertThat(get("/api/status").body()).contains("\"powergates\":[{\"number\":1,\"name\":\"Rack A\",\"unit\":\"host\","
                + "\"outlets\":[{\"number\":1,\"name\":\"Router\",\"state\":\"CYCLING\"},"
                + "{\"number\":2,\"name\":\"Switch\",\"state\":\"ON\"}]}");
        fixture.clock().advance(Duration.ofSeconds(5));
        assertThat(state(1, 1)).isEqualTo(OutletState.ON);
        assertThat(fixture.eventTexts()).contains("Outlet 1/2 Switch switched OFF by alice via api",
                "Outlet 1/1 Router switched CYCLE by alice via api");
    }

    @Test
    void anOutletAlreadyCyclingOrOffOrOnAPowerGateNotAnsweringIs409() throws Exception {
        alice("/api/powergates/1/outlets/1", "{\"action\": \"cycle\"}");
        alice("/api/powergates/1/outlets/2", "{\"action\": \"off\"}");

        HttpResponse<String> again = alice("/api/powergates/1/outlets/1", "{\"action\": \"cycle\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"error\":\"Outlet 1/1 Router is already cycling.\"}");
        HttpResponse<String> off = alice("/api/powergates/1/outlets/2", "{\"action\": \"cycle\"}");
        assertThat(off.statusCode()).isEqualTo(409);
        assertThat(off.body()).isEqualTo("{\"error\":\"Outlet 2 is off; send on.\"}");

        MockPowerGate rackB = gate(2);
        fixture.onLoop(() -> {
            rackB.setSilent(true);
            return null;
        });
        HttpResponse<String> silent = post("/api/powergates/2/outlets/1", "bob", "builder", "{\"action\": \"off\"}");
        assertThat(silent.statusCode()).isEqualTo(409);
        assertThat(silent.body()).isEqualTo("{\"error\":\"PowerGate 2 is not answering; nothing was switched.\"}");
        assertThat(get("/api/status").body()).contains("\"outlets\":[{\"number\":1,\"name\":\"Outlet 1\",\"state\":\"UNKNOWN\"}]");
        assertThat(fixture.onLoop(rackB::recordedCommands)).extracting(c -> c.source()).containsOnly("power-up");
    }

    @Test
    void aPowerGateOrOutletUnknownOrNotVisibleIs404() throws Exception {
        // bob may use node-2's PowerGates only: the Host's Rack A does not exist for him.
        HttpResponse<String> bob = post("/api/powergates/1/outlets/1", "bob", "builder", "{\"action\": \"off\"}");
        assertThat(bob.statusCode()).isEqualTo(404);
        assertThat(bob.body()).isEqualTo("{\"error\":\"There is no PowerGate 1 you may use.\"}");
        assertThat(state(1, 1)).isEqualTo(OutletState.ON);
        // Even with a bad body: nothing tells him Rack A exists.
        assertThat(post("/api/powergates/1/outlets/1", "bob", "builder", "{}").statusCode()).isEqualTo(404);

        HttpResponse<String> range = alice("/api/powergates/1/outlets/3", "{\"action\": \"off\"}");
        assertThat(range.statusCode()).isEqualTo(404);
        assertThat(range.body()).isEqualTo("{\"error\":\"PowerGate 1 has outlets 1 to 2.\"}");
        for (String path : List.of("9/outlets/1", "0/outlets/1", "x/outlets/1", "1/outlets/0", "1/outlets/x",
                "1/outlets/-1", "99999999999/outlets/1")) {
            assertThat(alice("/api/powergates/" + path, "{\"action\": \"off\"}").statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> mine = post("/api/powergates/2/outlets/1", "bob", "builder", "{\"action\": \"off\"}");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(fixture.eventTexts()).contains("Outlet 2/1 Outlet 1 switched OFF by bob via api");
    }

    @Test
    void aBodyThatIsNotOneKnownActionIs400AndSwitchesNothing() throws Exception {
        for (String body : List.of("", "not json", "[]", "{}", "{\"action\": \"toggle\"}", "{\"action\": 1}",
                "{\"action\": \"off\", \"outlet\": 2}", "\"off\"")) {
            HttpResponse<String> answer = alice("/api/powergates/1/outlets/2", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).isEqualTo(
                    "{\"error\":\"Send {\\\"action\\\": \\\"on\\\"}, {\\\"action\\\": \\\"off\\\"} or {\\\"action\\\": \\\"cycle\\\"}.\"}");
        }
        assertThat(state(1, 2)).isEqualTo(OutletState.ON);
        assertThat(fixture.eventTexts()).noneMatch(e -> e.contains("switched"));
    }

    @Test
    void wrongCredentialsAre401AndSwitchNothing() throws Exception {
        assertThat(post("/api/powergates/1/outlets/2", "alice", "nope", "{\"action\": \"off\"}").statusCode())
                .isEqualTo(401);
        assertThat(state(1, 2)).isEqualTo(OutletState.ON);
    }
}

package org.imssim.firmware.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.alarm.MinMax;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/alarms/{unit}/{channel}/ack} and {@code …/reset-min-max} (SPEC §13) over real
 * HTTP, on a unit with a virtual clock: who may, the 404 that hides what a profile may not see,
 * 403 and 409, and the event the acknowledgment records.
 */
class AlarmApiTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
              - {channel: 6, type: water, name: Floor Leak, backend: mock}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            profiles:
              - {username: alice, password: wonderland, level: master, classes: [Temperature, Water, Diagnostic],
                 contacts: [{email: alice@example.com}]}
              - {username: carol, password: carolpw, level: site-admin, units: [host], classes: [Water],
                 contacts: [{email: carol@example.com}]}
              - {username: wes, password: westpw, level: user, units: [host], classes: [Water],
                 contacts: [{email: wes@example.com}]}
              - {username: bob, password: builder, level: user, units: [node-2], classes: [Water],
                 contacts: [{email: bob@example.com}]}
            """;

    private final ApiUnit api = new ApiUnit(CONFIG);
    private final UnitFixture fixture = api.fixture();

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<String> post(String path, String user, String password) throws Exception {
        return api.post(path, user, password, null);
    }

    private void wet(String address) {
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse(address)).orElseThrow())
                    .mockLevel(true);
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(3));
    }

    private AlarmState state(String address) {
        return fixture.onLoop(() -> fixture.unit().alarms().state(InputAddress.parse(address)));
    }

    @Test
    void anyLevelThatSeesTheInputAcknowledgesOnceThenThereIsNothingToAcknowledge() throws Exception {
        wet("host/6");

        HttpResponse<String> ack = post("/api/alarms/host/6/ack", "wes", "westpw");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEqualTo(
                "{\"channel\":6,\"name\":\"Floor Leak\",\"type\":\"water\",\"value\":\"wet\",\"unit\":null,\"state\":\"ALARM_ACKED\"}");
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(fixture.eventTexts()).contains("Acknowledged: Floor Leak by wes via api");

        HttpResponse<String> again = post("/api/alarms/host/6/ack", "alice", "wonderland");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"error\":\"There is nothing to acknowledge.\"}");
        assertThat(post("/api/alarms/host/1/ack", "alice", "wonderland").statusCode()).isEqualTo(409);
    }

    @Test
    void anInputUnknownOrNotVisibleIs404AndNothingIsAcknowledged() throws Exception {
        wet("host/6");

        HttpResponse<String> bob = post("/api/alarms/host/6/ack", "bob", "builder");
        assertThat(bob.statusCode()).isEqualTo(404);
        assertThat(bob.body()).isEqualTo("{\"error\":\"There is no such input.\"}");
        // carol sees the Host but not its temperature input.
        assertThat(post("/api/alarms/host/1/ack", "carol", "carolpw").statusCode()).isEqualTo(404);
        for (String path : List.of("host/5", "host/99", "node-5/1", "node-1/1", "rack/1", "host/x")) {
            assertThat(post("/api/alarms/" + path + "/ack", "alice", "wonderland").statusCode()).as(path).isEqualTo(404);
        }
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_UNACKED);
        // bob sees node-2: nothing to acknowledge there.
        assertThat(post("/api/alarms/node-2/4/ack", "bob", "builder").statusCode()).isEqualTo(409);
    }

    @Test
    void aSensorTroubleIsAcknowledgedOnlyByAProfileWithClassDiagnostic() throws Exception {
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .unplug();
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(60));
        assertThat(state("host/6")).isEqualTo(AlarmState.TROUBLE);

        HttpResponse<String> wes = post("/api/alarms/host/6/ack", "wes", "westpw");
        assertThat(wes.statusCode()).isEqualTo(403);
        assertThat(wes.body()).isEqualTo("{\"error\":\"You may not acknowledge this alarm.\"}");
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().occurrence(InputAddress.parse("host/6"))
                .orElseThrow().isAcknowledgeable())).isTrue();

        assertThat(post("/api/alarms/host/6/ack", "alice", "wonderland").statusCode()).isEqualTo(200);
        assertThat(fixture.eventTexts()).contains("Acknowledged: Floor Leak by alice via api");
        assertThat(post("/api/alarms/host/6/ack", "alice", "wonderland").statusCode()).isEqualTo(409);
    }

    @Test
    void resetMinMaxIsForMasterAndSiteAdminOnInputsTheySee() throws Exception {
        fixture.onLoop(() -> {
            MockAnalogInput room = (MockAnalogInput) fixture.unit().hardware()
                    .mockChannel(InputAddress.parse("host/1")).orElseThrow();
            room.mockValue(60);
            room.mockValue(80);
            return null;
        });
        fixture.clock().advance(Duration.ZERO);
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().minMax(InputAddress.parse("host/1"))))
                .contains(new MinMax(60, 80, "F"));

        HttpResponse<String> user = post("/api/alarms/host/1/reset-min-max", "wes", "westpw");
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(user.body()).isEqualTo("{\"error\":\"Only a master or site-admin profile may reset min and max.\"}");
        assertThat(post("/api/alarms/host/1/reset-min-max", "carol", "carolpw").statusCode()).isEqualTo(404);
        assertThat(post("/api/alarms/host/99/reset-min-max", "alice", "wonderland").statusCode()).isEqualTo(404);
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().minMax(InputAddress.parse("host/1"))))
                .contains(new MinMax(60, 80, "F"));

        HttpResponse<String> reset = post("/api/alarms/host/1/reset-min-max", "alice", "wonderland");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"channel\":1,\"name\":\"Room Temp\",\"min\":80.0,\"max\":80.0,\"unit\":\"F\"}");
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().minMax(InputAddress.parse("host/1"))))
                .contains(new MinMax(80, 80, "F"));

        HttpResponse<String> binary = post("/api/alarms/host/6/reset-min-max", "carol", "carolpw");
        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(binary.body()).isEqualTo("{\"channel\":6,\"name\":\"Floor Leak\",\"min\":null,\"max\":null,\"unit\":null}");
    }
}

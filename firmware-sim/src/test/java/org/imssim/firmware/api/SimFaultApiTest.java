package org.imssim.firmware.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.Outlet;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.alarm.AlarmAddress;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/sim/faults} (SPEC §13) over real HTTP: each fault reaches its simulated part,
 * only a master may set one, a part that is not simulated is 409 with a sentence, and a body that
 * is not a fault is 400.
 */
class SimFaultApiTest {

    static final String CONFIG = """
            unit: {name: Lab, time-zone: UTC}
            network: {probe: simulated, simulated-hosts: {127.0.0.5: true}}
            ip-devices:
              - {name: Gateway, address: 127.0.0.5, interval: 30s}
            powergates:
              - {number: 1, name: Rack A, outlets: 2, backend: mock}
              - {number: 2, name: Rack B, outlets: 2, backend: serial, serial: {port: /dev/imssim-no-such-port}}
            profiles:
              - {username: alice, password: wonderland, level: master, classes: [IP Alarms, Diagnostic],
                 contacts: [{email: alice@example.com}]}
              - {username: carol, password: carolpw, level: site-admin, units: [host], classes: [IP Alarms],
                 contacts: [{email: carol@example.com}]}
            """;

    private final ApiUnit api = new ApiUnit(CONFIG);
    private final UnitFixture fixture = api.fixture();

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<String> fault(String user, String password, String json) throws Exception {
        return api.post("/api/sim/faults", user, password, json);
    }

    private HttpResponse<String> fault(String json) throws Exception {
        return fault("alice", "wonderland", json);
    }

    private MockPowerGate rackA() {
        return fixture.onLoop(() -> (MockPowerGate) fixture.unit().hardware().powergates().get(1));
    }

    @Test
    void aSilentSerialLineIsLinkDownWithUnknownOutletsUntilItTalksAgain() throws Exception {
        HttpResponse<String> silent = fault("{\"fault\": \"serial\", \"target\": \"1\", \"active\": true}");

        assertThat(silent.statusCode()).isEqualTo(200);
        assertThat(silent.body()).isEqualTo("{\"fault\":\"serial\",\"target\":\"1\",\"active\":true}");
        assertThat(fixture.onLoop(() -> rackA().outlets())).extracting(Outlet::state).containsOnly(OutletState.UNKNOWN);
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().state(AlarmAddress.powerGate(1, UnitId.host()))))
                .isEqualTo(AlarmState.ALARM_UNACKED);

        assertThat(fault("{\"fault\": \"serial\", \"target\": \"1\", \"active\": false}").statusCode()).isEqualTo(200);
        assertThat(fixture.onLoop(() -> rackA().linkUp())).isTrue();
    }

    @Test
    void aStuckRelayAndItsRelease() throws Exception {
        assertThat(fault("{\"fault\": \"relay\", \"target\": \"1/2\", \"active\": true}").statusCode()).isEqualTo(200);
        assertThat(fixture.onLoop(() -> rackA().relay(2).isStuck())).isTrue();
        assertThat(fault("{\"fault\": \"relay\", \"target\": \"1/2\", \"active\": false}").statusCode()).isEqualTo(200);
        assertThat(fixture.onLoop(() -> rackA().relay(2).isStuck())).isFalse();
    }

    @Test
    void anUnreachablePingTargetMakesItsIpDeviceTimeOutAtItsNextPing() throws Exception {
        assertThat(fault("{\"fault\": \"ping\", \"target\": \"Gateway\", \"active\": true}").statusCode()).isEqualTo(200);

        fixture.clock().advance(Duration.ofSeconds(30));

        AlarmAddress gateway = AlarmAddress.ipDevice("Gateway", UnitId.host());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                fixture.onLoop(() -> fixture.unit().alarms().state(gateway)) == AlarmState.ALARM_UNACKED);
    }

    @Test
    void mailFaultsNeedTheEmbeddedMailServer() throws Exception {
        HttpResponse<String> refused = fault("{\"fault\": \"smtp\", \"active\": true}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("only with the embedded mail server");

        fixture.unit().simulatedFaults().allowMailFaults();
        assertThat(fault("{\"fault\": \"smtp\", \"active\": true}").statusCode()).isEqualTo(200);
        assertThat(fixture.unit().simulatedFaults().smtpRefusing()).isTrue();
        HttpResponse<String> noMailbox = fault("{\"fault\": \"mailbox\", \"active\": true}");
        assertThat(noMailbox.statusCode()).isEqualTo(409);
        assertThat(noMailbox.body()).isEqualTo("{\"error\":\"" + SimFaultCall.NO_MAILBOX + "\"}");
    }

    @Test
    void onlyAMasterSetsFaults() throws Exception {
        HttpResponse<String> answer = fault("carol", "carolpw", "{\"fault\": \"serial\", \"target\": \"1\", \"active\": true}");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(fixture.onLoop(() -> rackA().linkUp())).isTrue();
    }

    @Test
    void partsThatAreNotSimulatedOrDoNotExist() throws Exception {
        HttpResponse<String> serial = fault("{\"fault\": \"serial\", \"target\": \"2\", \"active\": true}");
        assertThat(serial.statusCode()).isEqualTo(409);
        assertThat(serial.body()).isEqualTo("{\"error\":\"" + SimFaultCall.NOT_MOCK_POWERGATE + "\"}");
        assertThat(fault("{\"fault\": \"relay\", \"target\": \"1/3\", \"active\": true}").statusCode()).isEqualTo(404);
        assertThat(fault("{\"fault\": \"serial\", \"target\": \"7\", \"active\": true}").statusCode()).isEqualTo(404);
    }

    @Test
    void bodiesThatAreNotAFaultAreRefusedWithTheirSyntax() throws Exception {
        for (String body : List.of("{\"fault\": \"fire\", \"active\": true}", "{\"fault\": \"serial\", \"target\": \"1\"}",
                "{\"fault\": \"relay\", \"target\": \"one\", \"active\": true}", "[1]", "not json",
                "{\"fault\": \"ping\", \"target\": \"-x\", \"active\": true}")) {
            HttpResponse<String> answer = fault(body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("Send {");
        }
    }
}

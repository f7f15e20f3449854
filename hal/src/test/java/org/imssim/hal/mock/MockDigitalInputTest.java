package org.imssim.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.imssim.hal.DigitalSample;
import org.imssim.hal.Subscription;
import org.junit.jupiter.api.Test;

class MockDigitalInputTest {

    private final MockDigitalInput contact = new MockDigitalInput("dry-contact", false);
    private final List<DigitalSample> events = new ArrayList<>();

    @Test
    void startsAttachedWithItsKindAndLevel() {
        assertThat(contact.present()).isTrue();
        assertThat(contact.high()).isFalse();
        assertThat(contact.probeKind()).isEqualTo("dry-contact");
    }

    @Test
    void sameLevelTwiceFiresOnce() {
        contact.onChange(events::add);

        contact.mockLevel(true);
        contact.mockLevel(true);

        assertThat(events).containsExactly(DigitalSample.of(true, "dry-contact"));
        assertThat(contact.high()).isTrue();
    }

    @Test
    void drivingToTheStartingLevelFiresNothing() {
        contact.onChange(events::add);

        contact.mockLevel(false);

        assertThat(events).isEmpty();
    }

    @Test
    void unplugAndPlugFireOnceEach() {
        contact.mockLevel(true);
        contact.onChange(events::add);

        contact.unplug();
        contact.unplug();
        contact.plug();
        contact.plug();

        assertThat(events).containsExactly(DigitalSample.absent(), DigitalSample.of(true, "dry-contact"));
    }

    @Test
    void levelDrivenWhileUnpluggedShowsWhenPluggedAgain() {
        contact.unplug();
        contact.onChange(events::add);

        contact.mockLevel(true);
        assertThat(events).isEmpty();
        assertThat(contact.high()).isFalse();

        contact.plug();
        assertThat(events).containsExactly(DigitalSample.of(true, "dry-contact"));
    }

    @Test
    void swapReportsTheOtherProbeKind() {
        contact.onChange(events::add);

        contact.plug("water");

        assertThat(events).containsExactly(DigitalSample.of(false, "water"));
        assertThat(contact.probeKind()).isEqualTo("water");
        contact.plug();
        assertThat(events).hasSize(1);
    }

    @Test
    void cancelledListenerHearsNothingMore() {
        Subscription subscription = contact.onChange(events::add);
        contact.mockLevel(true);

        subscription.cancel();
        contact.mockLevel(false);

        assertThat(events).hasSize(1);
        assertThat(contact.listenerCount()).isZero();
    }

    @Test
    void aFailingListenerDoesNotSilenceTheOthers() {
        contact.onChange(s -> {
            throw new IllegalStateException("listener bug");
        });
        contact.onChange(events::add);

        contact.mockLevel(true);

        assertThat(events).hasSize(1);
    }

    @Test
    void closedInputRefusesToBeDrivenAndCallsNoListener() {
        contact.onChange(events::add);

        contact.close();

        assertThat(contact.isClosed()).isTrue();
        assertThatThrownBy(() -> contact.mockLevel(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This mock digital input is closed.");
        assertThat(events).isEmpty();
    }

    @Test
    void absentSamplesAreEqualWhateverTheyWereMadeFrom() {
        assertThat(new DigitalSample(false, true, "water")).isEqualTo(DigitalSample.absent());
    }
}

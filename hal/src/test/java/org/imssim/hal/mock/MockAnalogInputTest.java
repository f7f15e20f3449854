package org.imssim.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.imssim.hal.AnalogSample;
import org.junit.jupiter.api.Test;

class MockAnalogInputTest {

    private static final Instant T0 = Instant.parse("2026-11-29T15:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private final MockAnalogInput probe = new MockAnalogInput(clock, "temperature", 20.0);
    private final List<AnalogSample> events = new ArrayList<>();

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void startsAttachedAndStampedByItsClock() {
        AnalogSample sample = probe.sample();

        assertThat(sample.present()).isTrue();
        assertThat(sample.value()).isEqualTo(20.0);
        assertThat(sample.probeKind()).isEqualTo("temperature");
        assertThat(sample.time()).isEqualTo(T0);
    }

    @Test
    void sameValueTwiceFiresOnceAndKeepsItsTime() {
        probe.onChange(events::add);
        advance(Duration.ofSeconds(5));

        probe.mockValue(21.5);
        advance(Duration.ofSeconds(5));
        probe.mockValue(21.5);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).isEqualTo(21.5);
        assertThat(probe.sample().time()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void unplugGivesAnAbsentSampleAndPlugBringsTheValueBack() {
        probe.onChange(events::add);

        probe.unplug();
        probe.mockValue(25.0);
        probe.unplug();
        probe.plug();

        assertThat(events).extracting(AnalogSample::present).containsExactly(false, true);
        assertThat(events.get(0).value()).isNaN();
        assertThat(events.get(0).probeKind()).isEmpty();
        assertThat(events.get(1).value()).isEqualTo(25.0);
    }

    @Test
    void swapReportsTheOtherProbeKindOnce() {
        probe.onChange(events::add);

        probe.plug("humidity");
        probe.plug("humidity");

        assertThat(events).singleElement().extracting(AnalogSample::probeKind).isEqualTo("humidity");
    }

    @Test
    void refusesNumbersThatAreNotFinite() {
        assertThatThrownBy(() -> probe.mockValue(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A mock analog value must be a finite number, not NaN.");
    }

    @Test
    void closedProbeRefusesToBeDriven() {
        probe.close();

        assertThatThrownBy(() -> probe.mockValue(1.0)).isInstanceOf(IllegalStateException.class);
        assertThat(probe.listenerCount()).isZero();
    }
}

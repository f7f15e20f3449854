package org.imssim.devices.powergate.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.imssim.devices.powergate.LinkChange;
import org.imssim.devices.powergate.OutletState;
import org.imssim.hal.ByteLink;
import org.imssim.hal.mock.MockByteLink;
import org.junit.jupiter.api.Test;

/** {@link SerialPowerGate} on an in-memory line. */
class SerialPowerGateTest extends SerialPowerGateContract {

    @Override
    protected Lines lines() {
        MockByteLink.Pair pair = MockByteLink.pair();
        return new Lines() {
            @Override
            public LineOpener unitSide() {
                return pair::first;
            }

            @Override
            public ByteLink deviceSide() {
                return pair.second();
            }

            @Override
            public void close() {
                pair.first().close();
                pair.second().close();
            }
        };
    }

    @Test
    void aPortThatCannotBeOpenedIsTriedAgainAndTheOutletsShowUnknownMeanwhile() throws Exception {
        farEnd();
        AtomicInteger opens = new AtomicInteger();
        LineOpener real = lines.unitSide();
        lines = new Lines() {
            final Lines inner = lines;

            @Override
            public LineOpener unitSide() {
                return () -> {
                    if (opens.incrementAndGet() < 3) {
                        throw new IOException("The serial port /dev/ttyGONE cannot be opened.");
                    }
                    return real.open();
                };
            }

            @Override
            public ByteLink deviceSide() throws Exception {
                return inner.deviceSide();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        startGate();
        assertThat(state(1)).isEqualTo(OutletState.UNKNOWN);
        assertThat(loop.call(gate::linkUp)).isFalse();
        awaitLink(true);
        assertThat(opens.get()).isEqualTo(3);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, true));
        await().until(() -> state(1) == OutletState.OFF);
    }
}

package org.imssim.firmware.alarm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/** Gives the numbers it was given, in order, so that tests choose the acknowledgment codes. */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> numbers;

    ScriptedRandom(Integer... numbers) {
        this.numbers = new ArrayDeque<>(List.of(numbers));
    }

    @Override
    public int nextInt(int bound) {
        Integer next = numbers.poll();
        if (next == null) {
            throw new IllegalStateException("The test gave no more numbers");
        }
        return next;
    }

    @Override
    public long nextLong() {
        return nextInt(Integer.MAX_VALUE);
    }
}

// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reservations against a fixed capacity: too large is refused at once, busy waits and then gives up, release wakes waiters. */
class MemoryBudgetTest {
    private static final long MIB = 1 << 20;

    @Test
    void moreThanTheCapacityIsTooLargeWithSizeAndLimit() {
        MemoryBudget b = new MemoryBudget(100 * MIB);
        assertThatThrownBy(() -> b.reserve(101 * MIB, "the image upload", Duration.ofSeconds(5)))
            .isInstanceOf(VolumeTooLargeException.class).hasMessageContaining("101 MiB").hasMessageContaining("100 MiB");
        assertThat(b.reserved()).isZero();
    }

    @Test
    void whatDoesNotFitNowIsBusyAfterTheWait() throws Exception {
        MemoryBudget b = new MemoryBudget(100 * MIB);
        try (MemoryBudget.Reservation held = b.reserve(60 * MIB, "first", Duration.ZERO)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> b.reserve(60 * MIB, "second", Duration.ofMillis(300)))
                .isInstanceOf(ServerBusyException.class).hasMessageContaining("40 of 100 MiB are free");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
            assertThat(b.reserved()).isEqualTo(60 * MIB);
        }
        assertThat(b.reserved()).isZero();
    }

    @Test
    void aReleaseLetsAWaiterIn() throws Exception {
        MemoryBudget b = new MemoryBudget(100 * MIB);
        MemoryBudget.Reservation held = b.reserve(80 * MIB, "first", Duration.ZERO);
        CompletableFuture<MemoryBudget.Reservation> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return b.reserve(50 * MIB, "second", Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiter).isNotDone();
        held.close();
        held.close(); // twice is harmless
        try (MemoryBudget.Reservation second = waiter.get(5, TimeUnit.SECONDS)) {
            assertThat(b.reserved()).isEqualTo(50 * MIB);
        }
        assertThat(b.reserved()).isZero();
    }

    @Test
    void uploadSlotsRefuseTheOneTooManyAtOnce() {
        UploadSlots slots = new UploadSlots(2);
        try (UploadSlots.Slot a = slots.acquire(); UploadSlots.Slot b = slots.acquire()) {
            assertThatThrownBy(slots::acquire).isInstanceOf(ServerBusyException.class).hasMessageContaining("2 uploads");
        }
        assertThat(slots.available()).isEqualTo(2);
    }
}

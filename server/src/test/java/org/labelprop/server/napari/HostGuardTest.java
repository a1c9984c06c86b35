// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Host names of the Host header: what counts as loopback. */
class HostGuardTest {
    @Test
    void hostOfDropsThePortAndBrackets() {
        assertThat(HostGuard.hostOf("localhost:6000")).isEqualTo("localhost");
        assertThat(HostGuard.hostOf("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(HostGuard.hostOf("[::1]:6000")).isEqualTo("::1");
        assertThat(HostGuard.hostOf("LabServer.Local:80")).isEqualTo("labserver.local");
    }

    @Test
    void loopbackNames() {
        assertThat(HostGuard.isLoopback("localhost")).isTrue();
        assertThat(HostGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(HostGuard.isLoopback("127.1.2.3")).isTrue();
        assertThat(HostGuard.isLoopback("::1")).isTrue();
        assertThat(HostGuard.isLoopback("localhost.evil.com")).isFalse();
        assertThat(HostGuard.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(HostGuard.isLoopback("192.168.1.5")).isFalse();
    }
}

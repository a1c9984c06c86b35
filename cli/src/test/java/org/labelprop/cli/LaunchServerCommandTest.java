// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code launch-server} takes the original's options; a non-loopback address without a token is refused. */
class LaunchServerCommandTest {
    @Test
    void helpShowsTheOriginalsOptions() {
        CliRunner r = CliRunner.run("launch-server", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("-a, --host, --addr=<host>").contains("-p, --port=<port>").contains("--allowed-host");
    }

    @Test
    void aLanAddressWithoutATokenIsRefused() {
        CliRunner r = CliRunner.run("launch-server", "-a", "0.0.0.0", "-p", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("refusing to listen on non-loopback host 0.0.0.0 without a token");
    }

    @Test
    void versionIsPrinted() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("labelprop ");
    }
}

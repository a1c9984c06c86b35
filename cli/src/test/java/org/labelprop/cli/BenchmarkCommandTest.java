// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.SampleTemplates;

class BenchmarkCommandTest {
    @TempDir Path dir;

    @Test
    void flowRunsOnThePhantomNextToTheBaselines() throws Exception {
        Path json = dir.resolve("bench.json");
        CliRunner r = CliRunner.run("benchmark", "--phantom", "--method", "nearest,flow", "--protocol", "10", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("flow +every 10th +[0-9.]+");
        assertThat(Files.readString(json)).contains("\"method\":\"flow\"", "\"method\":\"nearest\"");
    }

    @Test
    void quickSuiteRunsItsThreeCasesAndPrintsMeans() throws Exception {
        SampleTemplates.require();
        Path json = dir.resolve("suite.json");
        CliRunner r = CliRunner.run("benchmark", "--suite", "dev", "--quick", "--method", "nearest", "--protocol", "3", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ch2 AAL deep grey", "ch2 AAL temporal 3mm", "ch2 AAL medial frontal", "axis 0 (R, sagittal slices)")
            .containsPattern("3 slices +0\\.[0-9]{3} \\(3\\)").containsPattern("all +0\\.[0-9]{3} \\(3\\)");
        assertThat(Files.readString(json)).startsWith("{\"suite\":\"dev (quick)\"").contains("\"protocol\":\"all\"");
    }

    @Test
    void unknownSuitesAndPhantomSuitesAreUserErrors() {
        CliRunner other = CliRunner.run("benchmark", "--suite", "full", "--method", "nearest");
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(other.err()).contains("--suite must be 'dev'");
        CliRunner phantom = CliRunner.run("benchmark", "--suite", "dev", "--phantom", "--method", "nearest");
        assertThat(phantom.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(phantom.err()).contains("exclude each other");
        assertThat(CliRunner.run("benchmark", "--method", "optical").err()).contains("expected nearest, shape, flow, deep");
    }
}

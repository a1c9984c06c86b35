// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import picocli.CommandLine;

/** Every command's options bind to the one request type, with its defaults, and bad values are user errors. */
class CommandOptionsTest {
    @TempDir Path dir;

    /** The request a command line would run, without running it. */
    static SegmentationRequest parsed(String command, String... args) {
        CommandLine cl = LabelPropCommand.commandLine();
        CommandLine.ParseResult r = cl.parseArgs(concat(command, args));
        Object cmd = r.subcommand().commandSpec().userObject();
        if (cmd instanceof TrainCommand t) return t.options.request(Method.DEEP, t.in.axis, t.training.request());
        if (cmd instanceof PropagateCommand p) return p.options.request(p.method, p.in.axis, null);
        throw new AssertionError("not a segmentation command: " + command);
    }

    static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void withoutOptionsTheRequestIsTheDefaultOne() {
        SegmentationRequest d = SegmentationRequest.defaults();
        assertThat(parsed("propagate", "a.nii", "b.nii")).isEqualTo(d);
        assertThat(parsed("train", "a.nii", "b.nii")).isEqualTo(d.withTraining(TrainingRequest.defaults()));
    }

    @Test
    void everyGroupBindsToItsField() {
        SegmentationRequest r = parsed("train", "a.nii", "b.nii", "--axis", "coronal", "--fusion", "NCC", "--warp", "composed",
            "--field-smoothing", "0.5", "--slice-smoothing", "2", "--background-weight", "0.9", "--distance-constant", "0.2", "--ncc-window", "15",
            "--extrapolate", "--refine-steps", "7", "--refine-seconds", "3", "--annotation-weight", "2.5", "--flow-blend", "0.2", "--dense-training-steps", "40", "-w", "none", "--seed", "9",
            "--train-steps", "12", "--train-seconds", "30", "--loss", "mse", "--learning-rate", "0.001");
        assertThat(r.axis()).isEqualTo("coronal");
        assertThat(r.inference().fusion().name()).isEqualTo("NCC");
        assertThat(r.inference().warp().name()).isEqualTo("COMPOSED");
        assertThat(r.inference().fieldSmoothing()).isEqualTo(0.5);
        assertThat(r.inference().sliceSmoothing()).isEqualTo(2);
        assertThat(r.inference().backgroundWeight()).isEqualTo(0.9);
        assertThat(r.inference().distanceConstant()).isEqualTo(0.2);
        assertThat(r.inference().nccWindow()).isEqualTo(15);
        assertThat(r.inference().extrapolate()).isTrue();
        assertThat(r.refinement().steps()).isEqualTo(7);
        assertThat(r.refinement().seconds()).isEqualTo(3.0);
        assertThat(r.refinement().annotationWeight()).isEqualTo(2.5);
        assertThat(r.refinement().flowBlend()).isEqualTo(0.2);
        assertThat(r.refinement().denseTrainingSteps()).isEqualTo(40);
        assertThat(r.weights()).isEqualTo("none");
        assertThat(r.seed()).isEqualTo(9);
        assertThat(r.training().steps()).isEqualTo(12);
        assertThat(r.training().seconds()).isEqualTo(30.0);
        assertThat(r.training().loss().name()).isEqualTo("MSE");
        assertThat(r.training().learningRate()).isEqualTo(0.001);
    }

    @Test
    void helpShowsTheDefaultsOfTheRequest() {
        CliRunner r = CliRunner.run("propagate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Default: linear", "Default: sequential", "Default: shipped", "Default: 42",
            "Default: 1.0", "Default: " + org.labelprop.request.Refinement.DEFAULT_DENSE_TRAINING_STEPS + ".");
        assertThat(CliRunner.run("pretrain", "--help").out()).contains("Default: none");
    }

    @Test
    void badValuesAreUserErrorsNamingTheOptionOrField() {
        String[][] bad = {
            {"propagate", "a", "b", "--fusion", "max"},
            {"propagate", "a", "b", "--field-smoothing", "11"},
            {"propagate", "a", "b", "--ncc-window", "8"},
            {"propagate", "a", "b", "--axis", "up"},
            {"propagate", "a", "b", "--refine-steps", "-1"},
            {"propagate", "a", "b", "--annotation-weight", "-1"},
            {"propagate", "a", "b", "--flow-blend", "1.5"},
            {"propagate", "a", "b", "--dense-training-steps", "-3"},
            {"propagate", "a", "b", "--weights", " "},
            {"propagate", "a", "b", "--method", "magic"},
            {"propagate", "a", "b", "--train-steps", "3"},
            {"train", "a", "b", "--train-steps", "-2"},
            {"train", "a", "b", "--learning-rate", "2"},
            {"train", "a", "b", "--loss", "l1"},
            {"benchmark", "--method", "magic"},
            {"demo", "--method", "flow-ish"},
            {"serve", "--port", "70000"},
            {"evaluate", "a"},
        };
        String[] expect = {"max", "fieldSmoothing", "nccWindow", "axis", "steps", "annotationWeight", "flowBlend", "denseTrainingSteps", "weights", "magic", "--train-steps",
            "steps", "learningRate", "l1", "magic", "flow-ish", "port", "GT"};
        for (int i = 0; i < bad.length; i++) {
            CliRunner r = CliRunner.run(bad[i]);
            assertThat(r.exitCode()).as(String.join(" ", bad[i]) + ": " + r.err()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.err()).as(String.join(" ", bad[i])).contains(expect[i]).doesNotContain("\tat ");
        }
    }

    @Test
    void requestsAreCheckedBeforeAnyFileIsRead() {
        // an unreadable image and a bad option: the option is reported (nothing slow happens first)
        CliRunner r = CliRunner.run("train", dir.resolve("absent.nii").toString(), dir.resolve("absent2.nii").toString(),
            "--slice-smoothing", "-1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("sliceSmoothing");
    }

    @Test
    void hintsWithAnImageBlindMethodAreRefused() throws Exception {
        PropagateCommandTest.writeCase(dir);
        CliRunner r = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--method", "shape", "--hints", dir.resolve("sparse.nii.gz").toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("hints", "deep method only");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}

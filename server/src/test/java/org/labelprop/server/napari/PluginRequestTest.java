// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's parameters, as _widget.py sends them, mapped to this server's. */
class PluginRequestTest {
    static final String TOKEN = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    static Map<String, Object> inference() {
        return new HashMap<>(Map.of("z_axis", 0, "checkpoint", "mine.ckpt", "criteria", "ncc", "reduction", "none", "device", "cuda"));
    }

    static Map<String, Object> training() {
        Map<String, Object> p = new HashMap<>(Map.of("pretrained_ckpt", "", "shape", 256, "z_axis", 1, "max_epochs", 10, "name", "",
            "pretraining", false, "criteria", "distance", "reduction", "mean", "device", "cpu"));
        p.put("label", 3); // unknown keys are ignored
        return p;
    }

    @Test
    void inferenceMapsAxisCheckpointAndCriteria() {
        PluginRequest r = PluginRequest.inference(inference());
        assertThat(r.training()).isFalse();
        assertThat(r.axis()).isZero();
        assertThat(r.checkpoint()).isEqualTo("mine.ckpt");
        assertThat(r.fusion()).isEqualTo("ncc");
        assertThat(r.notes()).containsExactly("device 'cuda' requested: this server computes on the CPU");
    }

    @Test
    void trainingWithoutANameNeverSavesAHiddenCheckpoint() {
        PluginRequest r = PluginRequest.training(training(), TOKEN);
        assertThat(r.saveAs()).isEqualTo("napari-0f1e2d3c.ckpt");
        assertThat(r.checkpoint()).as("'' = the shipped starting weights").isNull();
        assertThat(r.epochs()).isEqualTo(10);
        assertThat(r.fusion()).isEqualTo("distance");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("shape 256 ignored")).anyMatch(n -> n.startsWith("reduction 'mean' ignored"));
    }

    @Test
    void checkpointNamesAreSanitised() {
        assertThat(PluginRequest.saveAs("model", TOKEN)).isEqualTo("model.ckpt");
        assertThat(PluginRequest.saveAs("model.ckpt", TOKEN)).isEqualTo("model.ckpt");
        assertThat(PluginRequest.saveAs(".ckpt", TOKEN)).isEqualTo("napari-0f1e2d3c.ckpt");
        assertThat(PluginRequest.saveAs("../../etc/passwd", TOKEN)).isEqualTo("passwd.ckpt");
        assertThat(PluginRequest.saveAs("C:\\models\\my knee v2.ckpt", TOKEN)).isEqualTo("my_knee_v2.ckpt");
        assertThat(PluginRequest.saveAs("..hidden", TOKEN)).isEqualTo("hidden.ckpt");
        Map<String, Object> p = inference();
        p.put("checkpoint", "/home/me/checkpoints/mine.ckpt");
        assertThat(PluginRequest.inference(p).checkpoint()).isEqualTo("mine.ckpt");
        p.put("checkpoint", "bad name.ckpt");
        assertThatThrownBy(() -> PluginRequest.inference(p)).hasMessageContaining("is not a checkpoint name of this server");
    }

    @Test
    void badParametersSayWhatWasExpected() {
        Map<String, Object> p = inference();
        p.put("z_axis", 3);
        assertThatThrownBy(() -> PluginRequest.inference(p)).hasMessage("z_axis must be 0, 1 or 2 (an axis of the uploaded arrays), got 3");
        p.put("z_axis", 0);
        p.put("criteria", "mse");
        assertThatThrownBy(() -> PluginRequest.inference(p)).hasMessage("criteria must be 'ncc' or 'distance', got 'mse'");
        p.put("criteria", "ncc");
        p.put("checkpoint", "");
        assertThatThrownBy(() -> PluginRequest.inference(p)).hasMessageStartingWith("no checkpoint chosen");
        Map<String, Object> t = training();
        t.put("max_epochs", 0);
        assertThatThrownBy(() -> PluginRequest.training(t, TOKEN)).hasMessageContaining("max_epochs must be a whole number");
    }
}

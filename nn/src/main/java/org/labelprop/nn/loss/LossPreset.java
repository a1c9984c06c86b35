// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

/**
 * Named loss settings of the original LabelProp. Every preset: {@code sim(warp(m, φ), f) + sim(warp(f, exp(−v)), m)
 * + smoothness · Grad(v) + dice · (−SoftDice) + composition · MSE(chained image, target) + hints}.
 * <ul>
 *   <li>{@link #PAPER}: paper era (and the shipped pretrained weights): local NCC 9×9, smoothness 1, dice 10,
 *       composition 10·MSE, learning rate 5e-4.</li>
 *   <li>{@link #MSE}: current original code: 10·MSE, smoothness 0.1, dice 1, composition 10·MSE, learning rate 1e-3.</li>
 * </ul>
 */
public enum LossPreset {
    PAPER(LocalNcc.defaults(), 1.0, 10.0, 10.0, 5e-4),
    MSE(new Mse(10), 0.1, 1.0, 10.0, 1e-3);

    private final Similarity similarity;
    private final double smoothness, dice, composition, learningRate;

    LossPreset(Similarity similarity, double smoothness, double dice, double composition, double learningRate) {
        this.similarity = similarity;
        this.smoothness = smoothness;
        this.dice = dice;
        this.composition = composition;
        this.learningRate = learningRate;
    }

    public Similarity similarity() { return similarity; }

    public double smoothness() { return smoothness; }

    public double dice() { return dice; }

    /** Weight of MSE between the image carried through a whole chain and the target slice (already ×10). */
    public double composition() { return composition; }

    public double learningRate() { return learningRate; }

    /** Case-insensitive lookup ("paper", "mse"). */
    public static LossPreset of(String name) {
        for (LossPreset p : values()) if (p.name().equalsIgnoreCase(name)) return p;
        throw new IllegalArgumentException("unknown loss preset '" + name + "', expected paper or mse");
    }
}

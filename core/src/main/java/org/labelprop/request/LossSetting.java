// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

/**
 * The two loss settings of the original tool: PAPER (the paper and its shipped weights: local NCC 9×9, smoothness 1,
 * Dice 10) and MSE (its later code: 10·MSE, smoothness 0.1, Dice 1). The weights themselves live with the losses.
 */
public enum LossSetting { PAPER, MSE }

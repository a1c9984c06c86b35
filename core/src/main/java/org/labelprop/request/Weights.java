// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

import java.util.Locale;
import org.labelprop.UserInputException;

/**
 * The network weights the deep method starts from: {@code "shipped"} (the checkpoint pretrained without labels that ships
 * with the program), {@code "none"} (no network: random weights when training, per-pair optimisation from zero
 * otherwise) or a stored checkpoint (a file for the CLI, a checkpoint name for the server).
 *
 * @param kind which of the three
 * @param name the checkpoint's name or path (null unless {@link Kind#CHECKPOINT})
 */
public record Weights(Kind kind, String name) {
    public static final String SHIPPED = "shipped";
    public static final String NONE = "none";

    public enum Kind { SHIPPED, NONE, CHECKPOINT }

    public Weights {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if ((kind == Kind.CHECKPOINT) != (name != null)) throw new IllegalArgumentException("a name goes with CHECKPOINT only");
    }

    /** Parses {@code "shipped"}, {@code "none"} (any case) or a checkpoint name/path. */
    public static Weights of(String spec) {
        UserInputException.check(spec != null && !spec.isBlank(), "weights",
            "weights must be \"shipped\", \"none\" or a checkpoint, got an empty value");
        String s = spec.strip();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case SHIPPED -> new Weights(Kind.SHIPPED, null);
            case NONE -> new Weights(Kind.NONE, null);
            default -> new Weights(Kind.CHECKPOINT, s);
        };
    }

    @Override public String toString() { return kind == Kind.CHECKPOINT ? name : kind.name().toLowerCase(Locale.ROOT); }
}

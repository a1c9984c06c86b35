// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

/** Typed reads of runner-specific options in {@link JobParams#options()}, with 400-style messages. */
final class Options {
    private Options() { }

    static double seconds(JobParams p, String key, double fallback, boolean zeroAllowed) {
        Object v = p.options().get(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n)) throw new IllegalArgumentException("\"" + key + "\" must be a number of seconds, got " + v);
        double d = n.doubleValue();
        if (!(zeroAllowed ? d >= 0 : d > 0) || Double.isInfinite(d))
            throw new IllegalArgumentException("\"" + key + "\" must be " + (zeroAllowed ? ">= 0" : "> 0") + " seconds, got " + d);
        return d;
    }

    static boolean flag(JobParams p, String key) {
        Object v = p.options().get(key);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("\"" + key + "\" must be true or false, got " + v);
    }

    /** A checkpoint name option, validated like {@link JobParams#checkpoint()}; null when absent. */
    static String checkpointName(JobParams p, String key) {
        Object v = p.options().get(key);
        if (v == null) return null;
        if (!(v instanceof String s) || !JobParams.isValidCheckpointName(s))
            throw new IllegalArgumentException("\"" + key + "\" must match " + JobParams.CHECKPOINT_NAME.pattern() + " without \"..\", got " + v);
        return s;
    }
}

// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the napari-compatible API (the original LabelProp's routes at the server root, for the
 * napari-labelprop-remote plugin). Off unless {@code enabled}.
 *
 * @param enabled        whether the routes exist at all
 * @param allowedHosts   host names (or IP literals) accepted in the {@code Host} header besides loopback names; the
 *                       routes have no authentication, so list only names of this machine on a trusted network
 * @param timeoutSeconds a job not finished this long after its request ends failed ("timed out"); default 1 hour
 * @param cachedImages   uploaded images kept for re-use by their md5 ({@code /list_hash}); least recently used go first
 * @param maxVoxels      largest array accepted (voxels), checked from the array header before anything is allocated
 */
public record NapariConfig(boolean enabled, Set<String> allowedHosts, long timeoutSeconds, int cachedImages, long maxVoxels) {
    public NapariConfig {
        allowedHosts = allowedHosts == null ? Set.of()
            : allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (timeoutSeconds < 1) throw new org.labelprop.UserInputException("napari job timeout must be at least 1 second, got " + timeoutSeconds);
        if (cachedImages < 1) throw new org.labelprop.UserInputException("napari image cache must hold at least 1 image, got " + cachedImages);
        if (maxVoxels < 1) throw new org.labelprop.UserInputException("napari array limit must be positive, got " + maxVoxels);
    }

    /** The API off (the default of {@code labelprop serve}). */
    public static NapariConfig off() { return new NapariConfig(false, Set.of(), 3600, 8, defaultMaxVoxels()); }

    /** The API on, loopback only, 1-hour job timeout, 8 cached images. */
    public static NapariConfig on() { return off().withEnabled(true); }

    public NapariConfig withEnabled(boolean e) { return new NapariConfig(e, allowedHosts, timeoutSeconds, cachedImages, maxVoxels); }
    public NapariConfig withAllowedHosts(Set<String> h) { return new NapariConfig(enabled, h, timeoutSeconds, cachedImages, maxVoxels); }
    public NapariConfig withTimeoutSeconds(long t) { return new NapariConfig(enabled, allowedHosts, t, cachedImages, maxVoxels); }
    public NapariConfig withCachedImages(int n) { return new NapariConfig(enabled, allowedHosts, timeoutSeconds, n, maxVoxels); }
    public NapariConfig withMaxVoxels(long v) { return new NapariConfig(enabled, allowedHosts, timeoutSeconds, cachedImages, v); }

    /**
     * A job converts an upload into an image (4 bytes a voxel), annotations and hints (4 each) and writes them: a sixteenth
     * of the heap per voxel keeps one conversion within memory.
     */
    static long defaultMaxVoxels() { return Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 16); }
}

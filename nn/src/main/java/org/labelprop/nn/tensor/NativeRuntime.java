// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.tensor;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.global.torch;

/**
 * Loads the libtorch natives once, in a fixed order, from one thread, and sets the intra-op thread count.
 *
 * <p>Why: on a JVM whose JavaCPP cache ({@code ~/.javacpp/cache}, or {@code -Dorg.bytedeco.javacpp.cachedir}) is empty,
 * letting the first tensor call trigger the loading crashed (SIGSEGV in {@code Loader.load}). Extracting and loading the
 * libraries explicitly here — JavaCPP's own runtime, then OpenBLAS, then the torch globals — under one lock before any
 * tensor exists avoids it. Call {@link #init(int)} before touching any other class of this module; all entry points of
 * {@code org.labelprop.nn} do.
 *
 * <p>Threads: libtorch runs its intra-op work on a bundled OpenMP pool. {@link #init(int)} calls
 * {@code torch::set_num_threads(n)}; for OpenMP to start with the same pool size also export {@code OMP_NUM_THREADS=n}
 * before the JVM starts (the environment cannot be changed from Java once running).
 *
 * <p><b>Export {@code OMP_WAIT_POLICY=PASSIVE}</b> before starting the JVM. libgomp's default lets idle workers spin; on a
 * machine where other processes compete for the cores, a spinning worker waits for a descheduled peer and every parallel
 * region stalls. Measured on the 2-core development machine under load (UNet forward + backward, 44 slices of 96×88):
 * 0.7–1.0 s + 1.4–2.5 s with the default policy, 0.17 s + 0.5 s with PASSIVE; without competition both are about
 * 0.09 s + 0.17 s. libgomp reads the variable once when it is loaded, so it cannot be set from here; launch scripts
 * (CLI, server) and the surefire configuration of this module set it. {@link #waitPolicyIsPassive()} tells whether it is.
 */
public final class NativeRuntime {
    private static boolean loaded;

    private NativeRuntime() { }

    /** Loads the natives (once) and sets the thread count; {@code threads <= 0} keeps libtorch's default (all cores). */
    public static synchronized void init(int threads) {
        if (!loaded) {
            Loader.load(org.bytedeco.javacpp.presets.javacpp.class);
            Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
            Loader.load(org.bytedeco.openblas.global.openblas.class);
            Loader.load(torch.class);
            loaded = true;
        }
        if (threads > 0 && torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }

    /** Whether the environment asks OpenMP workers to sleep rather than spin (see the class comment). */
    public static boolean waitPolicyIsPassive() {
        String p = System.getenv("OMP_WAIT_POLICY");
        return p != null && p.trim().equalsIgnoreCase("passive");
    }

    /**
     * Gives the native heap's free pages back to the system (glibc {@code malloc_trim}, through JavaCPP): closed tensors
     * return their memory to the allocator, which otherwise keeps it mapped, so the process stays as large as its largest
     * run. Does nothing before the natives are loaded; true when memory was released.
     */
    public static synchronized boolean trim() { return loaded && Pointer.trimMemory(); }

    /** Loads the natives with libtorch's default thread count. */
    public static void init() { init(0); }
}

// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.labelprop.bench.AalDeepGreyMatter;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.Phantom;
import org.labelprop.bench.SuiteTemplates;
import org.labelprop.io.Nifti;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Builds the benchmark case from the real sample data, or a generated phantom when it cannot be had (and says so);
 * reads the volumes of the development suite.
 */
final class BenchmarkData {
    private BenchmarkData() { }

    /** The volumes the development suite is built from; the package must be there (no phantom stands in). */
    static SuiteTemplates loadSuite(PrintWriter log) throws IOException {
        Path dir = SampleData.templates(log).orElseThrow(() -> new UserInputException("the development suite needs Debian's "
            + "mricron-data, which could not be obtained; install it, or set LABELPROP_MRICRON_DIR to its templates folder"));
        String[] f = SuiteTemplates.FILES;
        for (String name : f)
            if (!Files.isRegularFile(dir.resolve(name)))
                throw new UserInputException("the development suite needs " + name + " in " + dir + " (mricron-data 1.2.20211006 ships it)");
        log.println("sample data: " + dir + " (" + String.join(", ", f) + ", Debian mricron-data)");
        return new SuiteTemplates(Nifti.readVolume(dir.resolve(f[0])), Nifti.readLabels(dir.resolve(f[1])),
            Nifti.readLabels(dir.resolve(f[2])), Nifti.readVolume(dir.resolve(f[3])), Nifti.readLabels(dir.resolve(f[4])));
    }

    static BenchmarkCase load(PrintWriter log, boolean allowPhantom) throws IOException {
        Optional<Path> dir = SampleData.templates(log);
        if (dir.isPresent()) {
            Volume ch2 = Nifti.readVolume(dir.get().resolve("ch2.nii.gz"));
            LabelVolume aal = Nifti.readLabels(dir.get().resolve("aal.nii.gz"));
            log.println("sample data: " + dir.get() + " (Colin27 T1 ch2.nii.gz + AAL atlas, Debian mricron-data)");
            return AalDeepGreyMatter.build(ch2, aal);
        }
        if (!allowPhantom)
            throw new UserInputException("the real sample data (Debian package mricron-data) could not be obtained; "
                + "install it, or set LABELPROP_MRICRON_DIR to a folder holding ch2.nii.gz and aal.nii.gz");
        log.println("NOTE: the real sample data could not be obtained (no apt-get?); using a GENERATED PHANTOM instead. "
            + "Its figures say nothing about accuracy on MR data.");
        return Phantom.generate(42);
    }
}

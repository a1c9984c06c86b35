// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelprop.bench.AtlasSelection.Side;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The development suite of eight cases built deterministically from {@link SuiteTemplates} (Debian mricron-data):
 * structures picked from an atlas and renumbered 1..K in the listed order (largest-N selections ascending by atlas
 * value), the volume cropped to their bounding box plus {@value StructureCrop#MARGIN} voxels, slices along an anatomical
 * axis resolved from the affine ({@link AxisNames}), two thick-slice versions made by {@link SlabResampling} of a crop.
 * Protocols ({@link Protocols}): '3 slices', 'every 10th' ('every 3rd' on the thick volumes), '3 per structure'.
 * AAL numbers are those of mricron's {@code aal.nii.txt}.
 */
public final class DevelopmentSuite {
    public static final String DEEP_GREY = "ch2 AAL deep grey", BRODMANN = "ch2 Brodmann R", TEMPORAL = "ch2 AAL temporal R",
        OCCIPITAL = "ch2 AAL occipital", MEDIAL_FRONTAL = "ch2 AAL medial frontal", OCCIPITAL_THICK = "ch2 AAL occipital 5mm",
        TEMPORAL_THICK = "ch2 AAL temporal 3mm", INIA19 = "INIA19 NeuroMaps R";
    /** Every case, in table order. */
    public static final List<String> ALL = List.of(DEEP_GREY, BRODMANN, TEMPORAL, OCCIPITAL, MEDIAL_FRONTAL, OCCIPITAL_THICK,
        TEMPORAL_THICK, INIA19);
    /** The subset for quick iteration: one axial, one coronal thick-slice and one sagittal case, the smallest of each. */
    public static final List<String> QUICK = List.of(DEEP_GREY, TEMPORAL_THICK, MEDIAL_FRONTAL);

    /** Temporal_Sup_R, Temporal_Pole_Sup_R, Temporal_Mid_R, Temporal_Pole_Mid_R, Temporal_Inf_R, Fusiform_R, ParaHippocampal_R, Insula_R. */
    static final int[] TEMPORAL_R = {82, 84, 86, 88, 90, 56, 40, 30};
    /** Calcarine, Cuneus, Lingual, Occipital_Sup, Occipital_Mid, Occipital_Inf, left then right. */
    static final int[] OCCIPITAL_LOBES = {43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54};
    /** Frontal_Sup_Medial, Frontal_Med_Orb, Rectus, Cingulum_Ant, Cingulum_Mid, left then right. */
    static final int[] MEDIAL_FRONTAL_CINGULATE = {23, 24, 25, 26, 27, 28, 31, 32, 33, 34};
    static final int OCCIPITAL_SLAB = 5, TEMPORAL_SLAB = 3;

    private DevelopmentSuite() { }

    /** The named cases ({@link #ALL} or a subset), in the order given. */
    public static List<BenchmarkCase> build(SuiteTemplates t, List<String> names) {
        List<BenchmarkCase> cases = new ArrayList<>();
        for (String n : names) cases.add(build(t, n));
        return cases;
    }

    public static BenchmarkCase build(SuiteTemplates t, String name) {
        return switch (name) {
            case DEEP_GREY -> atlasCase(name, t.ch2(), AtlasSelection.renumber(t.aal(), AalDeepGreyMatter.AAL_LABELS, Side.BOTH), "axial");
            case BRODMANN -> atlasCase(name, t.ch2(), right(t.brodmann(), 10), "axial");
            case TEMPORAL -> atlasCase(name, t.ch2(), AtlasSelection.renumber(t.aal(), TEMPORAL_R, Side.BOTH), "coronal");
            case OCCIPITAL -> atlasCase(name, t.ch2(), AtlasSelection.renumber(t.aal(), OCCIPITAL_LOBES, Side.BOTH), "axial");
            case MEDIAL_FRONTAL -> atlasCase(name, t.ch2(), AtlasSelection.renumber(t.aal(), MEDIAL_FRONTAL_CINGULATE, Side.BOTH), "sagittal");
            case OCCIPITAL_THICK -> thick(name, build(t, OCCIPITAL), OCCIPITAL_SLAB);
            case TEMPORAL_THICK -> thick(name, build(t, TEMPORAL), TEMPORAL_SLAB);
            case INIA19 -> atlasCase(name, t.inia19(), right(t.neuroMaps(), 12), "coronal");
            default -> throw new IllegalArgumentException("unknown suite case '" + name + "', expected one of " + ALL);
        };
    }

    private static LabelVolume right(LabelVolume atlas, int count) {
        return AtlasSelection.renumber(atlas, AtlasSelection.largest(atlas, count, Side.RIGHT), Side.RIGHT);
    }

    private static BenchmarkCase atlasCase(String name, Volume image, LabelVolume structures, String plane) {
        StructureCrop c = StructureCrop.of(image, structures, StructureCrop.MARGIN);
        SliceAxis axis = AxisNames.resolve(plane, c.image().grid());
        return new BenchmarkCase(name, c.image(), c.labels(), axis, Protocols.all(c.labels(), axis, 10));
    }

    /** The thin case resampled to slabs of {@code factor} slices along its axis; every 3rd slice instead of every 10th. */
    private static BenchmarkCase thick(String name, BenchmarkCase thin, int factor) {
        SlabResampling r = new SlabResampling(thin.axis(), factor);
        LabelVolume truth = r.labels(thin.truth());
        Map<String, int[]> protocols = Protocols.all(truth, thin.axis(), 3);
        return new BenchmarkCase(name, r.image(thin.image()), truth, thin.axis(), protocols);
    }
}

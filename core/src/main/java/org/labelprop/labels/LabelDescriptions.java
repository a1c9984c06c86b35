// SPDX-License-Identifier: Apache-2.0
package org.labelprop.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A set of label descriptions, one per value, sorted by value; values without one get {@link LabelDescription#byDefault}. */
public record LabelDescriptions(List<LabelDescription> entries) {
    public LabelDescriptions {
        List<LabelDescription> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(LabelDescription::value));
        for (int i = 1; i < sorted.size(); i++)
            if (sorted.get(i).value() == sorted.get(i - 1).value())
                throw new IllegalArgumentException("label " + sorted.get(i).value() + " is described twice (\"" + sorted.get(i - 1).name()
                    + "\" and \"" + sorted.get(i).name() + "\"); expected one description per value");
        entries = List.copyOf(sorted);
    }

    public static LabelDescriptions empty() { return new LabelDescriptions(List.of()); }

    /** Default descriptions ("Label N", palette colours) for the given values. */
    public static LabelDescriptions defaults(int... values) {
        List<LabelDescription> list = new ArrayList<>();
        for (int v : values) list.add(LabelDescription.byDefault(v));
        return new LabelDescriptions(list);
    }

    /** The description of {@code value}, if there is one. */
    public Optional<LabelDescription> find(int value) {
        return entries.stream().filter(d -> d.value() == value).findFirst();
    }

    /** The description of {@code value}, or its default. */
    public LabelDescription describe(int value) { return find(value).orElseGet(() -> LabelDescription.byDefault(value)); }

    /** These descriptions with {@code d} added, replacing any description of the same value. */
    public LabelDescriptions with(LabelDescription d) {
        TreeMap<Integer, LabelDescription> map = new TreeMap<>();
        for (LabelDescription e : entries) map.put(e.value(), e);
        map.put(d.value(), d);
        return new LabelDescriptions(new ArrayList<>(map.values()));
    }

    /** The descriptions of the non-zero {@code values} and of every value described here, defaults where missing; sorted. */
    public LabelDescriptions completedFor(int... values) {
        TreeMap<Integer, LabelDescription> map = new TreeMap<>();
        for (LabelDescription e : entries) if (e.value() != 0) map.put(e.value(), e);
        for (int v : values) if (v != 0) map.putIfAbsent(v, describe(v));
        return new LabelDescriptions(new ArrayList<>(map.values()));
    }
}

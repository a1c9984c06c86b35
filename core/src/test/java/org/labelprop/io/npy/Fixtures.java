// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The NumPy-made fixtures of this package (see make_fixtures.py) and the value rule they follow. */
final class Fixtures {
    private Fixtures() { }

    static InputStream stream(String name) {
        InputStream in = Fixtures.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing test resource " + name);
        return in;
    }

    static Path copy(String name, Path dir) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = stream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The value make_fixtures.py stores at C-order position {@code c} for type {@code code}. */
    static double expected(String code, int c) {
        if (code.equals("b1")) return c % 3 == 0 ? 1 : 0;
        return code.startsWith("u") ? c : c - 5;
    }

    /** C-order position of element {@code index} of a (2, 3, 4) array laid out in {@code order}. */
    static int cPosition(int index, NpyOrder order) {
        if (order == NpyOrder.C) return index;
        int i = index % 2, j = index / 2 % 3, k = index / 6;
        return 12 * i + 4 * j + k;
    }
}

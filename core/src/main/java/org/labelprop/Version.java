// SPDX-License-Identifier: Apache-2.0
package org.labelprop;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of LabelProp for Java, from the build. */
public final class Version {
    private static final String VERSION = load();

    private Version() { }

    public static String get() { return VERSION; }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

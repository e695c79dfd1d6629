package org.hrnode.aiqc.metrics;

/**
 * Loads OpenCV's native library once per JVM. {@code nu.pattern.OpenCV.loadLocally()} extracts the platform
 * library from the openpnp jar and {@code System.load}s it; its other entry point, {@code loadShared()}, rewrites
 * the JDK's library path by reflection and fails on every JDK since 12, so it must not be used. Needs
 * {@code --enable-native-access=ALL-UNNAMED} on the JVM to run without a warning.
 */
public final class OpenCvLoader {

    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCvLoader.class) {
            if (!loaded) {
                nu.pattern.OpenCV.loadLocally();
                loaded = true;
            }
        }
    }
}

package org.hrnode.aiqc.check;

/** What a check looks at: one image, one series, or the whole study. */
public enum Level {
    IMAGE, SERIES, STUDY
}

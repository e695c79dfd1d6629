package org.hrnode.aiqc.catalog;

import java.util.Objects;

/**
 * A body region of the vocabulary ({@code catalog-vocabulary.tsv}): a stable key (KNEE, LSPINE…), its Chinese and
 * English names, and whether it is paired, i.e. needs a laterality (左/右/双) to be recognised.
 */
public record Region(String key, String zh, String en, boolean paired) {

    public Region {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    @Override
    public String toString() {
        return zh + " (" + key + ")";
    }
}

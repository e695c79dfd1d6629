package org.hrnode.aiqc.pipeline;

import java.util.Objects;

/**
 * A catalogue item (川渝 spec Appendix A, 141 items) a study was matched to.
 *
 * @param no         the item's number in the catalogue (1-141)
 * @param name       the item's name as the catalogue writes it
 * @param confidence 0-1
 */
public record CatalogueMatch(int no, String name, double confidence) {

    public CatalogueMatch {
        Objects.requireNonNull(name, "name");
        if (no < 1) {
            throw new IllegalArgumentException("catalogue item numbers start at 1, got " + no);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0-1, got " + confidence);
        }
    }
}

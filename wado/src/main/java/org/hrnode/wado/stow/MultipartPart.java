package org.hrnode.wado.stow;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One body part of a multipart request, as {@link MultipartRelatedReader} hands it out: its headers and a stream of
 * its body that ends at the part's closing delimiter. The stream is valid until the next part is asked for.
 *
 * @param number  1 for the first part, for messages
 * @param headers header names in lower case, values as sent (the last one wins for a repeated name)
 */
public record MultipartPart(int number, Map<String, String> headers, InputStream body) {

    public MultipartPart {
        headers = Map.copyOf(headers);
    }

    /** A header's value by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}

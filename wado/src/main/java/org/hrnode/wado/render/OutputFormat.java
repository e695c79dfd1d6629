package org.hrnode.wado.render;

import java.util.List;
import java.util.Optional;

/** The media types rendered images are written in (PS3.18 §8.7.4): JPEG first, as the default. */
public enum OutputFormat {

    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String imageIoName;

    OutputFormat(String mediaType, String imageIoName) {
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
    }

    public String mediaType() {
        return mediaType;
    }

    String imageIoName() {
        return imageIoName;
    }

    /** The format of a media type without parameters ({@code image/png}), case-insensitively. */
    public static Optional<OutputFormat> ofMediaType(String type) {
        for (OutputFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(type.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Every media type the renderer writes, for error messages. */
    public static List<String> mediaTypes() {
        return List.of(JPEG.mediaType, PNG.mediaType);
    }
}

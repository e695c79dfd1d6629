package org.hrnode.aiqc.model;

/**
 * One real image the training data is made from.
 *
 * @param id    where it came from, relative to the data folder (with the frame for multi-frame objects)
 * @param group the source it belongs to for the train/held-out split: every slice of a series and every
 *              encoding of the same picture share one group, so no source is on both sides
 */
public record SourceImage(String id, String group, QcModality modality, WorkingImage image) {
}

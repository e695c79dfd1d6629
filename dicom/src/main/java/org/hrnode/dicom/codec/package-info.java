/**
 * Pixel data codecs: decoding every lossless transfer syntax a modality sends and encoding the lossless ones HR
 * Node stores (JPEG-LS, JPEG 2000, RLE), with frames exchanged in the uncompressed DICOM layout a
 * {@link org.hrnode.dicom.codec.PixelDescription} describes.
 *
 * <p>{@link org.hrnode.dicom.codec.Codecs} says what runs on this machine (JPEG-LS needs Debian's libcharls2) and
 * {@link org.hrnode.dicom.codec.Transcoder} moves a dataset between syntaxes, proving every encoding by decoding
 * it again. Nothing here ever produces lossy pixel data.
 */
package org.hrnode.dicom.codec;

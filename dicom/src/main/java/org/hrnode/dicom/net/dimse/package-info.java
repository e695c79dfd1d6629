/**
 * DIMSE messaging (PS3.7): command sets ({@link org.hrnode.dicom.net.dimse.DimseCommand}, always Implicit VR
 * Little Endian with a computed group length), the status catalogue ({@link org.hrnode.dicom.net.dimse.Status}),
 * the single mapping of service failures to responses ({@link org.hrnode.dicom.net.dimse.DicomServiceException}),
 * and {@link org.hrnode.dicom.net.dimse.DimseChannel}, which sends and receives messages over one association
 * with data sets streamed, never buffered whole.
 */
package org.hrnode.dicom.net.dimse;

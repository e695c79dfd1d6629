/**
 * The DICOM Upper Layer protocol data units of PS3.8 §9.3 and the user information sub-items of PS3.7 Annex D,
 * as immutable values, with a pure incremental decoder ({@link org.hrnode.dicom.net.pdu.PduDecoder}: feed bytes,
 * get PDUs or "need more", never blocks, never trusts a length) and an encoder
 * ({@link org.hrnode.dicom.net.pdu.PduEncoder}).
 *
 * <p>Nothing here does IO or knows about associations; the state machine that decides what a PDU means lives in
 * {@code net.ul}. Items of unknown type inside an A-ASSOCIATE-RQ/AC or its user information are kept as
 * {@link org.hrnode.dicom.net.pdu.UnknownItem} (PS3.8 §9.3.1: ignored, never an error), so they can be logged and
 * re-encoded unchanged.
 */
package org.hrnode.dicom.net.pdu;

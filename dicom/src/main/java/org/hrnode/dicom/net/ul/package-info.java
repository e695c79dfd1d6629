/**
 * The DICOM Upper Layer (PS3.8 §9): the state machine as data ({@link org.hrnode.dicom.net.ul.StateTable}), one
 * {@link org.hrnode.dicom.net.ul.Association} per connection driven by it, the acceptor and requestor, association
 * negotiation as a pure function with pluggable policies (presentation contexts, roles, user identity, AE titles),
 * and P-DATA as plain streams ({@link org.hrnode.dicom.net.ul.PDVInputStream},
 * {@link org.hrnode.dicom.net.ul.PDVOutputStream}).
 *
 * <p>Threads: one blocking reader per association, on a virtual thread; nothing here starts a thread in a
 * constructor or polls. Every wait is bounded ({@link org.hrnode.dicom.net.ul.Timeouts}); PDU sizes and the
 * number of associations are capped.
 */
package org.hrnode.dicom.net.ul;

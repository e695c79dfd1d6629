/**
 * DIMSE services on top of {@code net.dimse}: the {@link org.hrnode.dicom.net.service.ServiceRegistry} that
 * dispatches requests by SOP class and command, the SCPs (C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET) with the handler
 * interfaces the application implements ({@link org.hrnode.dicom.net.service.StoreHandler},
 * {@link org.hrnode.dicom.net.service.FindHandler}, {@link org.hrnode.dicom.net.service.MoveHandler},
 * {@link org.hrnode.dicom.net.service.RetrieveHandler}), and minimal SCUs.
 *
 * <p>Wiring an acceptor: build a registry, then
 * {@code DicomServer.start(AcceptorConfig.builder("HRNODE").bind(address).acceptancePolicy(...), registry)}.
 */
package org.hrnode.dicom.net.service;

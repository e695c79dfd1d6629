package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.dicom.net.ul.AssociationAcceptor;
import org.hrnode.dicom.net.ul.SupportedPresentationContexts;

/**
 * An {@link AssociationAcceptor} serving a {@link ServiceRegistry}: the usual way for the application to offer
 * DIMSE services. Unless the configuration names a presentation context policy, every SOP class of the registry
 * is accepted in {@link #DEFAULT_TRANSFER_SYNTAXES}.
 */
public final class DicomServer implements AutoCloseable {

    /**
     * Our preference when accepting: Explicit VR LE, Implicit VR LE, Deflated, then every encapsulated syntax we
     * know (lossless before lossy, so a requestor offering both sends lossless), Big Endian last.
     */
    public static final List<String> DEFAULT_TRANSFER_SYNTAXES = defaultTransferSyntaxes();

    private final AssociationAcceptor acceptor;
    private final ServiceRegistry services;

    private DicomServer(AssociationAcceptor acceptor, ServiceRegistry services) {
        this.acceptor = acceptor;
        this.services = services;
    }

    /** Binds and starts serving. */
    public static DicomServer start(AcceptorConfig.Builder config, ServiceRegistry services) throws IOException {
        if (!config.hasPresentationContextPolicy()) {
            config.presentationContextPolicy(new SupportedPresentationContexts(services.abstractSyntaxes(),
                    DEFAULT_TRANSFER_SYNTAXES));
        }
        AssociationAcceptor acceptor = AssociationAcceptor.start(config.build(),
                association -> new DimseChannel(association, services));
        return new DicomServer(acceptor, services);
    }

    public int port() {
        return acceptor.port();
    }

    public AssociationAcceptor acceptor() {
        return acceptor;
    }

    public ServiceRegistry services() {
        return services;
    }

    @Override
    public void close() {
        acceptor.close();
    }

    /**
     * Stops accepting and lets associations in progress finish for up to {@code drain}, then aborts the rest; see
     * {@link org.hrnode.dicom.net.ul.AssociationAcceptor#close(java.time.Duration)}.
     */
    public void close(java.time.Duration drain) {
        acceptor.close(drain);
    }

    private static List<String> defaultTransferSyntaxes() {
        List<String> order = new ArrayList<>(List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid()));
        for (TransferSyntax ts : TransferSyntax.all()) {
            if (ts.isEncapsulated() && ts.isLossless() && !order.contains(ts.uid())) {
                order.add(ts.uid());
            }
        }
        for (TransferSyntax ts : TransferSyntax.all()) {
            if (ts.isEncapsulated() && !order.contains(ts.uid())) {
                order.add(ts.uid());
            }
        }
        order.add(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid());
        return List.copyOf(order);
    }
}

package org.hrnode.node.dimse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.ul.PresentationContextDecision;
import org.hrnode.dicom.net.ul.PresentationContextPolicy;
import org.hrnode.dicom.net.ul.SupportedPresentationContexts;
import org.hrnode.node.ingest.ImageStorageSopClasses;

/**
 * Negotiation of the lossless rule (川渝互认 spec §7.1): what a sender may store here is decided before a byte of
 * pixel data travels. Image storage classes ({@link ImageStorageSopClasses}) are accepted uncompressed or in a
 * lossless compressed syntax; every other storage class (SR, PDF, KOS, RT plans…) uncompressed only. A context that
 * offers only lossy (or unknown) syntaxes is rejected with transfer-syntaxes-not-supported, so the sender learns it
 * at association time and can send a lossless rendition instead.
 *
 * <p>Everything else is decided as without this rule ({@link DicomServer#DEFAULT_TRANSFER_SYNTAXES}): verification,
 * query and retrieve models, and the storage contexts a C-GET SCU proposes in the SCP role only, on which this node
 * sends what it holds and never receives.
 */
public final class LosslessPresentationContextPolicy implements PresentationContextPolicy {

    /** Pixels as acquired; Deflate compresses the data set, not the pixels. Big Endian last: retired, but readable. */
    static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid());

    /**
     * The lossless compressed syntaxes an image may arrive in; the ingest path proves each object decodes. Other
     * syntaxes classified lossless (JPEG XL lossless, Deflated Image Frame Compression, JPEG 2000 multi-component)
     * are not offered: no codec here could prove their pixels, and the programme's viewers do not read them.
     */
    static final List<String> LOSSLESS_COMPRESSED = List.of(TransferSyntax.JPEG_LS_LOSSLESS.uid(),
            TransferSyntax.JPEG_2000_LOSSLESS.uid(), TransferSyntax.JPEG_LOSSLESS_SV1.uid(),
            TransferSyntax.JPEG_LOSSLESS.uid(), TransferSyntax.RLE_LOSSLESS.uid(),
            TransferSyntax.HTJ2K_LOSSLESS.uid(), TransferSyntax.HTJ2K_LOSSLESS_RPCL.uid());

    private final Set<String> storageClasses;
    private final SupportedPresentationContexts unrestricted;
    private final SupportedPresentationContexts images;
    private final SupportedPresentationContexts nonImages;

    /**
     * @param abstractSyntaxes every abstract syntax the node serves (its service registry's)
     * @param storageClasses those of them that are storage SOP classes, to which the rule applies
     */
    public LosslessPresentationContextPolicy(Set<String> abstractSyntaxes, Set<String> storageClasses) {
        this.storageClasses = Set.copyOf(storageClasses);
        this.unrestricted = new SupportedPresentationContexts(abstractSyntaxes,
                DicomServer.DEFAULT_TRANSFER_SYNTAXES);
        Set<String> imageClasses = new HashSet<>(storageClasses);
        imageClasses.retainAll(ImageStorageSopClasses.all());
        Set<String> otherClasses = new HashSet<>(storageClasses);
        otherClasses.removeAll(imageClasses);
        this.images = new SupportedPresentationContexts(imageClasses, lossless());
        this.nonImages = new SupportedPresentationContexts(otherClasses, UNCOMPRESSED);
    }

    /** Uncompressed first (ours to compress as we choose), then lossless compressed, Big Endian last. */
    private static List<String> lossless() {
        List<String> order = new ArrayList<>(UNCOMPRESSED.subList(0, UNCOMPRESSED.size() - 1));
        order.addAll(LOSSLESS_COMPRESSED);
        order.add(UNCOMPRESSED.getLast());
        return order;
    }

    @Override
    public PresentationContextDecision decide(AAssociateRQ request, PresentationContextRQ proposed) {
        String sopClass = proposed.abstractSyntax();
        if (!storageClasses.contains(sopClass) || onlyRetrieves(request, sopClass)) {
            return unrestricted.decide(request, proposed);
        }
        return (ImageStorageSopClasses.isImage(sopClass) ? images : nonImages).decide(request, proposed);
    }

    /**
     * Whether the requestor proposed this storage class for the SCP role alone (a C-GET SCU): it receives
     * instances on that context and cannot send any, so what it takes is a matter of retrieval, not ingest.
     */
    private static boolean onlyRetrieves(AAssociateRQ request, String sopClass) {
        return request.userInformation().roleSelectionFor(sopClass)
                .map(role -> role.scpRole() && !role.scuRole()).orElse(false);
    }
}

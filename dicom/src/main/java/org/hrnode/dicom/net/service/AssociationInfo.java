package org.hrnode.dicom.net.service;

import java.net.InetSocketAddress;
import org.hrnode.dicom.net.ul.Association;

/**
 * Who asked: the association a request arrived on, as handlers need it for access control, audit and logging.
 *
 * @param name {@code CALLED<-CALLING(#n)}, unique per association in this process
 */
public record AssociationInfo(String name, String callingAETitle, String calledAETitle,
        InetSocketAddress remoteAddress) {

    public static AssociationInfo of(Association association) {
        return new AssociationInfo(association.name(), association.callingAETitle(), association.calledAETitle(),
                association.remoteAddress());
    }
}

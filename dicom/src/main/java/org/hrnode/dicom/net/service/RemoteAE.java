package org.hrnode.dicom.net.service;

import java.net.InetSocketAddress;
import java.util.Objects;

/** Another application entity: its title and where it listens. */
public record RemoteAE(String aeTitle, InetSocketAddress address) {

    public RemoteAE {
        Objects.requireNonNull(aeTitle, "aeTitle");
        Objects.requireNonNull(address, "address");
    }
}

package org.hrnode.dicom.net.pdu;

import java.util.Arrays;

/**
 * User Identity sub-item of an acceptance (PS3.7 D.3.3.7.2): the server response (a Kerberos ticket, SAML
 * response or JWT; empty for username types). Sent only when the requestor asked for a positive response.
 */
public record UserIdentityAC(byte[] serverResponse) {

    public UserIdentityAC {
        serverResponse = serverResponse.clone();
    }

    @Override
    public byte[] serverResponse() {
        return serverResponse.clone();
    }

    byte[] responseUnsafe() {
        return serverResponse;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityAC u && Arrays.equals(u.serverResponse, serverResponse);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serverResponse);
    }

    @Override
    public String toString() {
        return "UserIdentityAC[serverResponse=<" + serverResponse.length + " bytes>]";
    }
}

package org.hrnode.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The User Information item (PS3.8 §9.3.2.3, sub-items in PS3.7 Annex D) of an A-ASSOCIATE-RQ or -AC.
 *
 * @param maximumLength Maximum Length Received: the longest P-DATA-TF variable field the sender accepts; 0 = no
 *     limit (an unsigned 32-bit value)
 * @param implementationVersionName null when the sub-item is absent
 * @param asynchronousOperationsWindow null when absent (one operation each way)
 * @param userIdentityRQ null when absent; only in requests
 * @param userIdentityAC null when absent; only in acceptances
 * @param unknownItems sub-items of unknown type, kept as received
 */
public record UserInformation(long maximumLength, String implementationClassUid, String implementationVersionName,
        AsynchronousOperationsWindow asynchronousOperationsWindow, List<RoleSelection> roleSelections,
        List<SOPClassExtendedNegotiation> extendedNegotiations,
        List<SOPClassCommonExtendedNegotiation> commonExtendedNegotiations, UserIdentityRQ userIdentityRQ,
        UserIdentityAC userIdentityAC, List<UnknownItem> unknownItems) {

    /** Largest value of the 32-bit Maximum Length field. */
    public static final long MAX_MAXIMUM_LENGTH = 0xFFFF_FFFFL;

    public UserInformation {
        if (maximumLength < 0 || maximumLength > MAX_MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("maximumLength is an unsigned 32-bit value: " + maximumLength);
        }
        Objects.requireNonNull(implementationClassUid, "implementationClassUid");
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiations = List.copyOf(extendedNegotiations);
        commonExtendedNegotiations = List.copyOf(commonExtendedNegotiations);
        unknownItems = List.copyOf(unknownItems);
    }

    /** The three sub-items every implementation sends. */
    public static UserInformation of(long maximumLength, String implementationClassUid,
            String implementationVersionName) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName, null,
                List.of(), List.of(), List.of(), null, null, List.of());
    }

    public Optional<AsynchronousOperationsWindow> asynchronousOperations() {
        return Optional.ofNullable(asynchronousOperationsWindow);
    }

    public Optional<UserIdentityRQ> userIdentityRequest() {
        return Optional.ofNullable(userIdentityRQ);
    }

    public Optional<UserIdentityAC> userIdentityResponse() {
        return Optional.ofNullable(userIdentityAC);
    }

    /** The role selection for a SOP class, if one was sent. */
    public Optional<RoleSelection> roleSelectionFor(String sopClassUid) {
        return roleSelections.stream().filter(r -> r.sopClassUid().equals(sopClassUid)).findFirst();
    }

    public UserInformation withAsynchronousOperationsWindow(AsynchronousOperationsWindow window) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName, window,
                roleSelections, extendedNegotiations, commonExtendedNegotiations, userIdentityRQ, userIdentityAC,
                unknownItems);
    }

    public UserInformation withRoleSelection(RoleSelection selection) {
        List<RoleSelection> all = new ArrayList<>(roleSelections);
        all.add(selection);
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, all, extendedNegotiations, commonExtendedNegotiations, userIdentityRQ,
                userIdentityAC, unknownItems);
    }

    public UserInformation withRoleSelections(List<RoleSelection> selections) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, selections, extendedNegotiations, commonExtendedNegotiations,
                userIdentityRQ, userIdentityAC, unknownItems);
    }

    public UserInformation withExtendedNegotiations(List<SOPClassExtendedNegotiation> negotiations) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, roleSelections, negotiations, commonExtendedNegotiations,
                userIdentityRQ, userIdentityAC, unknownItems);
    }

    public UserInformation withCommonExtendedNegotiations(List<SOPClassCommonExtendedNegotiation> negotiations) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, roleSelections, extendedNegotiations, negotiations, userIdentityRQ,
                userIdentityAC, unknownItems);
    }

    public UserInformation withUserIdentityRQ(UserIdentityRQ identity) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, roleSelections, extendedNegotiations, commonExtendedNegotiations,
                identity, userIdentityAC, unknownItems);
    }

    public UserInformation withUserIdentityAC(UserIdentityAC identity) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, roleSelections, extendedNegotiations, commonExtendedNegotiations,
                userIdentityRQ, identity, unknownItems);
    }

    public UserInformation withUnknownItems(List<UnknownItem> items) {
        return new UserInformation(maximumLength, implementationClassUid, implementationVersionName,
                asynchronousOperationsWindow, roleSelections, extendedNegotiations, commonExtendedNegotiations,
                userIdentityRQ, userIdentityAC, items);
    }
}

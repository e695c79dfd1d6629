package org.hrnode.node.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * De-identification by the PS3.15 Annex E Basic Application Level Confidentiality Profile (Table E.1-1, basic
 * profile column, no options): identifying attributes removed (X) or emptied (Z), instance UIDs replaced (U)
 * consistently across everything one {@code BasicProfile} handles, and every private attribute removed. Applied at
 * every nesting level, so references inside sequences follow the new UIDs. Where the table allows X or Z/D this
 * removes or empties; no dummy value is invented.
 *
 * <p>New UIDs are {@code 2.25.} plus 128 bits of HMAC-SHA256(per-export random key, old UID): the same old UID maps
 * to the same new one within an export, and without the key (never stored) a new UID cannot be traced back.
 */
public final class BasicProfile {

    /** What Table E.1-1 asks for an attribute. */
    enum Action { REMOVE, EMPTY, REPLACE_UID }

    static final Map<Integer, Action> ACTIONS = new HashMap<>();

    static {
        for (int tag : new int[] {Tag.PatientAddress, Tag.OtherPatientIDs, Tag.OtherPatientNames,
                Tag.PatientTelephoneNumbers, Tag.InstitutionName, Tag.InstitutionAddress, Tag.PerformingPhysicianName,
                Tag.OperatorsName, Tag.NameOfPhysiciansReadingStudy, Tag.StationName, Tag.RequestingPhysician,
                Tag.PatientComments, Tag.AdditionalPatientHistory, Tag.DeviceSerialNumber,
                Tag.InstitutionalDepartmentName, Tag.PhysiciansOfRecord, Tag.MedicalRecordLocator, Tag.EthnicGroup,
                Tag.Occupation, Tag.PatientBirthTime, Tag.IssuerOfPatientID, Tag.PatientMotherBirthName,
                Tag.MilitaryRank, Tag.RequestAttributesSequence, Tag.ReferencedPatientSequence,
                Tag.StudyDescription, Tag.SeriesDescription, Tag.ProtocolName, Tag.ImageComments,
                Tag.PerformedProcedureStepID, Tag.ScheduledProcedureStepID, Tag.RequestedProcedureID,
                Tag.ResponsiblePerson, Tag.PatientWeight, Tag.PatientSize, Tag.PatientAge, Tag.SeriesDate,
                Tag.AcquisitionDateTime, Tag.InstanceCreationDate}) {
            ACTIONS.put(tag, Action.REMOVE);
        }
        for (int tag : new int[] {Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
                Tag.ReferringPhysicianName, Tag.AccessionNumber, Tag.StudyID, Tag.StudyDate, Tag.StudyTime,
                Tag.ContentDate, Tag.ContentCreatorName}) {
            ACTIONS.put(tag, Action.EMPTY);
        }
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID,
                Tag.FrameOfReferenceUID, Tag.ReferencedSOPInstanceUID, Tag.InstanceCreatorUID,
                Tag.StorageMediaFileSetUID, Tag.IrradiationEventUID}) {
            ACTIONS.put(tag, Action.REPLACE_UID);
        }
    }

    static final String METHOD = "PS3.15 E.1 Basic Application Level Confidentiality Profile (HR Node)";

    private final Mac uidMac;
    private final Map<String, String> uids = new HashMap<>();

    public BasicProfile() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            uidMac = Mac.getInstance("HmacSHA256");
            uidMac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** De-identifies {@code dataset} in place and marks it as such. */
    public void apply(Dataset dataset) {
        walk(dataset);
        dataset.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        dataset.setString(Tag.DeidentificationMethod, VR.LO, METHOD);
    }

    /** The new UID of {@code uid}: the same for the same input within this profile's export. */
    public synchronized String newUid(String uid) {
        return uids.computeIfAbsent(uid, old -> {
            byte[] mac = uidMac.doFinal(old.getBytes(StandardCharsets.US_ASCII));
            return "2.25." + new BigInteger(1, java.util.Arrays.copyOf(mac, 16));
        });
    }

    private void walk(Dataset d) {
        int[] tags = new int[d.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = d.tagAt(i);
        }
        for (int tag : tags) {
            if (((tag >>> 16) & 1) == 1) { // private group: the basic profile removes them all
                d.remove(tag);
                continue;
            }
            Action action = ACTIONS.get(tag);
            if (action == Action.REMOVE) {
                d.remove(tag);
            } else if (action == Action.EMPTY) {
                d.set(tag, d.vrOf(tag), null);
            } else if (action == Action.REPLACE_UID) {
                String[] values = d.getStrings(tag);
                String[] replaced = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    replaced[i] = newUid(values[i]);
                }
                d.setString(tag, VR.UI, replaced);
            } else if (d.getValue(tag) instanceof Sequence sequence) {
                for (Dataset item : sequence) {
                    walk(item);
                }
            }
        }
    }
}

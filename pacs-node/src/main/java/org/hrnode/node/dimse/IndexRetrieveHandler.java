package org.hrnode.node.dimse;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.service.MoveHandler;
import org.hrnode.dicom.net.service.RemoteAE;
import org.hrnode.dicom.net.service.RetrieveInstance;
import org.hrnode.dicom.net.service.RetrieveRequest;
import org.hrnode.node.audit.DimseAudit;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * C-MOVE and C-GET from the index: the identifier's unique keys at its level name the patients, studies, series or
 * instances; move destinations come from the AE registry.
 */
public final class IndexRetrieveHandler implements MoveHandler {

    private final Index index;
    private final BlobStore blobs;
    private final AeRegistry aeRegistry;

    private final DimseAudit audit;

    public IndexRetrieveHandler(Index index, BlobStore blobs, AeRegistry aeRegistry) {
        this(index, blobs, aeRegistry, DimseAudit.none());
    }

    public IndexRetrieveHandler(Index index, BlobStore blobs, AeRegistry aeRegistry, DimseAudit audit) {
        this.audit = audit;
        this.index = index;
        this.blobs = blobs;
        this.aeRegistry = aeRegistry;
    }

    @Override
    public Optional<RemoteAE> destination(String aeTitle) {
        return aeRegistry.find(aeTitle)
                .map(ae -> new RemoteAE(ae.aeTitle(), new InetSocketAddress(ae.host(), ae.port())));
    }

    @Override
    public List<RetrieveInstance> instances(RetrieveRequest request) throws DicomServiceException {
        try {
            List<RetrieveInstance> found = instancesUnaudited(request);
            audit.record(request.association(), AuditAction.RETRIEVE, "ok", request.identifier(),
                    found.size() + " instances, " + request.informationModel());
            return found;
        } catch (DicomServiceException e) {
            audit.record(request.association(), AuditAction.RETRIEVE, "refused:" + e.getMessage(),
                    request.identifier(), request.informationModel());
            throw e;
        }
    }

    private List<RetrieveInstance> instancesUnaudited(RetrieveRequest request) throws DicomServiceException {
        QueryModels.of(request.informationModel());
        Dataset identifier = request.identifier();
        QueryLevel level = QueryModels.level(identifier);
        int keyTag = switch (level) {
            case PATIENT -> Tag.PatientID;
            case STUDY -> Tag.StudyInstanceUID;
            case SERIES -> Tag.SeriesInstanceUID;
            case IMAGE -> Tag.SOPInstanceUID;
        };
        String[] keys = identifier.getStrings(keyTag);
        if (keys.length == 0) {
            throw new DicomServiceException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "a " + level.code() + " level retrieve needs " + org.hrnode.dicom.data.Tags.toString(keyTag));
        }
        List<StoredInstanceRef> refs;
        try {
            refs = index.instancesOf(level, List.of(keys));
        } catch (IndexUnavailableException e) {
            throw new DicomServiceException(Status.OUT_OF_RESOURCES_UNABLE_TO_CALCULATE_NUMBER_OF_MATCHES,
                    "database unavailable: " + e.getMessage(), e);
        }
        List<RetrieveInstance> out = new ArrayList<>(refs.size());
        for (StoredInstanceRef ref : refs) {
            out.add(new StoredInstance(ref, blobs));
        }
        return out;
    }

    public static List<String> moveModels() {
        return List.of(UID.PatientRootQueryRetrieveInformationModelMove, UID.StudyRootQueryRetrieveInformationModelMove);
    }

    public static List<String> getModels() {
        return List.of(UID.PatientRootQueryRetrieveInformationModelGet, UID.StudyRootQueryRetrieveInformationModelGet);
    }
}

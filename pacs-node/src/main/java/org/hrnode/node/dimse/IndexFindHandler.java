package org.hrnode.node.dimse;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.service.FindHandler;
import org.hrnode.dicom.net.service.FindRequest;
import org.hrnode.node.audit.DimseAudit;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.query.InformationModel;
import org.hrnode.storage.index.query.InvalidQueryException;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * C-FIND (Patient Root and Study Root) answered from the index. Matches stream from a database cursor one response
 * at a time; every response declares UTF-8 (ISO_IR 192) so Chinese names travel intact whatever the sender used.
 */
public final class IndexFindHandler implements FindHandler {

    private static final String UTF8 = "ISO_IR 192";

    private final Index index;
    private final DimseAudit audit;

    public IndexFindHandler(Index index) {
        this(index, DimseAudit.none());
    }

    public IndexFindHandler(Index index, DimseAudit audit) {
        this.index = index;
        this.audit = audit;
    }

    @Override
    public Stream<Dataset> find(FindRequest request) throws DicomServiceException {
        try {
            Stream<Dataset> matches = findUnaudited(request);
            audit.record(request.association(), AuditAction.QUERY, "ok", request.identifier(), "C-FIND");
            return matches;
        } catch (DicomServiceException e) {
            audit.record(request.association(), AuditAction.QUERY, "refused:" + e.getMessage(),
                    request.identifier(), "C-FIND");
            throw e;
        }
    }

    private Stream<Dataset> findUnaudited(FindRequest request) throws DicomServiceException {
        InformationModel model = QueryModels.of(request.informationModel());
        QueryLevel level = QueryModels.level(request.identifier());
        Query query;
        try {
            query = Query.fromIdentifier(request.identifier(), level, model);
        } catch (InvalidQueryException e) {
            throw new DicomServiceException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage(), e);
        }
        QueryResults results;
        try {
            results = index.query(query);
        } catch (IndexUnavailableException e) {
            throw new DicomServiceException(Status.OUT_OF_RESOURCES_UNABLE_TO_CALCULATE_NUMBER_OF_MATCHES,
                    "database unavailable: " + e.getMessage(), e);
        }
        String levelCode = level.code();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results, Spliterator.ORDERED), false)
                .map(match -> {
                    match.setString(Tag.SpecificCharacterSet, VR.CS, UTF8);
                    match.setString(Tag.QueryRetrieveLevel, VR.CS, levelCode);
                    return match;
                })
                .onClose(results::close);
    }

    /** The Q/R information models this handler answers. */
    public static java.util.List<String> informationModels() {
        return java.util.List.of(UID.PatientRootQueryRetrieveInformationModelFind,
                UID.StudyRootQueryRetrieveInformationModelFind);
    }
}

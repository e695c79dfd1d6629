package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.CommandField;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;

/**
 * Which service performs which request: a table from (SOP class, command field) to {@link DimseService}, built
 * once and then read-only. Dispatch refuses what is not registered with SOP Class Not Supported (0122H) or
 * Unrecognized Operation (0211H), and a request on a context where this side did not negotiate the SCP role with
 * Not Authorized (0124H).
 *
 * <p>{@link #abstractSyntaxes()} is what the default presentation context policy accepts.
 */
public final class ServiceRegistry implements DimseRequestHandler {

    private final Map<String, Map<Integer, DimseService>> services;
    private final Set<String> abstractSyntaxes;

    private ServiceRegistry(Builder b) {
        Map<String, Map<Integer, DimseService>> copy = new HashMap<>();
        b.services.forEach((sopClass, byField) -> copy.put(sopClass, Map.copyOf(byField)));
        this.services = Map.copyOf(copy);
        LinkedHashSet<String> all = new LinkedHashSet<>(b.services.keySet());
        all.addAll(b.extraAbstractSyntaxes);
        this.abstractSyntaxes = Set.copyOf(all);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every SOP class something is registered for, plus those added with {@link Builder#abstractSyntaxes}. */
    public Set<String> abstractSyntaxes() {
        return abstractSyntaxes;
    }

    @Override
    public void onRequest(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet) throws IOException {
        String sopClass = request.affectedSopClassUid().orElse(context.abstractSyntax());
        Map<Integer, DimseService> forClass = services.get(context.abstractSyntax());
        if (forClass == null || !sopClass.equals(context.abstractSyntax())) {
            refuse(channel, context, request, dataSet, Status.SOP_CLASS_NOT_SUPPORTED,
                    forClass == null ? "no service for this SOP class" : "SOP class differs from the context's");
            return;
        }
        DimseService service = forClass.get(request.commandFieldCode());
        if (service == null) {
            refuse(channel, context, request, dataSet, Status.UNRECOGNIZED_OPERATION, "operation not offered");
            return;
        }
        if (!context.mayPerform(channel.association().isRequestor())) {
            refuse(channel, context, request, dataSet, Status.NOT_AUTHORIZED,
                    "SCP role not negotiated for this context");
            return;
        }
        service.handle(channel, context, request, dataSet);
    }

    /** Answers with a failure once the request's data set, if any, has been read: never mid-message. */
    private static void refuse(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet, Status status, String comment) throws IOException {
        if (dataSet != null) {
            dataSet.skipAll();
        }
        channel.send(context.id(), DimseCommand.response(request, status, false).errorComment(comment), null);
    }

    /** Registers services; later registrations for the same SOP class and command replace earlier ones. */
    public static final class Builder {
        private final Map<String, Map<Integer, DimseService>> services = new HashMap<>();
        private final Set<String> extraAbstractSyntaxes = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder service(String sopClass, CommandField request, DimseService service) {
            if (request.isResponse()) {
                throw new IllegalArgumentException(request + " is not a request");
            }
            services.computeIfAbsent(sopClass, k -> new HashMap<>()).put(request.code(), service);
            return this;
        }

        /** C-ECHO SCP on the Verification SOP Class. */
        public Builder verification() {
            return service(UID.Verification, CommandField.C_ECHO_RQ, EchoService.INSTANCE);
        }

        /** C-STORE SCP for {@code sopClasses}, handing each instance to {@code handler}. */
        public Builder storage(Collection<String> sopClasses, StoreHandler handler) {
            StoreService store = new StoreService(handler);
            sopClasses.forEach(c -> service(c, CommandField.C_STORE_RQ, store));
            return this;
        }

        /** C-FIND SCP for the information models (Patient Root, Study Root, Modality Worklist, …). */
        public Builder find(Collection<String> informationModels, FindHandler handler) {
            FindService find = new FindService(handler);
            informationModels.forEach(m -> service(m, CommandField.C_FIND_RQ, find));
            return this;
        }

        /** C-MOVE SCP; sub-operations go out through associations opened with {@code requestor}. */
        public Builder move(Collection<String> informationModels, MoveHandler handler, AssociationRequestor requestor) {
            MoveService move = new MoveService(handler, requestor);
            informationModels.forEach(m -> service(m, CommandField.C_MOVE_RQ, move));
            return this;
        }

        /**
         * C-GET SCP. The storage SOP classes of the instances it sends must be accepted too (the requestor
         * proposes them with the SCP role): register them with {@link #storage} or {@link #abstractSyntaxes}.
         */
        public Builder get(Collection<String> informationModels, RetrieveHandler handler) {
            GetService get = new GetService(handler);
            informationModels.forEach(m -> service(m, CommandField.C_GET_RQ, get));
            return this;
        }

        /** Abstract syntaxes to accept without a service of our own (e.g. storage classes sent by C-GET). */
        public Builder abstractSyntaxes(Collection<String> sopClasses) {
            extraAbstractSyntaxes.addAll(sopClasses);
            return this;
        }

        public ServiceRegistry build() {
            return new ServiceRegistry(this);
        }
    }
}

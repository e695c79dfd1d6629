package org.hrnode.wado;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.testing.StoredStudies;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.Test;

/**
 * The DICOMweb resources deployed together on RESTEasy, as the node deploys them: several resource classes share
 * the class-level path {@value DicomWeb#BASE_PATH}, and each request still reaches the method it names.
 */
class DicomWebRoutingTest {

    /**
     * Another resource rooted at the same path, as the QIDO-RS, WADO-RS and STOW-RS resources are, on a path none of
     * them serves (UPS-RS work items).
     */
    @Path(DicomWeb.BASE_PATH)
    public static final class OtherRootResource {
        @GET
        @Path("workitems")
        public Response workitems() {
            return Response.ok("workitems").build();
        }
    }

    @Test
    void resourcesSharingTheBasePathEachGetTheirRequests() throws Exception {
        StoredStudies stored = new StoredStudies();
        StoredInstanceRef ref = stored.add(StoredStudies.flatImage("1.2.3", "1.2.3.1", "1.2.3.1.1", 100),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dispatcher dispatcher = MockDispatcherFactory.createDispatcher();
        for (Object resource : DicomWeb.resources(stored.context())) {
            dispatcher.getRegistry().addSingletonResource(resource);
        }
        dispatcher.getRegistry().addSingletonResource(new OtherRootResource());

        MockHttpResponse workitems = call(dispatcher, DicomWeb.BASE_PATH + "/workitems");
        MockHttpResponse thumbnail = call(dispatcher, DicomWeb.BASE_PATH + "/studies/1.2.3/thumbnail");
        MockHttpResponse rendered = call(dispatcher, DicomWeb.BASE_PATH + "/studies/1.2.3/series/1.2.3.1/instances/"
                + ref.sopInstanceUid() + "/rendered");
        MockHttpResponse wado = call(dispatcher, "/wado?requestType=WADO&studyUID=1.2.3&seriesUID=1.2.3.1&objectUID="
                + ref.sopInstanceUid() + "&contentType=image/png");

        assertThat(workitems.getStatus()).isEqualTo(200);
        assertThat(workitems.getContentAsString()).isEqualTo("workitems");
        assertThat(thumbnail.getStatus()).isEqualTo(200);
        assertThat(thumbnail.getOutputHeaders().getFirst("Content-Type")).hasToString("image/jpeg");
        assertThat(rendered.getStatus()).isEqualTo(200);
        assertThat(wado.getStatus()).isEqualTo(200);
        assertThat(wado.getOutputHeaders().getFirst("Content-Type")).hasToString("image/png");
    }

    private static MockHttpResponse call(Dispatcher dispatcher, String uri) throws Exception {
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(MockHttpRequest.get(uri), response);
        return response;
    }
}

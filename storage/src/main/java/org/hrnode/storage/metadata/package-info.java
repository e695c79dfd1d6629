/**
 * What WADO-RS metadata reads from the index: each instance's DICOM JSON, streamed, and the pre-built per-series
 * documents (V8) that serve series metadata without rebuilding it per request.
 */
package org.hrnode.storage.metadata;

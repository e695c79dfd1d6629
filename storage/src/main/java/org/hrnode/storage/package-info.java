/** Blob store (S3, filesystem) and the PostgreSQL index. Filled by the network/ingest issue. */
package org.hrnode.storage;

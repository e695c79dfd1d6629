/**
 * Where the node keeps what it receives: the bytes in a {@link org.hrnode.storage.blob.BlobStore} (file system, S3,
 * or in memory for tests) and what they are in the PostgreSQL {@link org.hrnode.storage.index.Index}, written in that
 * order by {@link org.hrnode.storage.ingest.StoreAndIndex}. See docs/ARCHITECTURE.md, section storage.
 */
package org.hrnode.storage;

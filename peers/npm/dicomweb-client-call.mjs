// Makes one call of npm dicomweb-client (an independent DICOMweb client, the one OHIF is built on) against a
// DICOMweb server and reports the answer as one JSON object on stdout, for the Java tests to check.
//
//   node dicomweb-client-call.mjs BASE_URL OUT_DIR METHOD [OPTIONS_JSON]
//
// BASE_URL  the server's DICOMweb root, e.g. http://127.0.0.1:8080/dicomweb
// OUT_DIR   binary answers (instances, frames, rendered images) are written here as part-0.bin, part-1.bin, …
// METHOD    a DICOMwebClient method: searchForStudies, retrieveSeriesMetadata, retrieveInstanceFrames, …
// OPTIONS   the method's options as JSON; for storeInstances, "files": [paths] stands for "datasets"
//
// Output: {"json": …} for DICOM JSON answers, {"parts": [{"file", "bytes"}]} for binary ones, {"empty": true} for
// none; on failure {"error", "status", "url", "response"} and exit status 1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import XMLHttpRequest from 'xhr2';
import dicomweb from 'dicomweb-client';

// dicomweb-client is written for browsers and uses XMLHttpRequest; xhr2 is that API on node's http module.
globalThis.XMLHttpRequest = XMLHttpRequest;

const [baseUrl, outDir, method, optionsJson] = process.argv.slice(2);
if (!baseUrl || !outDir || !method) {
  console.error('usage: node dicomweb-client-call.mjs BASE_URL OUT_DIR METHOD [OPTIONS_JSON]');
  process.exit(2);
}
const options = optionsJson ? JSON.parse(optionsJson) : {};
if (options.files) {
  options.datasets = options.files.map((file) => {
    const bytes = readFileSync(file);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  });
  delete options.files;
}

// verbose off: a failure is reported once, as JSON, not also as a dump of the request object on stderr
const client = new dicomweb.api.DICOMwebClient({ url: baseUrl, verbose: false });
if (typeof client[method] !== 'function') {
  console.error(`dicomweb-client has no method ${method}`);
  process.exit(2);
}

function isBinary(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function writeParts(values) {
  mkdirSync(outDir, { recursive: true });
  return values.map((value, i) => {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const file = path.join(outDir, `part-${i}.bin`);
    writeFileSync(file, bytes);
    return { file, bytes: bytes.length };
  });
}

function report(result) {
  if (result === undefined || result === null || result === '') {
    return { empty: true };
  }
  if (isBinary(result)) {
    return { parts: writeParts([result]) };
  }
  if (Array.isArray(result) && result.length > 0 && result.every(isBinary)) {
    return { parts: writeParts(result) };
  }
  return { json: result };
}

try {
  const result = await client[method](options);
  process.stdout.write(JSON.stringify(report(result)));
} catch (e) {
  // dicomweb-client rejects an HTTP error with an Error carrying status, request and response; other failures
  // (no connection, unparsable answer) are plain Errors
  const body = e?.response;
  const failure = {
    error: e?.message ?? String(e),
    status: e?.status ?? null,
    url: e?.request?.responseURL || null,
    response: typeof body === 'string' ? body.slice(0, 2000)
      : body instanceof ArrayBuffer ? Buffer.from(body).toString('utf8', 0, Math.min(body.byteLength, 2000)) : null,
  };
  process.stdout.write(JSON.stringify(failure));
  process.exit(1);
}
